from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Partner, is_coordinator


class OpportunityQuerySet(models.QuerySet):
    def for_user(self, user):
        """Opportunities a user may see, with the partners' interest in them: all of them for
        those who work for a partner and for coordinators, none for other accounts."""
        if is_coordinator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(models.Exists(Partner.objects.for_user(user)))

    def open_calls(self, today=None):
        """What partners can still join: open or forming a consortium, deadline not passed."""
        today = today or timezone.localdate()
        return self.filter(status__in=Opportunity.JOINABLE_STATUSES).filter(
            Q(deadline__isnull=True) | Q(deadline__gte=today)
        )


class Opportunity(models.Model):
    """A chance to work together: a project call, funding, joint volunteer recruitment."""

    class Kind(models.TextChoices):
        PROJECT_CALL = "project_call", _("project call")
        FUNDING = "funding", _("funding")
        VOLUNTEERS = "volunteers", _("volunteer recruitment")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FORMING = "forming", _("forming a consortium")
        SUBMITTED = "submitted", _("submitted")
        GRANTED = "granted", _("granted")
        REJECTED = "rejected", _("rejected")
        CLOSED = "closed", _("closed")

    JOINABLE_STATUSES = (Status.OPEN, Status.FORMING)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PROJECT_CALL)
    title = models.CharField(_("title"), max_length=200)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    link = models.URLField(_("link"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.OPEN)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = [models.F("deadline").asc(nulls_last=True), "title"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("netwerk:opportunity_detail", args=[self.pk])

    def is_joinable(self, today=None):
        today = today or timezone.localdate()
        return self.status in self.JOINABLE_STATUSES and (
            self.deadline is None or self.deadline >= today
        )


class Interest(models.Model):
    """A partner's interest in an opportunity, and the part it wants to play."""

    class Role(models.TextChoices):
        LEAD = "lead", _("lead partner")
        PARTNER = "partner", _("partner")
        INTERESTED = "interested", _("interested")

    opportunity = models.ForeignKey(
        Opportunity,
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="interests",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="interests"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role, default=Role.INTERESTED)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        ordering = ["opportunity", "role", "partner__name"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "partner"],
                name="interest_once_per_partner",
                violation_error_message=_("This partner has already shown interest."),
            )
        ]

    def __str__(self):
        return f"{self.partner} – {self.opportunity} ({self.get_role_display()})"
