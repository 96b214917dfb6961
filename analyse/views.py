"""The analysis of the offer and of families' needs, for logged-in partner staff and
coordinators (/mijn/analyse/). Every page builds its tables once (analyse.tables): they are
shown, drawn as a chart where one helps, and downloaded as CSV or XLSX with ?formaat=."""

from datetime import date, timedelta

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from aanbod.filters import OfferFilter
from aanbod.models import AgeBand, Offer, Pillar
from common import usage as use_counting
from partners.models import Partner

from . import coverage as coverage_rules
from . import freshness as freshness_rules
from . import participation as participation_rules
from . import referral_counts
from . import searches as search_rules
from . import usage as usage_rules
from .charts import bar_chart
from .forms import CoverageFilterForm, MonthForm, NeedSignalForm, YearForm
from .models import Area, NeedSignal
from .scope import analysis_view
from .tables import Cell, Table, download

TREND_MONTHS = 6
RATE_MONTHS = 12
NEEDS_SHOWN = 100


def _render(request, template, tables, filename, context):
    response = download(request, tables, filename)
    if response is not None:
        return response
    query = request.GET.copy()
    for name in ("formaat", "tabel"):
        query.pop(name, None)
    return render(
        request,
        template,
        {**context, "tables": {t.key: t for t in tables}, "download_query": query.urlencode()},
    )


@analysis_view()
def index(request, viewer):
    return render(request, "analyse/index.html", {"viewer": viewer})


# Coverage


def _published_offers(partner, filters):
    offers = Offer.objects.published()
    if partner is not None:
        offers = offers.filter(provider=partner)
    if not filters:
        return offers
    data = QueryDict(mutable=True)
    for name, value in filters:
        data.appendlist(name, value)
    return OfferFilter(data, queryset=offers).qs


def coverage_tables(cover, filters):
    bands = list(AgeBand)
    matrix = Table(
        "dekking",
        _("Offers per pillar, area and age"),
        [_("Pillar"), _("Area"), *[band.label for band in bands]],
        label_columns=2,
    )
    per_area = {area: [0, 0] for area in Area}
    for pillar in cover.pillars:
        for area in Area:
            row = [pillar.name, area.label]
            for band in bands:
                count = cover.count(pillar, area, band)
                gap = count <= coverage_rules.GAP_AT_MOST
                if gap:
                    per_area[area][count] += 1
                url = coverage_rules.catalogue_url(filters, pillar, area, band)
                row.append(Cell(count, url=url, gap=gap))
            matrix.rows.append(row)
    gaps = Table(
        "leemtes",
        _("Gaps per area"),
        [_("Area"), _("Cells without offer"), _("Cells with one offer")],
        rows=[[area.label, *per_area[area]] for area in Area],
    )
    return matrix, gaps


def huizen_table():
    basic = list(Pillar.objects.filter(is_basic=True).order_by("order"))
    table = Table(
        "huizen",
        _("Basic pillars per Huis van het Kind"),
        [_("Huis van het Kind"), *[pillar.name for pillar in basic], _("Basic pillars offered")],
        empty_text=_("There is no Huis van het Kind in the list of places yet."),
    )
    for huis, offered in coverage_rules.huizen_pillars():
        cells = [Cell(_("yes")) if p.pk in offered else Cell(_("no"), gap=True) for p in basic]
        count = sum(p.pk in offered for p in basic)
        table.rows.append([huis.name, *cells, f"{count}/{len(basic)}"])
    return table


@analysis_view()
def coverage(request, viewer):
    form = CoverageFilterForm(request.GET, viewer=viewer)
    form.is_valid()
    slug = form.cleaned_data.get("partner")
    partners = {p.slug: p for p in viewer.partners}
    partner = partners.get(slug) or (None if viewer.sees_network else viewer.partners[0])
    filters = form.catalogue_filters()
    cover = coverage_rules.coverage(_published_offers(partner, filters))
    matrix, gaps = coverage_tables(cover, filters)
    tables = [matrix, gaps, huizen_table()]
    chart = bar_chart(_("Cells without offer per area"), [(row[0], row[1]) for row in gaps.rows])
    return _render(
        request,
        "analyse/coverage.html",
        tables,
        "dekking",
        {
            "viewer": viewer,
            "form": form,
            "partner": partner,
            "chart": chart,
            "pillars": cover.pillars,
            "gap_at_most": coverage_rules.GAP_AT_MOST,
        },
    )


# Freshness


