from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Partner, is_coordinator


class NetworkGroupQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def readable_by(self, user):
        """Groups whose page (mandate, members, reports) a user may read: every group for
        those who work for a partner and for coordinators, none for other accounts. Their
        meetings are another matter (for_user)."""
        if is_coordinator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(models.Exists(Partner.objects.for_user(user)))

    def for_user(self, user):
        """Groups whose meetings a user may see: the network itself and the groups their
        partners (or they in person) currently belong to. Coordinators see every group."""
        if is_coordinator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        partners = Partner.objects.for_user(user)
        member_of = (
            GroupMember.objects.current()
            .filter(Q(partner__in=partners) | Q(person=user))
            .values("group_id")
        )
        # Network-wide meetings are for everyone who works for a partner, not for any account.
        return self.filter(
            Q(pk__in=member_of) | (Q(kind=NetworkGroup.Kind.NETWORK) & models.Exists(partners))
        )


class NetworkGroup(models.Model):
    """A body of the network: the network itself, the steering group, a workgroup or the
    series of networking lunches."""

    class Kind(models.TextChoices):
        NETWORK = "network", _("network")
        STEERING = "steering", _("steering group")
        WORKGROUP = "workgroup", _("workgroup")
        LUNCH = "lunch", _("lunch series")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.WORKGROUP)
    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=160, unique=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    mandate = models.TextField(
        _("mandate"), blank=True, help_text=_("What the group does and reports back on.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = NetworkGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("netwerk:group_detail", args=[self.slug])

    @property
    def is_network_wide(self):
        return self.kind == self.Kind.NETWORK


class GroupMemberQuerySet(models.QuerySet):
    def current(self, day=None):
        """Memberships that run on `day` (today); GroupMember.is_current says it of one."""
        day = day or timezone.localdate()
        return self.filter(start_date__lte=day).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )


class GroupMember(models.Model):
    """A partner in a group, optionally with the person who represents it there."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        SECRETARY = "secretary", _("secretary")
        MEMBER = "member", _("member")
        OBSERVER = "observer", _("observer")

    group = models.ForeignKey(
        NetworkGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="members"
    )
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="group_memberships",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="group_memberships",
        help_text=_("Optional: the person who represents the partner in this group."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    start_date = models.DateField(_("from"), default=timezone.localdate)
    end_date = models.DateField(_("until"), null=True, blank=True)

    objects = GroupMemberQuerySet.as_manager()

    class Meta:
        ordering = ["group__name", "partner__name"]
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="group_member_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        who = f"{self.partner} ({self.person})" if self.person_id else str(self.partner)
        return f"{self.group}: {who} – {self.get_role_display()}"

    def is_current(self, day):
        """Whether this membership runs on `day`, as GroupMember.objects.current(day) picks."""
        return self.start_date <= day and (self.end_date is None or self.end_date >= day)
