"""A referral: one partner's staff refer a family, with its consent, to another partner (one of
its offers, or a Huis van het Kind it runs).

Only the staff of the two partners see it (Referral.objects.involving). The family's details
are few and encrypted at rest (crypto.EncryptedTextField); they are erased
REFERRAL_RETENTION_MONTHS after the referral ended, and every look at them is logged
(AccessLogEntry).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Partner

from .crypto import EncryptedTextField

# Who may consent: from 12 a young person is presumed capable of judgement (oordeelsbekwaam)
# in the Flemish decree on the legal position of minors in youth care (2004); under 12 a
# parent consents; from 18 only the young adult themselves.
YOUNG_PERSON_CONSENT_FROM_AGE = 12


class Status(models.TextChoices):
    SENT = "sent", _("sent")
    OPENED = "opened", _("opened")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    PASSED_ON = "passed_on", _("passed on to another partner")
    CONTACT_MADE = "contact_made", _("contact made")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")
    EXPIRED = "expired", _("expired")


# Waiting for the receiving partner's answer (these expire when unanswered).
WAITING = (Status.SENT, Status.OPENED, Status.PASSED_ON)
# Over: nothing can change any more, and the retention period runs.
ENDED = (Status.DECLINED, Status.CLOSED, Status.WITHDRAWN, Status.EXPIRED)


class AgeBand(models.TextChoices):
    EXPECTING = "expecting", _("expected (pregnancy)")
    UNDER_3 = "0-3", _("0 to 3 years")
    FROM_3 = "3-6", _("3 to 6 years")
    FROM_6 = "6-12", _("6 to 12 years")
    FROM_12 = "12-18", _("12 to 18 years")
    FROM_18 = "18-24", _("18 to 24 years")


class ConsentBy(models.TextChoices):
    PARENT = "parent", _("a parent")
    YOUNG_PERSON = "young_person", _("the young person")


class ConsentMethod(models.TextChoices):
    SPOKEN = "spoken", _("spoken")
    WRITTEN = "written", _("written")


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("phone call")
    EMAIL = "email", _("e-mail")
    TEXT = "text", _("text message")
    LETTER = "letter", _("letter")
    REFERRER = "referrer", _("through the referrer")
    FAMILY = "family", _("do not contact: the family will get in touch")


# Contact methods that need an address or number, and those where one is looked up by.
NEEDS_DETAIL = (ContactMethod.PHONE, ContactMethod.EMAIL, ContactMethod.TEXT, ContactMethod.LETTER)
SEARCHABLE = (ContactMethod.PHONE, ContactMethod.EMAIL, ContactMethod.TEXT)


class DeclineReason(models.TextChoices):
    NO_PLACE = "no_place", _("no place now (full or waiting list)")
    NOT_FOR_US = "not_for_us", _("not what we offer")
    ELSEWHERE = "elsewhere", _("better helped elsewhere")
    OTHER = "other", _("other reason")


class Outcome(models.TextChoices):
    HELPED = "helped", _("the family is helped")
    REFERRED_ON = "referred_on", _("the family was referred further")
    NOT_REACHED = "not_reached", _("the family could not be reached")
    FAMILY_STOPPED = "family_stopped", _("the family did not want to go on")
    OTHER = "other", _("other outcome")


class ReferralQuerySet(models.QuerySet):
    def involving(self, partner):
        """The referrals a partner sent or now receives: the only ones its staff see."""
        return self.filter(models.Q(sender=partner) | models.Q(receiver=partner))

    def waiting(self):
        return self.filter(status__in=WAITING)

    def ended_before(self, moment):
        """Ended before the moment and not yet erased."""
        return self.filter(status__in=ENDED, ended_at__lt=moment, erased_at__isnull=True)


class Referral(models.Model):
    sender = models.ForeignKey(
        Partner,
        verbose_name=_("sending partner"),
        on_delete=models.PROTECT,
        related_name="referrals_sent",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    receiver = models.ForeignKey(
        Partner,
        verbose_name=_("receiving partner"),
        on_delete=models.PROTECT,
        related_name="referrals_received",
    )
    offer = models.ForeignKey(
        "aanbod.Offer",
        verbose_name=_("offer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    huis = models.ForeignKey(
        "aanbod.Location",
        verbose_name=_("Huis van het Kind"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The consent, recorded before anything else.
    consent_by = models.CharField(_("consent given by"), max_length=20, choices=ConsentBy)
    consent_on = models.DateField(_("consent given on"))
    consent_method = models.CharField(_("consent given"), max_length=20, choices=ConsentMethod)
    age_band = models.CharField(_("age of the child"), max_length=20, choices=AgeBand)
    # The family's details: only what the receiving partner needs to make contact.
    first_name = EncryptedTextField(_("first name or initials"))
    contact_method = models.CharField(
        _("how to make contact"), max_length=20, choices=ContactMethod
    )
    contact_detail = EncryptedTextField(_("phone number, e-mail or address"), blank=True)
    contact_lookup = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    language = EncryptedTextField(_("preferred language"))
    interpreter_needed = models.BooleanField(_("an interpreter is needed"), default=False)
    question = EncryptedTextField(_("the question"))

    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SENT)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    # Since when the current receiver has to answer (sent, or passed on to them).
    waiting_since = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, blank=True)
    expiry_warned_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(_("personal details erased at"), null=True, blank=True)
    # The one-time key of the form that sent it: sending twice creates it once.
    form_key = models.UUIDField(unique=True, null=True, editable=False)

    objects = ReferralQuerySet.as_manager()

    PERSONAL_FIELDS = ("first_name", "contact_detail", "language", "question")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("receiver")),
                name="referral_to_another_partner",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="") | models.Q(status="closed"),
                name="referral_outcome_only_when_closed",
            ),
        ]
        indexes = [models.Index(fields=["status", "waiting_since"])]

    def __str__(self):
        return _("Referral %(number)s") % {"number": self.pk}

    @property
    def is_ended(self):
        return self.status in ENDED

    @property
    def is_erased(self):
        return self.erased_at is not None

    def side_of(self, partner):
        """Which side the staff of one of the two partners act for: sender or receiver."""
        return "sender" if partner.pk == self.sender_id else "receiver"

    def other_side(self, partner):
        return self.receiver if partner.pk == self.sender_id else self.sender


class ReferralEvent(models.Model):
    """One step of a referral's timeline, seen by both sides."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("status"), max_length=20, choices=Status)
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    passed_to = models.ForeignKey(
        Partner,
        verbose_name=_("passed on to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=DeclineReason, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, blank=True)
    # Free text may name the family: encrypted and erased with the referral's details.
    note = EncryptedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("referral step")
        verbose_name_plural = _("referral steps")

    def __str__(self):
        return f"{self.referral_id}: {self.get_status_display()}"


class AccessLogEntry(models.Model):
    """Who looked at, exported or erased a referral's personal details, and when. It holds no
    personal details of the family, and stays when the referral's details are erased."""

    class Action(models.TextChoices):
        VIEWED = "viewed", _("viewed")
        SEARCHED = "searched", _("found in a subject access search")
        EXPORTED = "exported", _("exported")
        ERASED = "erased", _("erased")

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("for partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    referral = models.ForeignKey(
        Referral,
        verbose_name=_("referral"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="access_log",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"