def freshness_table(rows, now, *, total=None):
    table = Table(
        "actualiteit",
        _("Freshness and completeness per partner"),
        [
            _("Partner"),
            _("Published offers"),
            _("Confirmed recently"),
            _("Share confirmed (%)"),
            _("Confirmed longest ago"),
            _("Without summary"),
            _("Without languages"),
            _("In person, without place"),
            _("Open error reports"),
            _("Longest wait (days)"),
        ],
        empty_text=_("No partners to show."),
    )
    for row in ([total] if total else []) + rows:
        oldest = ""
        if row.oldest is not None:
            when = row.oldest.reviewed_at
            day = date_format(timezone.localtime(when), "j M Y") if when else _("never")
            oldest = Cell(
                row.oldest.title,
                url=row.oldest.get_absolute_url(),
                text=f"{row.oldest.title} ({day})",
            )
        table.rows.append(
            [
                row.partner.name if row.partner else _("The whole network"),
                row.offers,
                row.fresh,
                row.fresh_share,
                oldest,
                row.no_summary,
                row.no_languages,
                row.no_place,
                row.open_reports,
                row.report_wait_days(now),
            ]
        )
    return table


def _freshness_rows(viewer, now):
    """The partners' rows the viewer sees, and the network's total for those who see it."""
    if viewer.coordinator:
        rows = freshness_rules.freshness(viewer.partners, now)
        return rows, freshness_rules.network_total(rows)
    if not viewer.sees_network:
        return freshness_rules.freshness(viewer.partners, now), None
    everyone = freshness_rules.freshness(Partner.objects.public().order_by("name"), now)
    own = [row for row in everyone if viewer.own(row.partner.pk)]
    return own, freshness_rules.network_total(everyone)


@analysis_view()
def freshness(request, viewer):
    now = timezone.now()
    rows, total = _freshness_rows(viewer, now)
    table = freshness_table(rows, now, total=total)
    chart = bar_chart(
        _("Share of offers confirmed recently, per partner"),
        [(row.partner.name, row.fresh_share) for row in rows],
        maximum=100,
        unit=" %",
    )
    return _render(
        request,
        "analyse/freshness.html",
        [table],
        "actualiteit",
        {"viewer": viewer, "chart": chart},
    )


# What families look for


def _month(request):
    form = MonthForm(request.GET)
    last_month = search_rules.add_months(search_rules.month_start(timezone.localdate()), -1)
    month = form.cleaned_data.get("maand") if form.is_valid() else None
    return form, search_rules.month_start(month) if month else last_month


def _month_label(month):
    return date_format(month, "F Y")


def search_tables(start, end, trend_months, rate_months):
    unanswered = Table(
        "zoekvragen",
        _("Searches with no or few results"),
        [
            _("Search text"),
            _("Searches"),
            _("Without result"),
            *[_month_label(month) for month in trend_months],
        ],
        empty_text=_("No search with no or few results in this period."),
    )
    catalogue = reverse("aanbod:offer_list")
    for text, count, zero, trend in search_rules.unanswered_searches(start, end, trend_months):
        unanswered.rows.append(
            [
                Cell(text, url=f"{catalogue}?{QueryDict.fromkeys(['q'], text).urlencode()}"),
                count,
                zero,
                *[trend.get(month, 0) for month in trend_months],
            ]
        )
    labels = search_rules.filter_labels()
    combinations = Table(
        "filters",
        _("Filter combinations without result"),
        [_("Filters"), _("How often")],
        empty_text=_("No filter combination without result in this period."),
        rows=[
            [
                Cell(
                    search_rules.describe_filters(filters, labels),
                    url=f"{catalogue}?{filters}",
                ),
                count,
            ]
            for filters, count in search_rules.empty_filter_combinations(start, end)
        ],
    )
    rates = search_rules.zero_result_rates(rate_months)
    rate_table = Table(
        "nulresultaten",
        _("Searches without result per month"),
        [_("Month"), _("Searches"), _("Without result"), _("Share without result (%)")],
        rows=[[_month_label(m), total, zero, share] for m, total, zero, share in rates],
    )
    rate_chart = bar_chart(
        _("Share of searches without result per month"),
        [
            (_month_label(m), share, share is not None and share > search_rules.ZERO_RESULT_TARGET)
            for m, _total, _zero, share in rates
        ],
        target=search_rules.ZERO_RESULT_TARGET,
        unit=" %",
    )
    return [unanswered, combinations, rate_table], rate_chart


