"""What families look for and do not find: searches with few results, filter combinations that
found nothing, and the share of searches without a result per month."""

from collections import defaultdict
from datetime import date
from urllib.parse import parse_qsl

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from aanbod.filters import OfferFilter, catalogue_choices
from aanbod.models import FilterLog, SearchLog

# A search with this many results or fewer found too little to count as answered.
FEW_RESULTS = 2
# Well-kept directories aim at no more than this share of searches without a result.
ZERO_RESULT_TARGET = 5
TOP_SEARCHES = 50


def month_start(day):
    return day.replace(day=1)


def add_months(month, count):
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_up_to(month, count):
    """The `count` months ending with `month`, oldest first."""
    return [add_months(month, offset) for offset in range(1 - count, 1)]


def _between(start, end):
    return {"searched_on__gte": start, "searched_on__lt": end}


def unanswered_searches(start, end, trend_months):
    """[(text, searches in the period, of which without result, {month: searches})]: the texts
    searched from `start` until (not including) `end` that found FEW_RESULTS or fewer, most
    searched first, with how often each was searched so in each of `trend_months`. Two
    queries."""
    few = Q(result_count__lte=FEW_RESULTS)
    top = list(
        SearchLog.objects.filter(few, **_between(start, end))
        .values("query")
        .annotate(count=Count("pk"), zero=Count("pk", filter=Q(result_count=0)))
        .order_by("-count", "query")[:TOP_SEARCHES]
    )
    trend = defaultdict(dict)
    if not trend_months:
        return [(row["query"], row["count"], row["zero"], {}) for row in top]
    rows = (
        SearchLog.objects.filter(few, query__in=[row["query"] for row in top])
        .filter(**_between(trend_months[0], add_months(trend_months[-1], 1)))
        .annotate(month=TruncMonth("searched_on"))
        .values("query", "month")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        trend[row["query"]][row["month"]] = row["count"]
    return [(row["query"], row["count"], row["zero"], trend[row["query"]]) for row in top]


def empty_filter_combinations(start, end):
    """[(filters query string, how often)] of the combinations that found nothing in the
    period, most frequent first."""
    rows = (
        FilterLog.objects.filter(**_between(start, end))
        .values("filters")
        .annotate(count=Count("pk"))
        .order_by("-count", "filters")[:TOP_SEARCHES]
    )
    return [(row["filters"], row["count"]) for row in rows]


def zero_result_rates(months):
    """[(month, searches, without result, percentage or None)] for each month. One query."""
    rows = (
        SearchLog.objects.filter(**_between(months[0], add_months(months[-1], 1)))
        .annotate(month=TruncMonth("searched_on"))
        .values("month")
        .annotate(total=Count("pk"), zero=Count("pk", filter=Q(result_count=0)))
    )
    by_month = {row["month"]: (row["total"], row["zero"]) for row in rows}
    result = []
    for month in months:
        total, zero = by_month.get(month, (0, 0))
        result.append((month, total, zero, round(100 * zero / total, 1) if total else None))
    return result


def filter_labels():
    """{(parameter, value): label} of every catalogue filter value, to show a logged combination
    in words. One query (the pillars, themes and languages)."""
    choices, _ids = catalogue_choices()
    labels = {}
    for name, item in OfferFilter.base_filters.items():
        for value, label in choices.get(name) or item.extra.get("choices") or ():
            labels[name, str(value)] = str(label)
    return labels


def describe_filters(filters, labels):
    """ "Deelgemeente: 3012 Wilsele · For whom?: 12 to 18 years" for a logged combination."""
    parts = []
    for name, value in parse_qsl(filters):
        item = OfferFilter.base_filters.get(name)
        title = str(item.label) if item else name
        label = labels.get((name, value))
        # A filter that is on or off (without registration) needs only its name.
        if label or value != "1":
            parts.append(f"{title}: {label or value}")
        else:
            parts.append(title)
    return " · ".join(parts)
