"""iCalendar (RFC 5545) pieces shared by the public agenda feed (aanbod) and the network's
meeting feeds, downloads and invitations (netwerk).

Times are written in Leuven's zone with a VTIMEZONE, so an event stays at 14:00 local time
whatever the calendar app's own zone; DTSTAMP and the other stamps are in UTC.
"""

from datetime import UTC, date

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration


def event(*, start, end, summary, is_cancelled, stamp, **properties):
    """One VEVENT. A cancelled one keeps its place with STATUS:CANCELLED, and its title says
    so too: many calendar apps ignore STATUS."""
    if is_cancelled:
        summary = _("Cancelled: %(title)s") % {"title": summary}
    leuven = timezone.get_default_timezone()
    return Event.new(
        start=start.astimezone(leuven),
        end=end.astimezone(leuven),
        summary=summary,
        stamp=stamp.astimezone(UTC),
        status="CANCELLED" if is_cancelled else "CONFIRMED",
        **properties,
    )


def calendar(events, *, prodid, refresh=None, **properties):
    """The calendar file with these events, as bytes. ``refresh``: how often a subscribed app
    should fetch the feed again (REFRESH-INTERVAL, and X-PUBLISHED-TTL for Outlook)."""
    result = Calendar.new(prodid=prodid, refresh_interval=refresh, **properties)
    # Calendar.new gives the calendar a random UID; a feed that changes identity on every
    # download confuses subscribers, and the property is optional.
    result.pop("UID", None)
    if refresh:
        result.add("X-PUBLISHED-TTL", vDuration(refresh))
    years = []
    for component in events:
        result.add_component(component)
        years += [component.start.year, component.end.year]
    if years:
        # The VTIMEZONE only needs to cover the years the events are in.
        result.add_missing_timezones(
            first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 1, 12, 31)
        )
    return result.to_ical()
