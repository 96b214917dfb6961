"""Referrals in the analysis: anonymous counts only, by partner (sent and received, with the
median time to answer), by pillar of the offer referred to, by status and by outcome, per year
(from referrals.stats). Coordinators count all referrals; partner staff the referrals their own
organisations sent or received. A fixed number of queries, whatever the number of referrals or
partners.

The counts name no family and cross no two properties of one, so no count is hidden. A median
time to answer over fewer than MEDIAN_AT_LEAST answers is not shown: the median of one or two
is their own answer time, which says more about one referral than about a partner.
"""

from django.db.models import Count, F, Q
from django.utils.translation import gettext as _

from referrals.models import Referral
from referrals.stats import Median, hours, referral_counts

from .tables import Table

MEDIAN_AT_LEAST = 3


def referrals_seen_by(viewer, year):
    referrals = Referral.objects.filter(created_at__year=year)
    if viewer.coordinator:
        return referrals
    ids = viewer.partner_ids
    return referrals.filter(Q(sender__in=ids) | Q(receiver__in=ids))


def shown_median(answered, median):
    return hours(median) if answered >= MEDIAN_AT_LEAST else None


def partner_rows(viewer, referrals):
    """[(partner, sent, received, answered, median hours or None)] for the viewer's partners
    (coordinators: every partner but former ones). Two queries."""
    sent = dict(
        referrals.order_by().values("sender").annotate(n=Count("pk")).values_list("sender", "n")
    )
    received = {
        row["receiver"]: row
        for row in referrals.order_by()
        .values("receiver")
        .annotate(
            n=Count("pk"),
            answered=Count("answered_at"),
            median=Median(F("answered_at") - F("created_at")),
        )
    }
    rows = []
    for partner in viewer.partners:
        answer = received.get(partner.pk, {"n": 0, "answered": 0, "median": None})
        rows.append(
            (
                partner,
                sent.get(partner.pk, 0),
                answer["n"],
                answer["answered"],
                shown_median(answer["answered"], answer["median"]),
            )
        )
    return rows


def referral_tables(viewer, year):
    """The page's tables, and its totals. Seven queries."""
    referrals = referrals_seen_by(viewer, year)
    counts = referral_counts(referrals)
    partners = Table(
        "doorverwijzingen_partners",
        _("Referrals per partner"),
        [
            _("Partner"),
            _("Sent"),
            _("Received"),
            _("Answered"),
            _("Median time to answer (hours)"),
        ],
        rows=[[partner.name, *rest] for partner, *rest in partner_rows(viewer, referrals)],
        empty_text=_("No partners to show."),
    )
    pillars = Table(
        "doorverwijzingen_pijlers",
        _("Referrals per pillar of the offer"),
        [_("Pillar"), _("Referrals")],
        rows=[
            [row["offer__pillars__name"] or _("Without an offer"), row["count"]]
            for row in counts["by_pillar"]
        ],
        empty_text=_("No referrals in this year."),
    )
    statuses = Table(
        "doorverwijzingen_status",
        _("Referrals per status"),
        [_("Status"), _("Referrals")],
        rows=[[row["label"], row["count"]] for row in counts["by_status"]],
        empty_text=_("No referrals in this year."),
    )
    outcomes = Table(
        "doorverwijzingen_uitkomst",
        _("Referrals per outcome"),
        [_("Outcome"), _("Referrals")],
        rows=[[row["label"], row["count"]] for row in counts["by_outcome"]],
        empty_text=_("No closed referrals with an outcome in this year."),
    )
    totals = counts["totals"]
    totals["median_shown"] = shown_median(totals["answered"], totals["median"])
    return [partners, pillars, statuses, outcomes], totals