def need_tables(viewer, signals):
    """The signals the viewer may read in full, and per theme how many the viewer may count
    (network-wide for those who see the network's figures)."""
    visible = [s for s in signals if viewer.coordinator or viewer.own(s.partner_id)]
    listing = Table(
        "noden",
        _("Needs heard from families"),
        [
            _("Heard on"),
            _("Theme"),
            _("For whom"),
            _("Where"),
            _("Target group"),
            _("How often"),
            _("Heard by"),
            _("What families ask or need"),
        ],
        label_columns=0,
        empty_text=_("No needs recorded in this period."),
    )
    for signal in visible[:NEEDS_SHOWN]:
        listing.rows.append(
            [
                date_format(signal.heard_on, "j M Y"),
                signal.theme.name,
                signal.get_age_band_display() or _("All ages"),
                signal.get_area_display() or _("All of Leuven"),
                signal.get_target_group_display(),
                signal.get_frequency_display(),
                signal.partner.name if signal.partner else _("The coordination"),
                signal.description,
            ]
        )
    counted = signals if viewer.sees_network else visible
    per_theme = {}
    for signal in counted:
        row = per_theme.setdefault(signal.theme.name, [signal.theme.name, 0, 0])
        row[1] += 1
        row[2] += signal.frequency == NeedSignal.Frequency.OFTEN
    themes = Table(
        "noden_per_thema",
        _("Needs per theme"),
        [_("Theme"), _("Signals"), _("Heard often")],
        rows=sorted(per_theme.values(), key=lambda row: (-row[1], row[0])),
        empty_text=_("No needs recorded in this period."),
    )
    return listing, themes


def _signals(start, end):
    return list(
        NeedSignal.objects.filter(heard_on__gte=start, heard_on__lt=end).select_related(
            "theme", "partner"
        )
    )


@analysis_view()
def searches(request, viewer):
    form, month = _month(request)
    end = search_rules.add_months(month, 1)
    tables, rate_chart = [], None
    if viewer.sees_network:
        tables, rate_chart = search_tables(
            month,
            end,
            search_rules.months_up_to(month, TREND_MONTHS),
            search_rules.months_up_to(month, RATE_MONTHS),
        )
    # Needs are read over a year up to the month: they are fewer and change slowly.
    listing, themes = need_tables(viewer, _signals(search_rules.add_months(month, -11), end))
    tables += [listing, themes]
    return _render(
        request,
        "analyse/searches.html",
        tables,
        f"zoekvragen-{month:%Y-%m}",
        {
            "viewer": viewer,
            "form": form,
            "month": month,
            "rate_chart": rate_chart,
            "needs_chart": bar_chart(
                _("Needs per theme"), [(row[0], row[1]) for row in themes.rows]
            ),
            "few_results": search_rules.FEW_RESULTS,
            "target": search_rules.ZERO_RESULT_TARGET,
        },
    )


@analysis_view()
def need_create(request, viewer):
    form = NeedSignalForm(request.POST or None, viewer=viewer)
    if request.method == "POST" and form.is_valid():
        signal = form.save()
        messages.success(request, _("Thank you: the need is recorded."))
        # The month it was heard in, so it is in the list.
        return redirect(f"{reverse('analyse:searches')}?maand={signal.heard_on:%Y-%m}")
    return render(request, "analyse/need_form.html", {"viewer": viewer, "form": form})


# Participation


def _year(request):
    form = YearForm(request.GET)
    year = form.cleaned_data.get("jaar") if form.is_valid() else None
    return form, year or timezone.localdate().year


def participation_table(rows, *, total=None):
    table = Table(
        "deelname",
        _("Participation per partner"),
        [
            _("Partner"),
            _("Meetings expected"),
            _("Attended"),
            _("Excused"),
            _("Attendance (%)"),
            _("Workgroups"),
            _("Action points done"),
            _("Action points overdue"),
            _("Listings confirmed recently (%)"),
        ],
        empty_text=_("No partners to show."),
    )
    for row in ([total] if total else []) + rows:
        table.rows.append(
            [
                row.partner.name if row.partner else _("The whole network"),
                row.expected,
                row.present,
                row.excused,
                row.rate,
                row.workgroups,
                row.actions_done,
                row.actions_overdue,
                row.fresh_share,
            ]
        )
    return table


def _participation_rows(viewer, year):
    everyone = participation_rules.participation_rows(year)
    own = everyone if viewer.coordinator else [r for r in everyone if viewer.own(r.partner.pk)]
    total = participation_rules.network_total(everyone) if viewer.sees_network else None
    return own, total


@analysis_view()
def participation(request, viewer):
    form, year = _year(request)
    rows, total = _participation_rows(viewer, year)
    chart = bar_chart(
        _("Attendance per partner"),
        [(row.partner.name, row.rate) for row in rows],
        maximum=100,
        unit=" %",
    )
    return _render(
        request,
        "analyse/participation.html",
        [participation_table(rows, total=total)],
        f"deelname-{year}",
        {"viewer": viewer, "form": form, "year": year, "chart": chart},
    )


