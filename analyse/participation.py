"""Participation in the network per partner and year (the declaration asks partners to take
part durably): meetings attended and excused, workgroups, action points done and overdue, and how
fresh their listings are. A fixed number of queries, whatever the number of partners."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.utils import timezone

from netwerk import participation
from netwerk.models import ActionItem, GroupMember, NetworkGroup

from .freshness import freshness


@dataclass
class PartnerParticipation:
    partner: object
    expected: int = 0
    present: int = 0
    excused: int = 0
    workgroups: int = 0
    actions_done: int = 0
    actions_overdue: int = 0
    offers: int = 0
    fresh_offers: int = 0

    @property
    def rate(self):
        """Whole percentage of expected meetings attended; None when none were expected."""
        return round(100 * self.present / self.expected) if self.expected else None

    @property
    def fresh_share(self):
        return round(100 * self.fresh_offers / self.offers) if self.offers else None


def participation_rows(year, now=None):
    """One PartnerParticipation per partner the year's attendance grid lists (every partner
    that is not a former one, and former ones that attended), by name."""
    now = now or timezone.now()
    _meetings, grid_rows = participation.grid(year, now)
    rows = {
        row.partner.pk: PartnerParticipation(
            row.partner, expected=row.expected, present=row.present, excused=row.excused
        )
        for row in grid_rows
    }
    first, last = date(year, 1, 1), date(year, 12, 31)
    workgroups = (
        GroupMember.objects.filter(partner__in=list(rows), group__kind=NetworkGroup.Kind.WORKGROUP)
        .filter(start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .values_list("partner_id", "group_id")
        .distinct()
    )
    for partner_id, count in Counter(partner_id for partner_id, _group in workgroups).items():
        rows[partner_id].workgroups = count
    # Overdue: still open, due in this year before today (before the year's end, for a past year).
    until = min(timezone.localdate(now), date(year + 1, 1, 1))
    actions = (
        ActionItem.objects.filter(owner_partner__in=list(rows))
        .order_by()
        .values("owner_partner")
        .annotate(
            done=Count(
                "pk",
                filter=Q(status=ActionItem.Status.DONE, completed_on__range=(first, last)),
            ),
            overdue=Count(
                "pk",
                filter=Q(status__in=ActionItem.OPEN_STATUSES, due_date__lt=until)
                & Q(due_date__gte=first),
            ),
        )
    )
    for action in actions:
        row = rows[action["owner_partner"]]
        row.actions_done, row.actions_overdue = action["done"], action["overdue"]
    for fresh in freshness([row.partner for row in rows.values()], now):
        rows[fresh.partner.pk].offers = fresh.offers
        rows[fresh.partner.pk].fresh_offers = fresh.fresh
    return list(rows.values())


NUMBERS = (
    "expected",
    "present",
    "excused",
    "workgroups",
    "actions_done",
    "actions_overdue",
    "offers",
    "fresh_offers",
)


def network_total(rows):
    total = PartnerParticipation(partner=None)
    for row in rows:
        for name in NUMBERS:
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total
