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
