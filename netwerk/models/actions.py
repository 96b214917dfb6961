from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Partner, is_coordinator, person_name

from .groups import NetworkGroup
from .meetings import AgendaItem, Meeting


class ActionItemQuerySet(models.QuerySet):
    def for_user(self, user):
        """Action points a user may see and update: those of their partners and their own.

        Coordinators see all. Fetch through this method so another partner's point is a 404.
        """
        if is_coordinator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(owner_partner__in=Partner.objects.for_user(user)) | Q(owner_person=user)
        )

    def open(self):
        return self.filter(status__in=ActionItem.OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def due_within(self, days, today=None):
        """Open points overdue or due in the next ``days`` days."""
        today = today or timezone.localdate()
        return self.open().filter(due_date__lte=today + timedelta(days=days))


class ActionItem(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    group = models.ForeignKey(
        NetworkGroup,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="action_items",
        help_text=_("Filled in from the meeting when empty."),
        null=True,
        blank=True,
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    owner_partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner responsible"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="action_items",
    )
    owner_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person responsible"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.OPEN)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = [models.F("due_date").asc(nulls_last=True), "title"]
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_partner__isnull=False) | Q(owner_person__isnull=False),
                name="action_item_has_owner",
                violation_error_message=_("Choose a partner or a person responsible."),
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(status__in=["done", "dropped"]),
                name="action_item_completed_only_when_closed",
                violation_error_message=_("Only a closed action point has a completion date."),
            ),
        ]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The meeting and group follow from where the point came from, so lists per group
        # (the follow-up of a group's next meeting) need no joins through agenda items.
        if self.agenda_item_id and not self.meeting_id:
            self.meeting_id = self.agenda_item.meeting_id
        if self.meeting_id and not self.group_id:
            self.group_id = self.meeting.group_id
        if self.status in self.OPEN_STATUSES:
            self.completed_on = None
        elif self.completed_on is None:
            self.completed_on = timezone.localdate()
        super().save(*args, **kwargs)

    def clean(self):
        if (
            self.agenda_item_id
            and self.meeting_id
            and self.agenda_item.meeting_id != self.meeting_id
        ):
            raise ValidationError(
                {"agenda_item": _("This agenda item belongs to another meeting.")}
            )

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()

    @property
    def owner_display(self):
        parts = [str(self.owner_partner) if self.owner_partner_id else ""]
        parts.append(person_name(self.owner_person) if self.owner_person_id else "")
        return " – ".join(p for p in parts if p)
