import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.markup import declaration_html

from .backends import normalise_address

COORDINATORS_GROUP = "Coordinators"


def person_name(user):
    """How people are named on pages and lists: their full name, else their e-mail address."""
    if user is None:
        return ""
    return user.get_full_name() or user.email or user.get_username()


def is_coordinator(user):
    """Coordinators run the network: staff in the Coordinators group, or superusers."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not user.is_staff:
        return False
    # Every scoping method asks, several times per request: ask the database once per user
    # object (a request loads its user afresh).
    cached = getattr(user, "_is_coordinator", None)
    if cached is None:
        cached = user._is_coordinator = user.groups.filter(name=COORDINATORS_GROUP).exists()
    return cached


class PartnerQuerySet(models.QuerySet):
    def public(self):
        """Partners shown to the public: active members of the network and candidates."""
        return self.exclude(status=Partner.Status.FORMER)

    def for_user(self, user):
        """The partners a user may act for: every partner for coordinators, else their own.

        This is the one place that decides whose data a logged-in person may see and change.
        """
        if is_coordinator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user).distinct()

    def staffed_by(self, user):
        """The partners a person works for (their memberships). Unlike for_user, a
        coordinator gets only their own: for what a partner's own staff alone may see (its
        referrals) or do in its name (answer an invitation). One membership per partner and
        person, so no partner comes twice."""
        return self.filter(memberships__user=user)

    def managed_by(self, user):
        """The partners whose team a user may manage: all for coordinators, else as manager."""
        if is_coordinator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            memberships__user=user, memberships__role=Membership.Role.MANAGER
        ).distinct()


class Partner(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        CANDIDATE = "candidate", _("candidate")
        FORMER = "former", _("former")

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("government")
        NONPROFIT = "nonprofit", _("non-profit organisation")
        HEALTH = "health", _("health care")
        EDUCATION = "education", _("education")
        WELFARE = "welfare", _("welfare")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.NONPROFIT)
    # The identifier the open data (HSDS) publishes: stable, and says nothing about the row.
    uuid = models.UUIDField(
        _("open data identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    logo = models.ImageField(_("logo"), upload_to="partners/logos/", blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ACTIVE)
    partner_since = models.DateField(_("partner since"), null=True, blank=True)
    network_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("network representative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = PartnerQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partners:detail", args=[self.slug])


class Membership(models.Model):
    """A person working for a partner. One person may belong to several partners."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("editor")
        MANAGER = "manager", _("manager")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partner__name", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partner"], name="membership_unique_per_partner"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.partner} ({self.get_role_display()})"


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        """Invitations that were neither accepted nor withdrawn (they may have expired)."""
        return self.filter(status=Invitation.Status.PENDING)


class Invitation(models.Model):
    """An e-mailed invitation to join a partner's team with a role.

    The link carries the invitation's id signed with a timestamp (see make_token), so it
    cannot be guessed or altered and stops working after MAX_AGE; the status makes each
    link single-use and lets a manager withdraw it.
    """

    MAX_AGE = timedelta(days=7)
    TOKEN_SALT = "partners.invitation"

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REVOKED = "revoked", _("withdrawn")
        REPLACED = "replaced", _("replaced by a newer invitation")

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(
        _("role"), max_length=20, choices=Membership.Role, default=Membership.Role.EDITOR
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.PENDING, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, editable=False)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            # Re-inviting replaces the open invitation, so at most one link works at a time.
            models.UniqueConstraint(
                fields=["partner", "email"],
                condition=models.Q(status="pending"),
                name="invitation_one_pending_per_person",
            )
        ]

    def __str__(self):
        return f"{self.email} – {self.partner}"

    def save(self, *args, **kwargs):
        # Addresses are compared in one form everywhere (normalise_address); store them so.
        self.email = normalise_address(self.email)
        super().save(*args, **kwargs)

    @property
    def expires_at(self):
        return self.created_at + self.MAX_AGE

    @property
    def is_expired(self):
        return timezone.now() > self.expires_at

    def make_token(self):
        return signing.TimestampSigner(salt=self.TOKEN_SALT).sign(str(self.pk))

    @classmethod
    def id_from_token(cls, token):
        """The invitation id in a link. Raises signing.SignatureExpired or BadSignature."""
        value = signing.TimestampSigner(salt=cls.TOKEN_SALT).unsign(token, max_age=cls.MAX_AGE)
        if not value.isdigit():
            raise signing.BadSignature("Not an invitation id.")
        return int(value)

    def get_accept_url(self):
        return reverse("invitation_accept", args=[self.make_token()])