# Use of the site


def _days(month):
    """The days of the month, up to today for the current month."""
    end = min(search_rules.add_months(month, 1), timezone.localdate() + timedelta(days=1))
    return [month + timedelta(days=offset) for offset in range((end - month).days)]


@analysis_view()
def usage(request, viewer):
    # This process's counts that wait in memory are written first, so they are in the figures.
    use_counting.flush()
    form = MonthForm(request.GET)
    this_month = search_rules.month_start(timezone.localdate())
    chosen = form.cleaned_data.get("maand") if form.is_valid() else None
    month = search_rules.month_start(chosen) if chosen else this_month
    end = search_rules.add_months(month, 1)
    days = _days(month)
    day_counts = usage_rules.per_day(viewer, month, end)
    months = search_rules.months_up_to(month, RATE_MONTHS)
    tables = [
        usage_rules.day_table(days, day_counts),
        usage_rules.month_table(months, usage_rules.per_month(viewer, months)),
    ]
    if viewer.sees_network:
        tables.append(usage_rules.page_table(usage_rules.per_page(viewer, month, end)))
    tables.append(usage_rules.offer_table(usage_rules.per_offer(viewer, month, end)))
    chart = bar_chart(
        _("Page views per day"),
        [
            (date_format(day, "D j M"), day_counts[day].views if day in day_counts else 0)
            for day in days
        ],
    )
    return _render(
        request,
        "analyse/usage.html",
        tables,
        f"gebruik-{month:%Y-%m}",
        {"viewer": viewer, "form": form, "month": month, "chart": chart},
    )


# Referrals


@analysis_view()
def referrals(request, viewer):
    form, year = _year(request)
    tables, totals = referral_counts.referral_tables(viewer, year)
    chart = bar_chart(
        _("Referrals received per partner"), [(row[0], row[2]) for row in tables[0].rows]
    )
    return _render(
        request,
        "analyse/referrals.html",
        tables,
        f"doorverwijzingen-{year}",
        {
            "viewer": viewer,
            "form": form,
            "year": year,
            "totals": totals,
            "chart": chart,
            "median_at_least": referral_counts.MEDIAN_AT_LEAST,
        },
    )


# The yearly report


@analysis_view(coordinators_only=True)
def report(request, viewer):
    form, year = _year(request)
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    last_month = min(search_rules.month_start(timezone.localdate()), date(year, 12, 1))
    months = search_rules.months_up_to(last_month, last_month.month)
    cover = coverage_rules.coverage(Offer.objects.published())
    matrix, gaps = coverage_tables(cover, [])
    search, rate_chart = search_tables(start, end, [], months)
    listing, themes = need_tables(viewer, _signals(start, end))
    now = timezone.now()
    fresh_rows, fresh_total = _freshness_rows(viewer, now)
    rows, total = _participation_rows(viewer, year)
    use_counting.flush()
    use_months = [date(year, number, 1) for number in range(1, last_month.month + 1)]
    use_per_month = usage_rules.per_month(viewer, use_months)
    referral_tables, referral_totals = referral_counts.referral_tables(viewer, year)
    tables = [
        matrix,
        gaps,
        huizen_table(),
        *search,
        themes,
        listing,
        freshness_table(fresh_rows, now, total=fresh_total),
        participation_table(rows, total=total),
        usage_rules.month_table(use_months, use_per_month),
        usage_rules.page_table(usage_rules.per_page(viewer, start, end)),
        usage_rules.offer_table(usage_rules.per_offer(viewer, start, end)),
        *referral_tables,
    ]
    return _render(
        request,
        "analyse/report.html",
        tables,
        f"analyse-{year}",
        {
            "viewer": viewer,
            "form": form,
            "year": year,
            "rate_chart": rate_chart,
            "gap_chart": bar_chart(
                _("Cells without offer per area"), [(row[0], row[1]) for row in gaps.rows]
            ),
            "attendance_chart": bar_chart(
                _("Attendance per partner"),
                [(row.partner.name, row.rate) for row in rows],
                maximum=100,
                unit=" %",
            ),
            "use_chart": bar_chart(
                _("Page views per month"),
                [(_month_label(m), use_per_month[m].views) for m in use_months],
            ),
            "referral_chart": bar_chart(
                _("Referrals received per partner"),
                [(row[0], row[2]) for row in referral_tables[0].rows],
            ),
            "referral_totals": referral_totals,
            "printed_at": now,
            "gap_at_most": coverage_rules.GAP_AT_MOST,
        },
    )
