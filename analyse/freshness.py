"""Freshness and completeness of each partner's published offers. Three queries, whatever the
number of partners or offers."""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.utils import timezone

from aanbod.models import ErrorReport, Offer, OfferLocation
from aanbod.review import review_cutoff


@dataclass
class PartnerFreshness:
    partner: object
    offers: int = 0
    fresh: int = 0
    no_summary: int = 0
    no_languages: int = 0
    no_place: int = 0
    oldest: object = None  # the offer confirmed longest ago (or never)
    open_reports: int = 0
    oldest_report_at: object = None

    @property
    def fresh_share(self):
        """Whole percentage of offers confirmed within OFFER_REVIEW_MONTHS; None without offers."""
        return round(100 * self.fresh / self.offers) if self.offers else None

    def report_wait_days(self, now):
        if self.oldest_report_at is None:
            return None
        return (now - self.oldest_report_at).days


def freshness(partners, now=None):
    """One PartnerFreshness per partner, in the order given."""
    now = now or timezone.now()
    cutoff = review_cutoff(now)
    rows = {partner.pk: PartnerFreshness(partner) for partner in partners}
    offers = Offer.objects.published().filter(provider__in=list(rows))
    has_language = Exists(Offer.languages.through.objects.filter(offer=OuterRef("pk")))
    has_place = Exists(OfferLocation.objects.filter(offer=OuterRef("pk")))
    totals = (
        offers.order_by()
        .values("provider")
        .annotate(
            total=Count("pk"),
            fresh=Count("pk", filter=Q(reviewed_at__gte=cutoff)),
            no_summary=Count("pk", filter=Q(summary="")),
            no_languages=Count("pk", filter=~Q(has_language)),
            no_place=Count("pk", filter=Q(format=Offer.Format.IN_PERSON) & ~Q(has_place)),
        )
    )
    for total in totals:
        row = rows[total["provider"]]
        row.offers, row.fresh = total["total"], total["fresh"]
        row.no_summary, row.no_languages = total["no_summary"], total["no_languages"]
        row.no_place = total["no_place"]
    oldest = offers.order_by(
        "provider_id", F("reviewed_at").asc(nulls_first=True), "title"
    ).distinct("provider_id")
    for offer in oldest.only("provider", "title", "slug", "reviewed_at"):
        rows[offer.provider_id].oldest = offer
    reports = (
        ErrorReport.objects.open()
        .filter(offer__provider__in=list(rows))
        .order_by()
        .values("offer__provider")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
    )
    for report in reports:
        row = rows[report["offer__provider"]]
        row.open_reports, row.oldest_report_at = report["count"], report["oldest"]
    return list(rows.values())


def network_total(rows):
    """The sum of all partners' rows, as one row without a partner."""
    total = PartnerFreshness(partner=None)
    for row in rows:
        for name in ("offers", "fresh", "no_summary", "no_languages", "no_place", "open_reports"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        if row.oldest_report_at and (
            total.oldest_report_at is None or row.oldest_report_at < total.oldest_report_at
        ):
            total.oldest_report_at = row.oldest_report_at
    return total
