"""Use of the public site, without following anyone: page views per page and per offer, the
offers' phone, e-mail and website links followed, and the agenda downloaded as a calendar, per
day and per month (counted by common.usage; robots left out).

Who sees what follows analyse.scope: coordinators everything; a manager the whole site's
figures and their own organisation's offers; an editor only their own organisation's offers
(the days and months then add up those offers' counts). A fixed number of queries, whatever
the number of offers or days.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from aanbod.models import Offer
from common.models import UsageCount

from .searches import add_months
from .tables import Cell, Table

Kind = UsageCount.Kind
CONTACT_KINDS = (Kind.PHONE, Kind.EMAIL, Kind.WEBSITE)

# The pages that count their views (the URL names common.usage records), in words.
PAGES = {
    ("aanbod:offer_list", Kind.VIEW): _("Catalogue (list and search)"),
    ("aanbod:offer_detail", Kind.VIEW): _("Offer pages"),
    ("aanbod:agenda", Kind.VIEW): _("Agenda"),
    ("aanbod:agenda_ical", Kind.CALENDAR): _("Agenda downloaded as calendar"),
    ("aanbod:location_list", Kind.VIEW): _("Places"),
    ("aanbod:location_detail", Kind.VIEW): _("Place pages"),
    ("partners:list", Kind.VIEW): _("Partners"),
    ("partners:detail", Kind.VIEW): _("Partner pages"),
    ("aanbod:offer_contact", Kind.PHONE): _("Offers' phone links"),
    ("aanbod:offer_contact", Kind.EMAIL): _("Offers' e-mail links"),
    ("aanbod:offer_contact", Kind.WEBSITE): _("Offers' website links"),
}


@dataclass
class Uses:
    """The counts of one day, month or offer."""

    views: int = 0
    offer_views: int = 0
    counts: dict = field(default_factory=lambda: defaultdict(int))

    def add(self, kind, page, number):
        if kind == Kind.VIEW:
            self.views += number
            if page == "aanbod:offer_detail":
                self.offer_views += number
        else:
            self.counts[kind] += number

    @property
    def clicks(self):
        return sum(self.counts[kind] for kind in CONTACT_KINDS)


def _counts(viewer, start, end, *, own_offers_only):
    rows = UsageCount.objects.filter(day__gte=start, day__lt=end)
    if own_offers_only:
        offers = Offer.objects.filter(provider__in=viewer.partner_ids).values("pk")
        rows = rows.filter(offer_id__in=offers)
    return rows


def per_day(viewer, start, end):
    """{day: Uses} from `start` until (not including) `end`. One query."""
    days = defaultdict(Uses)
    rows = _counts(viewer, start, end, own_offers_only=not viewer.sees_network)
    for row in rows.values("day", "kind", "page").annotate(number=Sum("count")):
        days[row["day"]].add(row["kind"], row["page"], row["number"])
    return days


def per_month(viewer, months):
    """{first day of the month: Uses} for these months (first days, in order). One query."""
    result = defaultdict(Uses)
    rows = _counts(
        viewer, months[0], add_months(months[-1], 1), own_offers_only=not viewer.sees_network
    )
    rows = rows.annotate(month=TruncMonth("day")).values("month", "kind", "page")
    for row in rows.annotate(number=Sum("count")):
        result[row["month"]].add(row["kind"], row["page"], row["number"])
    return result


def per_page(viewer, start, end):
    """[(label, count)] of every page and link, most used first; only for those who see the
    whole site's figures. One query."""
    if not viewer.sees_network:
        return []
    rows = (
        _counts(viewer, start, end, own_offers_only=False)
        .values("page", "kind")
        .annotate(number=Sum("count"))
    )
    labelled = [
        (str(PAGES.get((row["page"], row["kind"]), row["page"])), row["number"]) for row in rows
    ]
    return sorted(labelled, key=lambda item: (-item[1], item[0]))


def per_offer(viewer, start, end):
    """[(offer, Uses)] of the offers the viewer sees the figures of (coordinators: all; the
    others: their own organisations'), most viewed first. Two queries."""
    offers = defaultdict(Uses)
    rows = _counts(viewer, start, end, own_offers_only=not viewer.coordinator).filter(
        offer_id__isnull=False
    )
    for row in rows.values("offer_id", "kind", "page").annotate(number=Sum("count")):
        offers[row["offer_id"]].add(row["kind"], row["page"], row["number"])
    # An offer deleted since is left out: there is nobody left to read its figures for.
    known = Offer.objects.filter(pk__in=list(offers)).select_related("provider")
    known = known.only("title", "slug", "status", "provider__name")
    result = [(offer, offers[offer.pk]) for offer in known]
    return sorted(result, key=lambda item: (-item[1].views, -item[1].clicks, item[0].title))


def _use_columns():
    return [
        _("Page views"),
        _("Of which offer pages"),
        _("Phone links"),
        _("E-mail links"),
        _("Website links"),
        _("Calendar downloads"),
    ]


def _use_cells(uses):
    return [
        uses.views,
        uses.offer_views,
        uses.counts[Kind.PHONE],
        uses.counts[Kind.EMAIL],
        uses.counts[Kind.WEBSITE],
        uses.counts[Kind.CALENDAR],
    ]


def day_table(days, counts):
    table = Table("gebruik_per_dag", _("Use per day"), [_("Day"), *_use_columns()])
    for day in days:
        table.rows.append([date_format(day, "D j M"), *_use_cells(counts.get(day, Uses()))])
    return table


def month_table(months, counts):
    table = Table("gebruik_per_maand", _("Use per month"), [_("Month"), *_use_columns()])
    for month in months:
        table.rows.append([date_format(month, "F Y"), *_use_cells(counts.get(month, Uses()))])
    return table


def page_table(pages):
    return Table(
        "gebruik_per_pagina",
        _("Use per page"),
        [_("Page or link"), _("How often")],
        rows=[list(item) for item in pages],
        empty_text=_("Nothing counted in this period."),
    )


def offer_table(offers):
    table = Table(
        "gebruik_per_aanbod",
        _("Use per offer"),
        [
            _("Offer"),
            _("Partner"),
            _("Page views"),
            _("Phone links"),
            _("E-mail links"),
            _("Website links"),
        ],
        empty_text=_("Nothing counted for these offers in this period."),
    )
    for offer, uses in offers:
        title = Cell(offer.title, url=offer.get_absolute_url() if offer.is_public else "")
        table.rows.append(
            [
                title,
                offer.provider.name,
                uses.views,
                uses.counts[Kind.PHONE],
                uses.counts[Kind.EMAIL],
                uses.counts[Kind.WEBSITE],
            ]
        )
    return table