class DeclarationQuerySet(models.QuerySet):
    def published(self, today=None):
        """Versions in force: a version is published on its effective date, so coordinators
        can prepare one ahead."""
        return self.filter(effective_from__lte=today or timezone.localdate())

    def current(self, today=None):
        """The version new partners sign and active partners are asked to sign, or None."""
        return self.published(today).order_by("-effective_from", "-pk").first()


class Declaration(models.Model):
    """A version of the engagement declaration (engagementsverklaring)."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    effective_from = models.DateField(
        _("effective from"),
        help_text=_(
            "The version is published on this day: from then on new partners sign it, and "
            "active partners that have not signed it yet are asked to in their portal."
        ),
    )

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from"]
        get_latest_by = "effective_from"
        verbose_name = _("engagement declaration")
        verbose_name_plural = _("engagement declarations")

    def __str__(self):
        return f"{self.title} ({self.version})"

    def html(self):
        return declaration_html(self.text, self.title)


class Signature(models.Model):
    declaration = models.ForeignKey(
        Declaration,
        verbose_name=_("engagement declaration"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="signatures"
    )
    signed_on = models.DateField(_("signed on"))
    signed_by = models.CharField(_("signed by"), max_length=150, blank=True)
    signer_role = models.CharField(_("role of the signer"), max_length=150, blank=True)

    class Meta:
        ordering = ["declaration", "partner__name"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "partner"], name="signature_once_per_declaration"
            )
        ]

    def __str__(self):
        return f"{self.partner} – {self.declaration.version}"


def declaration_to_sign(partner):
    """The current declaration when an active partner has not signed it yet, else None."""
    if partner.status != Partner.Status.ACTIVE:
        return None
    declaration = Declaration.objects.current()
    if declaration is None or declaration.signatures.filter(partner=partner).exists():
        return None
    return declaration


class Application(models.Model):
    """An organisation asking to become a partner, signing a version of the declaration.

    Coordinators review it in the admin (partners.services): approving it makes the partner,
    its signature and an invitation for the contact person as the partner's manager.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        MORE_INFORMATION = "more_information", _("more information asked")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    OPEN = (Status.SUBMITTED, Status.MORE_INFORMATION)

    name = models.CharField(_("name of the organisation"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=Partner.Kind)
    address = models.CharField(_("address"), max_length=255)
    website = models.URLField(_("website"), blank=True)
    offer = models.TextField(_("what the organisation offers families"))
    # The slugs of aanbod's pillars: partners cannot refer to that app, so the public form
    # (which can) offers and checks them.
    pillars = ArrayField(
        models.SlugField(max_length=50), verbose_name=_("pillars"), default=list, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("e-mail address of the contact person"))
    contact_phone = models.CharField(_("phone of the contact person"), max_length=40, blank=True)
    declaration = models.ForeignKey(
        Declaration,
        verbose_name=_("engagement declaration"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    signed_by = models.CharField(_("signed by"), max_length=150)
    signer_role = models.CharField(_("role of the signer"), max_length=150)
    signed_on = models.DateField(_("signed on"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.SUBMITTED, editable=False
    )
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
    partner = models.OneToOneField(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="application",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self):
        return self.name

    @property
    def is_open(self):
        return self.status in self.OPEN


class ApplicationStep(models.Model):
    """One change of an application's status, with the message the contact person got."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="steps"
    )
    status = models.CharField(_("status"), max_length=20, choices=Application.Status)
    message = models.TextField(_("message"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")

    def __str__(self):
        return f"{self.application} – {self.get_status_display()}"
