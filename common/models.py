from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """An e-mail recorded in the transaction of the change it tells about, and sent after that
    transaction committed (see common.outbox)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("given up")

    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recipients = models.TextField(_("to"))
    subject = models.TextField(_("subject"))
    # The whole django.core.mail.EmailMessage, pickled: its parts (the calendar invitation with
    # its METHOD) go out exactly as they were built. Only the portal writes it.
    message = models.BinaryField()
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    # A mail to an address typed for it alone (a family's list): deleted once sent, and its
    # address never written to the log.
    forget_when_sent = models.BooleanField(_("forget when sent"), default=False)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="outgoing_email_due",
            )
        ]

    def __str__(self):
        return f"{self.recipients}: {self.subject}"


class UsageCount(models.Model):
    """How often a public page was seen, or a contact link or calendar used, on one day.

    Counted on the server (common.usage): no cookie, no IP address, no user, no query string;
    only the day, what happened, which page and which offer. The offer is its id, not a foreign
    key: common depends on no app.
    """

    class Kind(models.TextChoices):
        VIEW = "view", _("page view")
        PHONE = "phone", _("phone link")
        EMAIL = "email", _("e-mail link")
        WEBSITE = "website", _("website link")
        CALENDAR = "calendar", _("calendar download")

    day = models.DateField(_("day"))
    kind = models.CharField(_("what"), max_length=10, choices=Kind)
    page = models.CharField(_("page"), max_length=40)
    offer_id = models.PositiveIntegerField(_("offer"), null=True, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("use count")
        verbose_name_plural = _("use counts")
        constraints = [
            # One row per day, kind, page and offer (none for a page without one), which the
            # batched upsert of common.usage adds to.
            models.UniqueConstraint(
                fields=["day", "kind", "page", "offer_id"],
                name="usage_count_one_row_per_day",
                nulls_distinct=False,
            )
        ]
        indexes = [models.Index(fields=["offer_id", "day"], name="usage_count_offer_day")]

    def __str__(self):
        return f"{self.day} {self.kind} {self.page} {self.offer_id or ''}: {self.count}"
