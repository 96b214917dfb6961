from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.models import AgeBand, Offer, Postcode, Theme
from partners.models import Partner, is_coordinator

# What reaches every family wherever they live, beside the deelgemeenten of the offer's places.
REACHING_EVERYONE = (Offer.Format.HOME_VISIT, Offer.Format.PHONE, Offer.Format.ONLINE)


class Area(models.TextChoices):
    """The columns of the coverage analysis: each deelgemeente, and the ways of reaching every
    family (coverage.offer_areas decides which offers count for which)."""

    LEUVEN = Postcode.LEUVEN.value, Postcode.LEUVEN.label
    HEVERLEE = Postcode.HEVERLEE.value, Postcode.HEVERLEE.label
    KESSEL_LO = Postcode.KESSEL_LO.value, Postcode.KESSEL_LO.label
    WILSELE = Postcode.WILSELE.value, Postcode.WILSELE.label
    WIJGMAAL = Postcode.WIJGMAAL.value, Postcode.WIJGMAAL.label
    HOME_VISIT = Offer.Format.HOME_VISIT.value, _("home visits")
    PHONE = Offer.Format.PHONE.value, _("by phone")
    ONLINE = Offer.Format.ONLINE.value, _("online")


class NeedSignalQuerySet(models.QuerySet):
    def for_user(self, user):
        """The signals a person sees in full: all for coordinators, else their partners'."""
        if is_coordinator(user):
            return self.all()
        return self.filter(partner__in=Partner.objects.for_user(user))


class NeedSignal(models.Model):
    """A need or question partner staff or coordinators hear from families, recorded without
    anything that names or identifies a family, to be read beside the gaps in the offer."""

    class TargetGroup(models.TextChoices):
        ALL = "all", _("all families")
        NEWCOMERS = "newcomers", _("newcomers")
        SINGLE_PARENTS = "single_parents", _("single parents")
        POVERTY = "poverty", _("families in poverty")
        YOUNG_PARENTS = "young_parents", _("young parents")
        DISABILITY = "disability", _("families with a child with a disability")
        OTHER = "other", _("another group")

    class Frequency(models.TextChoices):
        ONCE = "once", _("once")
        SOMETIMES = "sometimes", _("now and then")
        OFTEN = "often", _("often")

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("heard by"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="need_signals",
        help_text=_("Empty when the coordination heard it."),
    )
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="need_signals"
    )
    age_band = models.CharField(_("for whom"), max_length=10, choices=AgeBand, blank=True)
    area = models.CharField(_("where"), max_length=12, choices=Area, blank=True)
    target_group = models.CharField(
        _("target group"), max_length=20, choices=TargetGroup, default=TargetGroup.ALL
    )
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency, default=Frequency.SOMETIMES
    )
    description = models.TextField(
        _("what families ask or need"),
        max_length=500,
        help_text=_("A short description. No names or other personal details."),
    )
    heard_on = models.DateField(_("heard on"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = NeedSignalQuerySet.as_manager()

    class Meta:
        ordering = ["-heard_on", "-pk"]
        verbose_name = _("need signal")
        verbose_name_plural = _("need signals")

    def __str__(self):
        return f"{self.theme}: {self.description[:60]}"
