"""The public catalogue: the list of offers with its filters, an offer's page, and the
"Klopt er iets niet?" form."""

import calendar
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from partners.backends import client_ip_address

from .. import search
from ..filters import OfferFilter
from ..forms import ErrorReportForm
from ..models import Offer, OfferLocation

OFFERS_PER_PAGE = 20
# The print version lists everything on one page, up to this many offers.
PRINT_MAX_OFFERS = 200
DETAIL_MAX_SESSIONS = 20
REPORTS_PER_WINDOW = 5
REPORT_WINDOW_SECONDS = 10 * 60
# Parameters that choose how the list is shown, not which offers are in it.
VIEW_PARAMETERS = ("page", "afdrukken")
# The filters in the "Filters" panel, most asked-for first. The search box and the sort order sit
# above the results; `plek` comes from a place's page and is kept as a hidden field.
FILTER_PANEL = (
    "voor",
    "leeftijd",
    "thema",
    "pijler",
    "gemeente",
    "kosten",
    "zonder_inschrijving",
    "taal",
    "dag",
    "vorm",
)


def offer_list(request):
    filterset = OfferFilter(request.GET, queryset=Offer.objects.published(), request=request)
    offers = filterset.qs.select_related("provider").prefetch_related(
        "languages",
        Prefetch("offer_locations", queryset=OfferLocation.objects.select_related("location")),
    )
    printing = request.GET.get("afdrukken") == "1"
    paginator = Paginator(offers, PRINT_MAX_OFFERS if printing else OFFERS_PER_PAGE)
    number = 1 if printing else _page_number(request.GET.get("page"), paginator.num_pages)
    page = paginator.page(number)

    # The first page of a search counts once; paging through it or printing it does not.
    if filterset.search_text and "page" not in request.GET and not printing:
        search.record_search(filterset.search_text, paginator.count)

    params = filterset.data.copy()
    for name in VIEW_PARAMETERS:
        params.pop(name, None)
    chips = [
        {"text": text, "url": _query_without(params, name, value)}
        for name, value, text in _active_filters(filterset)
    ]
    print_params = params.copy()
    print_params["afdrukken"] = "1"
    return render(
        request,
        "aanbod/offer_list.html",
        {
            "filterset": filterset,
            "form": filterset.form,
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
            "filter_fields": [filterset.form[name] for name in FILTER_PANEL],
            # An invalid value opens the panel, so its message is seen next to its field.
            "filters_open": any(filterset.form[name].errors for name in FILTER_PANEL),
            "offers": page.object_list,
            "result_count": paginator.count,
            "result_heading": _result_heading(filterset, paginator.count),
            "chips": chips,
            "pagination_query": params.urlencode(),
            "print_query": print_params.urlencode(),
            "printing": printing,
            "print_truncated": printing and paginator.num_pages > 1,
            "sort_choices": OfferFilter.SORT_CHOICES,
            "printed_at": timezone.now(),
        },
    )


