"""Anonymous counts of referrals, for coordinators and the analysis pages: by receiving
partner, pillar (of the offer referred to), status and outcome, and the median time the
receiving partners took to answer. Nothing in them names or describes a family."""

from django.db.models import Aggregate, Count, DurationField, F

from .models import Referral


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def hours(duration):
    return None if duration is None else round(duration.total_seconds() / 3600, 1)


def referral_counts(referrals=None):
    """A dict of lists of rows (dicts): by_receiver (with its median time to answer),
    by_pillar (a referral to an offer with two pillars counts for both), by_status, by_outcome,
    and the totals. Five queries, whatever the number of referrals."""
    referrals = Referral.objects.all() if referrals is None else referrals
    answer_time = F("answered_at") - F("created_at")
    by_receiver = list(
        referrals.values("receiver__name")
        .annotate(count=Count("pk"), answered=Count("answered_at"), median=Median(answer_time))
        .order_by("receiver__name")
    )
    by_pillar = list(
        referrals.values("offer__pillars__name")
        .annotate(count=Count("pk"))
        .order_by(F("offer__pillars__name").asc(nulls_last=True))
    )
    by_status = list(referrals.values("status").annotate(count=Count("pk")).order_by("status"))
    by_outcome = list(
        referrals.exclude(outcome="")
        .values("outcome")
        .annotate(count=Count("pk"))
        .order_by("outcome")
    )
    totals = referrals.aggregate(
        count=Count("pk"), answered=Count("answered_at"), median=Median(answer_time)
    )
    statuses = dict(Referral._meta.get_field("status").choices)
    outcomes = dict(Referral._meta.get_field("outcome").choices)
    for row in [*by_receiver, totals]:
        row["median_hours"] = hours(row["median"])
    for row in by_status:
        row["label"] = statuses[row["status"]]
    for row in by_outcome:
        row["label"] = outcomes[row["outcome"]]
    return {
        "by_receiver": by_receiver,
        "by_pillar": by_pillar,
        "by_status": by_status,
        "by_outcome": by_outcome,
        "totals": totals,
    }
