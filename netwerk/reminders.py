"""The scheduled reminders. Each returns what it sent, as (recipient, subject) pairs.

Every e-mail is recorded in SentReminder in the transaction that puts it in the outbox, so a
second run (cron retrying, a coordinator running it by hand) sends nothing twice; the outbox
sends it after the commit and tries again when the mail server fails.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from common import outbox
from partners.models import COORDINATORS_GROUP, Membership, Partner

from . import emails
from .models import ActionItem, Attendance, Meeting, SentReminder


def _already_sent(kind, keys):
    """(key, recipient) pairs of this kind that were sent before, in one query."""
    sent = SentReminder.objects.filter(kind=kind, key__in=keys)
    return set(sent.values_list("key", "recipient"))


def _send(kind, keys, message):
    with transaction.atomic():
        SentReminder.objects.bulk_create(
            [SentReminder(kind=kind, key=key, recipient=message.to[0]) for key in keys]
        )
        outbox.queue([message])
    return message.to[0], message.subject


def meetings_tomorrow(today=None):
    """Everyone registered as attending gets a reminder the day before a planned meeting."""
    today = today or timezone.localdate()
    start = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    attendances = (
        Attendance.objects.filter(
            rsvp=Attendance.Rsvp.ATTENDING,
            meeting__status=Meeting.Status.PLANNED,
            meeting__starts_at__gte=start,
            meeting__starts_at__lt=start + timedelta(days=1),
            person__is_active=True,
        )
        .exclude(person__email="")
        .select_related("person", "meeting__group", "meeting__location")
        .prefetch_related("meeting__agenda_items")
    )
    attendances = list(attendances)
    kind = SentReminder.Kind.MEETING_TOMORROW
    sent_before = _already_sent(kind, {f"meeting:{a.meeting_id}" for a in attendances})
    sent = []
    for attendance in attendances:
        key = f"meeting:{attendance.meeting_id}"
        if (key, attendance.person.email) in sent_before:
            continue
        context = {"meeting": attendance.meeting, "attendance": attendance}
        message = emails.build("meeting_tomorrow", context, attendance.person.email)
        sent.append(_send(kind, [key], message))
        sent_before.add((key, attendance.person.email))
    return sent


def coordinators():
    return (
        get_user_model()
        .objects.filter(groups__name=COORDINATORS_GROUP, is_active=True)
        .exclude(email="")
        .order_by("email")
    )


def missing_minutes(days, now=None):
    """Coordinators hear once about each meeting that ended more than ``days`` days ago
    without published minutes; one e-mail per coordinator lists them all."""
    now = now or timezone.now()
    meetings = list(
        Meeting.objects.not_cancelled()
        .filter(ends_at__lt=now - timedelta(days=days))
        .exclude(pk__in=Meeting.objects.with_published_minutes().values("pk"))
        .select_related("group")
        .order_by("starts_at")
    )
    kind = SentReminder.Kind.MINUTES_MISSING
    keys = {f"meeting:{m.pk}" for m in meetings}
    sent_before = _already_sent(kind, keys)
    sent = []
    for user in coordinators():
        todo = [m for m in meetings if (f"meeting:{m.pk}", user.email) not in sent_before]
        if not todo:
            continue
        message = emails.build("minutes_missing", {"meetings": todo, "days": days}, user.email)
        sent.append(_send(kind, [f"meeting:{m.pk}" for m in todo], message))
        sent_before |= {(f"meeting:{m.pk}", user.email) for m in todo}
    return sent


def action_digest(days_ahead=7, today=None):
    """Once a week, each partner's people get the partner's open points that are overdue
    or due within ``days_ahead`` days."""
    today = today or timezone.localdate()
    year, week, _weekday = today.isocalendar()
    items = (
        ActionItem.objects.due_within(days_ahead, today)
        .filter(owner_partner__isnull=False)
        .order_by("owner_partner_id", "due_date")
    )
    by_partner = {}
    for item in items:
        by_partner.setdefault(item.owner_partner_id, []).append(item)
    partners = Partner.objects.in_bulk(by_partner)
    members = (
        Membership.objects.filter(partner_id__in=by_partner, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__email")
    )
    kind = SentReminder.Kind.ACTION_DIGEST
    keys = {pk: f"partner:{pk}:week:{year}-W{week:02d}" for pk in by_partner}
    sent_before = _already_sent(kind, keys.values())
    sent = []
    for membership in members:
        key = keys[membership.partner_id]
        if (key, membership.user.email) in sent_before:
            continue
        context = {
            "partner": partners[membership.partner_id],
            "items": by_partner[membership.partner_id],
        }
        message = emails.build("action_digest", context, membership.user.email)
        sent.append(_send(kind, [key], message))
        sent_before.add((key, membership.user.email))
    return sent