def _page_number(value, last_page):
    """The page asked for, kept within the pages there are: a mistyped or outdated link still
    shows a list."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), last_page)


def _query_without(params, name, value=None):
    """The query string without one value of a parameter (or without the parameter)."""
    params = params.copy()
    if value is None:
        params.pop(name, None)
    else:
        params.setlist(name, [v for v in params.getlist(name) if v != value])
    query = params.urlencode()
    return f"?{query}" if query else reverse("aanbod:offer_list")


def _active_filters(filterset):
    """(parameter, value or None for the whole parameter, text) for each filter in use.

    Only values that passed validation are listed; an invalid value has its message next to its
    field instead.
    """
    data = filterset.form.cleaned_data
    labelled = _("%(filter)s: %(value)s")
    active = []
    if filterset.search_text:
        active.append(("q", None, _("Search: ‘%(text)s’") % {"text": filterset.search_text}))
    for name in ("pijler", "thema", "voor", "gemeente", "kosten"):
        field = filterset.filters[name].field
        choices = _choice_labels(field)
        for value in dict.fromkeys(data.get(name) or []):
            text = labelled % {"filter": field.label, "value": choices[value]}
            active.append((name, value, text))
    if data.get("leeftijd") is not None:
        years = data["leeftijd"]
        age = ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
        label = filterset.filters["leeftijd"].field.label
        active.append(("leeftijd", None, labelled % {"filter": label, "value": age}))
    if data.get("plek"):
        label = filterset.filters["plek"].field.label
        active.append(("plek", None, labelled % {"filter": label, "value": data["plek"].name}))
    if data.get("zonder_inschrijving"):
        active.append(("zonder_inschrijving", None, filterset.filters["zonder_inschrijving"].label))
    for name in ("taal", "vorm", "dag"):
        if data.get(name):
            field = filterset.filters[name].field
            value = _choice_labels(field)[data[name]]
            active.append((name, None, labelled % {"filter": field.label, "value": value}))
    return active


def _choice_labels(field):
    # Form values are text, while some choices (the weekdays) have numbers as keys.
    return {str(key): label for key, label in field.choices}


def _result_heading(filterset, count):
    text = filterset.search_text
    if not text:
        return ngettext("%(count)s result", "%(count)s results", count) % {"count": count}
    if not count:
        return _("No results for ‘%(text)s’") % {"text": text}
    if filterset.fallback_used:
        return _("No exact results for ‘%(text)s’. These come close:") % {"text": text}
    return ngettext(
        "%(count)s result for ‘%(text)s’", "%(count)s results for ‘%(text)s’", count
    ) % {"count": count, "text": text}


def offer_detail(request, slug):
    offer = get_object_or_404(
        Offer.objects.published()
        .select_related("provider")
        .prefetch_related(
            "co_providers",
            "languages",
            "pillars",
            "themes",
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related("location").prefetch_related("slots"),
            ),
        ),
        slug=slug,
    )
    offer_locations = list(offer.offer_locations.all())
    for offer_location in offer_locations:
        offer_location.directions_url = directions_url(offer_location.location)
    # Cancelled activities stay listed (as "afgelast") so nobody turns up in vain.
    sessions = offer.sessions.upcoming().select_related("location")[:DETAIL_MAX_SESSIONS]
    share_url = request.build_absolute_uri(offer.get_absolute_url())
    share_body = f"{offer.title}\n{offer.summary}\n\n{share_url}"
    return render(
        request,
        "aanbod/offer_detail.html",
        {
            "offer": offer,
            "offer_locations": offer_locations,
            "sessions": sessions,
            "needs_review_notice": needs_review_notice(offer),
            "share_url": share_url,
            "share_mailto": "mailto:?"
            + urlencode({"subject": offer.title, "body": share_body}, quote_via=quote),
        },
    )


def directions_url(location):
    """A plain link to OpenStreetMap: directions to the coordinates, or else a search for the
    address. No map is embedded, so the page itself makes no request to a third party."""
    if location.latitude is not None and location.longitude is not None:
        return (
            f"https://www.openstreetmap.org/directions?to={location.latitude},{location.longitude}"
        )
    return "https://www.openstreetmap.org/search?" + urlencode({"query": location.address})


def needs_review_notice(offer, now=None):
    """True when nobody confirmed the offer in the last REVIEW_NOTICE_MONTHS months."""
    if offer.reviewed_at is None:
        return True
    return offer.reviewed_at < _months_before(now or timezone.now(), settings.REVIEW_NOTICE_MONTHS)


def _months_before(moment, months):
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@require_http_methods(["GET", "POST"])
def report_error(request, slug):
    offer = get_object_or_404(Offer.objects.published(), slug=slug)
    if request.method == "GET" and "verzonden" in request.GET:
        return render(request, "aanbod/report_error_done.html", {"offer": offer})

    form = ErrorReportForm(request.POST if request.method == "POST" else None)
    rate_limited = False
    if request.method == "POST" and form.is_valid():
        if _take_report_slot(request):
            # A filled-in honeypot gets the same thanks, so a robot learns nothing.
            if not form.is_spam:
                report = form.save(commit=False)
                report.offer = offer
                report.save()
            return redirect(reverse("aanbod:report_error", args=[offer.slug]) + "?verzonden=1")
        rate_limited = True
    return render(
        request,
        "aanbod/report_error.html",
        {"offer": offer, "form": form, "rate_limited": rate_limited},
        status=429 if rate_limited else 200,
    )


def _take_report_slot(request):
    """Count one report for this client; False once it sent REPORTS_PER_WINDOW in the window.

    The client is known only by a keyed hash of its IP address, kept in the cache for the
    length of the window; the address itself is stored nowhere.
    """
    address = client_ip_address(request) or ""
    client = salted_hmac("aanbod.report_error", address).hexdigest()
    key = f"report-error:{client}"
    cache.add(key, 0, REPORT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window ended between add() and incr(): this report opens a new one.
        cache.set(key, 1, REPORT_WINDOW_SECONDS)
        count = 1
    return count <= REPORTS_PER_WINDOW
