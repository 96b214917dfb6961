"""Participation per partner over a year: the declaration asks partners to take part durably.

A partner is *expected* at a meeting when it was a member of the meeting's group on that day,
or for network-wide meetings when it was a partner then. Its rate is the share of expected
meetings at which someone of it was present.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from partners.models import Partner

from .models import Attendance, GroupMember, Meeting

PRESENT, EXCUSED, ABSENT, NOT_EXPECTED = "present", "excused", "absent", ""


@dataclass
class PartnerRow:
    partner: Partner
    cells: list = field(default_factory=list)
    expected: int = 0
    present: int = 0
    excused: int = 0

    @property
    def rate(self):
        """Share of expected meetings attended, as a whole percentage; None if none expected."""
        if not self.expected:
            return None
        return round(100 * self.present / self.expected)


def year_bounds(year):
    zone = timezone.get_default_timezone()
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def meetings_of_year(year, now=None):
    """Meetings of a year that took place (not cancelled, already started), oldest first."""
    start, end = year_bounds(year)
    return (
        Meeting.objects.not_cancelled()
        .filter(starts_at__gte=start, starts_at__lt=end, starts_at__lte=now or timezone.now())
        .select_related("group")
        .order_by("starts_at")
    )


def _was_member(memberships, partner_id, day):
    return any(m.partner_id == partner_id and m.is_current(day) for m in memberships)


def grid(year, now=None):
    """Return (meetings, rows): one row per partner, one cell per meeting. Four queries."""
    meetings = list(meetings_of_year(year, now))
    group_ids = {m.group_id for m in meetings}
    memberships_by_group = {}
    for membership in GroupMember.objects.filter(group_id__in=group_ids):
        memberships_by_group.setdefault(membership.group_id, []).append(membership)
    state = {}
    attendances = Attendance.objects.filter(meeting__in=meetings, partner__isnull=False)
    for meeting_id, partner_id, presence, rsvp in attendances.values_list(
        "meeting_id", "partner_id", "presence", "rsvp"
    ):
        key = (partner_id, meeting_id)
        if presence == Attendance.Presence.PRESENT:
            state[key] = PRESENT
        elif state.get(key) != PRESENT and (
            presence == Attendance.Presence.EXCUSED or rsvp == Attendance.Rsvp.EXCUSED
        ):
            state[key] = EXCUSED
    attended = {partner_id for partner_id, _meeting_id in state}
    partners = Partner.objects.exclude(status=Partner.Status.FORMER) | Partner.objects.filter(
        pk__in=attended
    )
    rows = []
    for partner in partners.order_by("name"):
        row = PartnerRow(partner)
        for meeting in meetings:
            day = timezone.localtime(meeting.starts_at).date()
            if meeting.group.is_network_wide:
                expected = partner.status != Partner.Status.CANDIDATE and (
                    partner.partner_since is None or partner.partner_since <= day
                )
            else:
                memberships = memberships_by_group.get(meeting.group_id, [])
                expected = _was_member(memberships, partner.pk, day)
            cell = state.get((partner.pk, meeting.pk), ABSENT if expected else NOT_EXPECTED)
            if expected:
                row.expected += 1
                row.present += cell == PRESENT
                row.excused += cell == EXCUSED
            row.cells.append(cell)
        rows.append(row)
    return meetings, rows
