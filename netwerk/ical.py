"""iCalendar (RFC 5545) for meetings: feeds, downloads and e-mailed invitations (RFC 5546).

The event and calendar are built by common.ical, as for the public agenda.
"""

from datetime import UTC
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import vCalAddress

from common import ical
from common.emails import absolute_url
from partners.models import person_name

from .models import Attendance, Meeting

PRODID = "-//Huis van het Kind Leuven//Netwerk//NL"

PARTSTAT = {
    Attendance.Rsvp.ATTENDING: "ACCEPTED",
    Attendance.Rsvp.DECLINED: "DECLINED",
    Attendance.Rsvp.EXCUSED: "DECLINED",
}


def organizer_address():
    name, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    address = vCalAddress(f"mailto:{email}")
    if name:
        address.params["CN"] = name
    return address


def attendee_address(attendance):
    person = attendance.person
    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = person_name(person)
    address.params["ROLE"] = "REQ-PARTICIPANT"
    address.params["PARTSTAT"] = PARTSTAT.get(attendance.rsvp, "NEEDS-ACTION")
    address.params["RSVP"] = "FALSE"
    return address


def _description(meeting, *, include_online_link):
    lines = [meeting.get_kind_display()]
    if meeting.description:
        lines += ["", meeting.description]
    agenda = [item.title for item in meeting.agenda_items.all()]
    if agenda:
        lines += ["", _("Agenda") + ":"] + [f"- {title}" for title in agenda]
    if include_online_link and meeting.online_url and meeting.format != Meeting.Format.IN_PERSON:
        lines += ["", _("Online link") + ": " + meeting.online_url]
    lines += ["", absolute_url(meeting.get_absolute_url())]
    return "\n".join(lines)


def _location(meeting):
    if meeting.format == Meeting.Format.ONLINE:
        return _("Online")
    return meeting.place


def meeting_event(meeting, *, stamp=None, include_online_link=True, attendees=()):
    """One VEVENT. ``stamp`` is when this copy was made; feeds use the last change."""
    event = ical.event(
        uid=str(meeting.uid),
        sequence=meeting.sequence,
        stamp=stamp or meeting.updated_at,
        created=meeting.created_at.astimezone(UTC),
        last_modified=meeting.updated_at.astimezone(UTC),
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary=meeting.display_title,
        is_cancelled=meeting.is_cancelled,
        description=_description(meeting, include_online_link=include_online_link),
        location=_location(meeting) or None,
        url=absolute_url(meeting.get_absolute_url()),
    )
    if attendees:
        event.add("organizer", organizer_address())
        for attendance in attendees:
            event.add("attendee", attendee_address(attendance))
    return event


def _calendar(events, **properties):
    return ical.calendar(events, prodid=PRODID, **properties)


def feed(meetings, *, name):
    """A calendar of meetings, cancelled ones kept with STATUS:CANCELLED."""
    return _calendar([meeting_event(m) for m in meetings], name=name)


def download(meeting):
    return _calendar([meeting_event(meeting)], name=meeting.display_title)


def invitation(meeting, attendances, *, method="REQUEST"):
    """An iTIP message (METHOD:REQUEST or METHOD:CANCEL) for e-mail, with ORGANIZER and
    ATTENDEE as RFC 5546 asks."""
    event = meeting_event(meeting, stamp=timezone.now(), attendees=attendances)
    return _calendar([event], method=method)
