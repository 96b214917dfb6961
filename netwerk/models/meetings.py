import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Partner, is_coordinator

from .common import Publication
from .groups import NetworkGroup


class MeetingQuerySet(models.QuerySet):
    def for_user(self, user):
        """Meetings a user may see: those of the groups they may see (see NetworkGroup.for_user)."""
        if is_coordinator(user):
            return self.all()
        return self.filter(group__in=NetworkGroup.objects.for_user(user))

    def upcoming(self, now=None):
        """Meetings that have not ended yet, cancelled ones included (they stay announced)."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def not_cancelled(self):
        return self.exclude(status=Meeting.Status.CANCELLED)

    def with_published_minutes(self):
        return self.filter(minutes_status=Publication.PUBLISHED).exclude(minutes="")

    def with_counts(self):
        """Numbers for lists: attending, present and partners represented, in one query.

        A partner counts as represented when someone of it was present, or said they would
        come and presence was not recorded yet.
        """
        attending = Q(attendances__rsvp=Attendance.Rsvp.ATTENDING)
        present = Q(attendances__presence=Attendance.Presence.PRESENT)
        expected = present | (attending & Q(attendances__presence=""))
        return self.annotate(
            attending_count=Count("attendances", filter=attending, distinct=True),
            present_count=Count("attendances", filter=present, distinct=True),
            partner_count=Count("attendances__partner", filter=expected, distinct=True),
        )


class Meeting(models.Model):
    class Kind(models.TextChoices):
        NETWORK = "network", _("network meeting")
        STEERING = "steering", _("steering group meeting")
        WORKGROUP = "workgroup", _("workgroup meeting")
        LUNCH = "lunch", _("network lunch")
        EVENT = "event", _("networking event")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    group = models.ForeignKey(
        NetworkGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.NETWORK)
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Empty: the name of the group.")
    )
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    format = models.CharField(_("format"), max_length=12, choices=Format, default=Format.IN_PERSON)
    # A place of the catalogue, named by its label: netwerk does not import aanbod (the
    # migrations still depend on it).
    location = models.ForeignKey(
        "aanbod.Location",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    location_text = models.CharField(
        _("other place"),
        max_length=255,
        blank=True,
        help_text=_("A room or an address that is not in the list of places."),
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Only shown to logged-in members.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PLANNED)
    capacity = models.PositiveIntegerField(_("number of places"), null=True, blank=True)
    registration_deadline = models.DateTimeField(_("register before"), null=True, blank=True)
    minutes = models.TextField(
        _("minutes"),
        blank=True,
        help_text=_("Markdown: **bold**, *italic*, lists with -, links. No HTML."),
    )
    minutes_status = models.CharField(
        _("minutes status"), max_length=12, choices=Publication, default=Publication.DRAFT
    )
    minutes_published_at = models.DateTimeField(_("minutes published at"), null=True, blank=True)
    # iCalendar identity: the UID never changes; SEQUENCE is raised on every change of time,
    # place or status so calendar clients replace their copy (RFC 5545, 3.8.7.4).
    uid = models.UUIDField(_("calendar ID"), default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("sequence (calendar)"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    TRACKED_FIELDS = (
        "starts_at",
        "ends_at",
        "format",
        "location_id",
        "location_text",
        "online_url",
        "status",
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__isnull=True)
                | Q(registration_deadline__lte=F("starts_at")),
                name="meeting_deadline_before_start",
                violation_error_message=_("The registration deadline must be before the start."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="meeting_capacity_positive",
                violation_error_message=_("The number of places must be at least 1."),
            ),
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self):
        return f"{self.display_title} ({timezone.localtime(self.starts_at):%d-%m-%Y})"

    def save(self, *args, **kwargs):
        if self.pk:
            old = Meeting.objects.filter(pk=self.pk).values(*self.TRACKED_FIELDS).first()
            if old and any(old[f] != getattr(self, f) for f in self.TRACKED_FIELDS):
                self.sequence += 1
                fields = kwargs.get("update_fields")
                if fields is not None:
                    kwargs["update_fields"] = {*fields, "sequence", "updated_at"}
        if self.minutes_status == Publication.PUBLISHED:
            self.minutes_published_at = self.minutes_published_at or timezone.now()
        else:
            self.minutes_published_at = None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("netwerk:meeting_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The meeting must end after it starts.")
        if (
            self.registration_deadline
            and self.starts_at
            and self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _(
                "The registration deadline must be before the start."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self):
        return self.title or self.group.name

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def has_published_minutes(self):
        return self.minutes_status == Publication.PUBLISHED and bool(self.minutes)

    @property
    def place(self):
        """Where to go, in words: the place's name and address, then the room or free text."""
        parts = []
        if self.location_id:
            parts.append(f"{self.location.name}, {self.location.address}")
        if self.location_text:
            parts.append(self.location_text)
        return " – ".join(parts)

    def registration_closed(self, now=None):
        now = now or timezone.now()
        if self.registration_deadline:
            return now > self.registration_deadline
        return now >= self.starts_at


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        INFORMATION = "information", _("information")
        DISCUSSION = "discussion", _("discussion")
        DECISION = "decision", _("decision")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.INFORMATION)
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("presenter"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    presenter_partner = models.ForeignKey(
        Partner,
        verbose_name=_("presenting partner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    duration_minutes = models.PositiveSmallIntegerField(_("minutes planned"), null=True, blank=True)
    report = models.ForeignKey(
        "netwerk.WorkgroupReport",
        verbose_name=_("workgroup report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    coordinator_note = models.TextField(
        _("note for coordinators"), blank=True, help_text=_("Never shown to partners.")
    )
    decision = models.TextField(
        _("decision"),
        blank=True,
        help_text=_("What was decided. Partners see it once the minutes are published."),
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class Attendance(models.Model):
    """One person at one meeting: what they answered, and whether they came."""

    class Rsvp(models.TextChoices):
        ATTENDING = "attending", _("attending")
        DECLINED = "declined", _("declined")
        EXCUSED = "excused", _("excused")

    class Presence(models.TextChoices):
        PRESENT = "present", _("present")
        ABSENT = "absent", _("absent")
        EXCUSED = "excused", _("excused")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="meeting_attendances",
    )
    # The partner the person represented at that meeting: people change jobs, history stays.
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("on behalf of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_attendances",
    )
    rsvp = models.CharField(_("answer"), max_length=12, choices=Rsvp, blank=True)
    rsvp_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    stand_in = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("stand-in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("A colleague who comes instead."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    presence = models.CharField(_("presence"), max_length=12, choices=Presence, blank=True)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    invited_sequence = models.PositiveIntegerField(
        _("invitation version"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["meeting", "partner__name", "person__last_name", "person__email"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="attendance_once_per_meeting",
                violation_error_message=_("This person is already on the list of this meeting."),
            ),
            models.CheckConstraint(
                condition=Q(stand_in__isnull=True) | Q(rsvp="excused"),
                name="attendance_stand_in_only_when_excused",
                violation_error_message=_("Only someone who is excused can name a stand-in."),
            ),
            models.CheckConstraint(
                condition=Q(stand_in__isnull=True) | ~Q(stand_in=F("person")),
                name="attendance_stand_in_is_someone_else",
                violation_error_message=_("You cannot stand in for yourself."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.meeting}"

    @property
    def is_attending(self):
        return self.rsvp == self.Rsvp.ATTENDING
