"""Writes that span several models: answering an invitation, inviting, cancelling, presence,
showing interest. Each is one transaction and checks its rules before it writes anything."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from common import outbox
from partners.models import Membership, Partner

from . import emails, ical
from .models import Attendance, GroupMember, Interest, Meeting


def check_can_answer(meeting, now=None):
    """Raise a ValidationError with the reason when a meeting takes no answers (any more)."""
    if meeting.is_cancelled:
        raise ValidationError(_("This meeting is cancelled."), code="cancelled")
    if meeting.status == Meeting.Status.HELD or meeting.starts_at <= (now or timezone.now()):
        raise ValidationError(_("This meeting has already started."), code="started")
    if meeting.registration_closed(now):
        deadline = timezone.localtime(meeting.registration_deadline)
        raise ValidationError(
            _("Registration for this meeting closed on %(deadline)s.")
            % {"deadline": date_format(deadline, "SHORT_DATETIME_FORMAT")},
            code="deadline",
        )


def can_answer(meeting, now=None):
    """Whether a meeting takes answers (check_can_answer tells why not)."""
    try:
        check_can_answer(meeting, now)
    except ValidationError:
        return False
    return True


def rsvp(*, meeting, person, partner, answer, stand_in=None, note="", now=None):
    """Record a person's answer to a meeting.

    "Excused, X stands in" also puts the colleague X on the list as attending for the same
    partner, so X gets the reminder and is on the sign-in sheet. Raises ValidationError
    (nothing saved) for a cancelled or started meeting, a passed deadline, a full meeting or
    a stand-in who is not a colleague.
    """
    now = now or timezone.now()
    if answer not in Attendance.Rsvp.values:
        raise ValidationError(_("Choose whether you will come."), code="answer")
    if stand_in is not None:
        if answer != Attendance.Rsvp.EXCUSED:
            raise ValidationError(_("Only someone who is excused can name a stand-in."))
        if stand_in == person:
            raise ValidationError(_("You cannot stand in for yourself."))
        if not Membership.objects.filter(user=stand_in, partner=partner).exists():
            raise ValidationError(_("The stand-in must be a colleague of the same partner."))
    with transaction.atomic():
        # Lock the meeting row so two people cannot take the last place at the same time.
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        check_can_answer(meeting, now)
        coming = {person.pk} if answer == Attendance.Rsvp.ATTENDING else set()
        if stand_in is not None:
            coming = {stand_in.pk}
        if coming and meeting.capacity is not None:
            taken = (
                meeting.attendances.filter(rsvp=Attendance.Rsvp.ATTENDING)
                .exclude(person_id__in={person.pk, *coming})
                .count()
            )
            if taken + len(coming) > meeting.capacity:
                raise ValidationError(_("This meeting is full."), code="full")
        attendance, _created = Attendance.objects.update_or_create(
            meeting=meeting,
            person=person,
            defaults={
                "partner": partner,
                "rsvp": answer,
                "rsvp_at": now,
                "stand_in": stand_in,
                "note": note,
            },
        )
        if stand_in is not None:
            Attendance.objects.update_or_create(
                meeting=meeting,
                person=stand_in,
                defaults={
                    "partner": partner,
                    "rsvp": Attendance.Rsvp.ATTENDING,
                    "rsvp_at": now,
                    "stand_in": None,
                },
            )
    return attendance


def invitees(meeting):
    """Who is invited to a meeting, as (person, partner) pairs.

    Per member partner of the group: the people named in the group, else the partner's
    network representative, else everyone working for it. A network-wide meeting invites
    every active partner that way. People who already answered "attending" stay invited.
    """
    day = timezone.localtime(meeting.starts_at).date()
    members = GroupMember.objects.current(day).filter(group=meeting.group)
    members = list(members.select_related("person", "partner__network_contact"))
    people = {}
    named = set()
    for member in members:
        if member.person_id:
            people.setdefault(member.person_id, (member.person, member.partner))
            named.add(member.partner_id)
    partners = {m.partner_id: m.partner for m in members if m.partner_id not in named}
    if meeting.group.is_network_wide:
        active = Partner.objects.filter(status=Partner.Status.ACTIVE).exclude(pk__in=named)
        for partner in active.select_related("network_contact"):
            partners.setdefault(partner.pk, partner)
    without_contact = []
    for partner in partners.values():
        if partner.network_contact_id:
            people.setdefault(partner.network_contact_id, (partner.network_contact, partner))
        else:
            without_contact.append(partner.pk)
    memberships = Membership.objects.filter(partner_id__in=without_contact)
    for membership in memberships.select_related("user", "partner"):
        people.setdefault(membership.user_id, (membership.user, membership.partner))
    attending = meeting.attendances.filter(rsvp=Attendance.Rsvp.ATTENDING)
    for attendance in attending.select_related("person", "partner"):
        people.setdefault(attendance.person_id, (attendance.person, attendance.partner))
    return [(user, partner) for user, partner in people.values() if user.is_active and user.email]


def send_invitations(*, meeting):
    """E-mail the invitation (METHOD:REQUEST) to every invitee who does not have the current
    version yet. Returns (sent, already_up_to_date). Sending twice sends nothing twice;
    after a change of time or place (a higher sequence) everyone gets the update."""
    if meeting.is_cancelled:
        return 0, 0
    pairs = invitees(meeting)
    now = timezone.now()
    with transaction.atomic():
        existing = {a.person_id: a for a in meeting.attendances.all()}
        new = [
            Attendance(meeting=meeting, person=user, partner=partner)
            for user, partner in pairs
            if user.pk not in existing
        ]
        Attendance.objects.bulk_create(new)
        existing = {a.person_id: a for a in meeting.attendances.select_related("person")}
        to_send = [existing[user.pk] for user, _partner in pairs]
        to_send = [a for a in to_send if a.invited_sequence != meeting.sequence]
        messages = []
        meeting_with_agenda = Meeting.objects.prefetch_related("agenda_items").get(pk=meeting.pk)
        for attendance in to_send:
            ics = ical.invitation(meeting_with_agenda, [attendance], method="REQUEST")
            context = {"meeting": meeting_with_agenda, "attendance": attendance}
            messages.append(
                emails.build(
                    "invitation", context, attendance.person.email, ics=ics, method="REQUEST"
                )
            )
            attendance.invited_at = now
            attendance.invited_sequence = meeting.sequence
        Attendance.objects.bulk_update(to_send, ["invited_at", "invited_sequence"])
        outbox.queue(messages)
    return len(to_send), len(pairs) - len(to_send)


def meeting_cancel(*, meeting, notify=True):
    """Cancel a meeting: status and calendar sequence change together, and everyone invited
    or registered gets a METHOD:CANCEL message, sent once the cancellation is committed.
    Returns the number of e-mails."""
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.is_cancelled:
            return 0
        meeting.status = Meeting.Status.CANCELLED
        meeting.save()
        if not notify:
            return 0
        told = meeting.attendances.filter(
            Q(invited_at__isnull=False) | Q(rsvp=Attendance.Rsvp.ATTENDING)
        )
        told = told.exclude(person__email="").select_related("person")
        meeting = Meeting.objects.prefetch_related("agenda_items").get(pk=meeting.pk)
        messages = [
            emails.build(
                "cancellation",
                {"meeting": meeting, "attendance": attendance},
                attendance.person.email,
                ics=ical.invitation(meeting, [attendance], method="CANCEL"),
                method="CANCEL",
                filename="geannuleerd.ics",
            )
            for attendance in told
        ]
        return outbox.queue(messages)


def mark_attending_present(*, meetings, now=None):
    """Everyone who said "attending" becomes present, for meetings that have started.
    Presence already recorded by hand is left alone. Returns (updated, skipped meetings)."""
    now = now or timezone.now()
    started = [m.pk for m in meetings if m.starts_at <= now and not m.is_cancelled]
    updated = Attendance.objects.filter(
        meeting_id__in=started, rsvp=Attendance.Rsvp.ATTENDING, presence=""
    ).update(presence=Attendance.Presence.PRESENT)
    return updated, len(meetings) - len(started)


def express_interest(*, opportunity, partner, person, role, note="", today=None):
    """A partner joins (or changes its part in) an opportunity while it is still open."""
    if not opportunity.is_joinable(today):
        raise ValidationError(_("This opportunity is no longer open."), code="closed")
    interest, _created = Interest.objects.update_or_create(
        opportunity=opportunity,
        partner=partner,
        defaults={"role": role, "note": note, "person": person},
    )
    return interest
