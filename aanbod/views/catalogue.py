"""The public catalogue: the list of offers with its filters, an offer's page, and the
"Klopt er iets niet?" form."""

import re
from math import ceil
from urllib.parse import quote, urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from common import usage
from common.client import take_submission_slot

from .. import search
from ..filters import OfferFilter
from ..forms import ErrorReportForm
from ..languages import current_language, dutch_attributes, source_language
from ..models import (
    Offer,
    OfferLocation,
    not_in_lists,
    with_shown_texts,
    with_shown_translation,
)
from ..review import months_before, needs_review
from .locations import map_markers

OFFERS_PER_PAGE = 20
# The list counts its results no further than this: counting every match of a broad search or
# filter costs a scan of all of them (90-400 ms at 100,000 offers), and "more than 1000" tells a
# visitor as much. Only these first results can be paged through. The text search counts its
# matches this far already, and the list takes that count instead of counting again.
COUNT_LIMIT = search.RANKED_MATCHES_LIMIT
# The print version lists everything on one page, up to this many offers.
PRINT_MAX_OFFERS = 200
DETAIL_MAX_ACTIVITIES = 20
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
    offers = with_shown_texts(
        filterset.qs.select_related("provider")
        .defer(*not_in_lists())
        .prefetch_related(
            "languages",
            Prefetch("offer_locations", queryset=OfferLocation.objects.select_related("location")),
        )
    )
    printing = request.GET.get("afdrukken") == "1"
    if printing:
        # The printed card gives each place's weekly times.
        offers = offers.prefetch_related("offer_locations__slots")
    paginator = LimitedCountPaginator(
        offers,
        PRINT_MAX_OFFERS if printing else OFFERS_PER_PAGE,
        limit=COUNT_LIMIT,
        known_count=filterset.match_count,
    )
    number = 1 if printing else _page_number(request.GET.get("page"), paginator.num_pages)
    page = paginator.page(number)

    # The first page of a search counts once; paging through it or printing it does not.
    # More than COUNT_LIMIT results are recorded as COUNT_LIMIT + 1.
    if filterset.search_text and "page" not in request.GET and not printing:
        search.record_search(filterset.search_text, paginator.count)
    if not paginator.count and "page" not in request.GET and not printing:
        search.record_empty_filters(filterset)

    params = without_empty_values(filterset.data)
    for name in VIEW_PARAMETERS:
        params.pop(name, None)
    chips = [
        {"text": text, "url": _query_without(params, name, value)}
        for name, value, text in _active_filters(filterset)
    ]
    print_params = params.copy()
    print_params["afdrukken"] = "1"
    usage.count(request)
    return render(
        request,
        "aanbod/offer_list.html",
        {
            "filterset": filterset,
            "form": filterset.form,
            "page_obj": page,
            "page_range": paginator.get_elided_page_range(number, on_each_side=1, on_ends=1),
            "filter_fields": [_panel_field(filterset.form[name]) for name in FILTER_PANEL],
            # An invalid value opens the panel, so its message is seen next to its field.
            "filters_open": any(filterset.form[name].errors for name in FILTER_PANEL),
            "offers": page.object_list,
            "synonyms": search.synonyms_shown(page.object_list),
            "markers": _result_markers(page.object_list),
            "result_count": paginator.count,
            "result_count_limited": paginator.limited,
            "count_limit": paginator.limit,
            "result_heading": _result_heading(filterset, paginator),
            "chips": chips,
            "pagination_query": params.urlencode(),
            "print_query": print_params.urlencode(),
            "printing": printing,
            "page_not_dutch": current_language() != source_language(),
            "dutch_attributes": dutch_attributes(),
            "print_truncated": printing and paginator.num_pages > 1,
            "sort_choices": OfferFilter.SORT_CHOICES,
            "brochure_pillar": _single_pillar(filterset),
            "printed_at": timezone.now(),
            # The start of the offer addresses printed with each card.
            "site_root": f"{request.scheme}://{request.get_host()}",
        },
    )


class LimitedCountPaginator(Paginator):
    """A Paginator that counts at most `limit` + 1 objects and pages through the first `limit`.

    `count` is the true number up to `limit`, and `limit` + 1 when there are more (`limited`).

    One query fetches the primary keys of the first `limit` + 1 objects in their order; their
    number is the count, and a page is then fetched by primary key. Counting and listing
    separately made the database find the matches twice, which for a list with several filters
    is most of the page's time. `known_count`, a count made already up to at least `limit` + 1
    (by the text search), needs no such query: the page is then a slice of the list.
    """

    def __init__(self, object_list, per_page, *, limit, known_count=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = limit
        self.known_count = known_count

    @cached_property
    def first_ids(self):
        return list(self.object_list.values_list("pk", flat=True)[: self.limit + 1])

    @cached_property
    def count(self):
        if self.known_count is not None:
            return min(self.known_count, self.limit + 1)
        return len(self.first_ids)

    @property
    def limited(self):
        return self.count > self.limit

    @cached_property
    def num_pages(self):
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        return ceil(max(1, min(self.count, self.limit) - self.orphans) / self.per_page)

    def page(self, number):
        number = self.validate_number(number)
        # The last page stops at the limit, not at the (uncounted) end of the results.
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.limit)
        if self.known_count is not None:
            return self._get_page(self.object_list[bottom:top], number, self)
        wanted = self.first_ids[bottom:top]
        found = {obj.pk: obj for obj in self.object_list.filter(pk__in=wanted)}
        return self._get_page([found[pk] for pk in wanted if pk in found], number, self)


def _panel_field(field):
    """One filter of the panel, its inputs already written as HTML.

    Django writes every <input> and <option> through its form widget templates, three nested
    templates each; for the panel's fifty-odd inputs that took a third of the page's time.
    The HTML here is what those templates write, from the same widget context
    (tests/aanbod/test_catalogue_widgets.py compares the two). A field with an error, or a
    widget this does not know, is left to Django.
    """
    item = {"field": field, "widget": None, "choices": None}
    widget = field.field.widget
    if field.errors or not isinstance(widget, FAST_WIDGETS):
        if field.use_fieldset:
            item["choices"] = [
                (choice.tag(), choice.id_for_label, choice.choice_label) for choice in field
            ]
        else:
            item["widget"] = str(field)
        return item
    if isinstance(widget, forms.CheckboxSelectMultiple):
        item["choices"] = [
            (_input_html(choice.data), choice.id_for_label, choice.choice_label) for choice in field
        ]
        return item
    # What BoundField.as_widget() passes to the widget.
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    item["widget"] = (
        _select_html(context) if isinstance(widget, forms.Select) else _input_html(context)
    )
    return item


# The widgets _panel_field writes itself (CheckboxInput is an Input).
FAST_WIDGETS = (forms.CheckboxSelectMultiple, forms.widgets.Input, forms.Select)


def _attrs_html(attrs):
    # django/forms/widgets/attrs.html: True is a bare attribute, False leaves it out.
    return mark_safe(
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )


def _input_html(widget):
    # django/forms/widgets/input.html
    value = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
    return format_html(
        '<input type="{}" name="{}"{}{}>',
        widget["type"],
        widget["name"],
        value,
        _attrs_html(widget["attrs"]),
    )


def _select_html(widget):
    # django/forms/widgets/select.html and select_option.html
    parts = []
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            parts.append(
                format_html(
                    '\n  <option value="{}"{}>{}</option>\n',
                    option["value"],
                    _attrs_html(option["attrs"]),
                    option["label"],
                )
            )
        if group_name:
            parts.append(mark_safe("\n  </optgroup>"))
    return format_html(
        '<select name="{}"{}>{}\n</select>',
        widget["name"],
        _attrs_html(widget["attrs"]),
        mark_safe("".join(parts)),
    )


def without_empty_values(params):
    """A copy of query parameters without the empty ones: `?q=&pijler=x&dag=` gives
    `?pijler=x`. A form sends every field, also those left empty; they choose nothing, and in
    a link, a printed address or a canonical address they only make it long."""
    kept = QueryDict(mutable=True)
    for name, values in params.lists():
        values = [value for value in values if value.strip()]
        if values:
            kept.setlist(name, values)
    return kept


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


def _single_pillar(filterset):
    """The slug of the one pillar the list is filtered on (its brochure is a link away), or
    None."""
    pillars = set(filterset.form.cleaned_data.get("pijler") or ())
    return pillars.pop() if len(pillars) == 1 else None


def _choice_labels(field):
    # Form values are text, while some choices (the weekdays) have numbers as keys.
    return {str(key): label for key, label in field.choices}


def _result_heading(filterset, paginator):
    text, count = filterset.search_text, paginator.count
    if not text:
        if paginator.limited:
            return _("More than %(count)s results") % {"count": paginator.limit}
        return ngettext("%(count)s result", "%(count)s results", count) % {"count": count}
    if not count:
        return _("No results for ‘%(text)s’") % {"text": text}
    if filterset.fallback_used:
        return _("No exact results for ‘%(text)s’. These come close:") % {"text": text}
    if paginator.limited:
        return _("More than %(count)s results for ‘%(text)s’") % {
            "count": paginator.limit,
            "text": text,
        }
    return ngettext(
        "%(count)s result for ‘%(text)s’", "%(count)s results for ‘%(text)s’", count
    ) % {"count": count, "text": text}


def _result_markers(offers):
    """The places of these offers on a map, each with the offers there, in the order of the
    list."""
    places = {}
    for offer in offers:
        for offer_location in offer.offer_locations.all():
            location = offer_location.location
            places.setdefault(location.pk, (location, []))[1].append(offer)
    return map_markers(places.values())


def with_detail_relations(offers):
    """What an offer's page shows besides the offer, fetched with it (one query each)."""
    return (
        with_shown_translation(offers)
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
        )
    )


def offer_detail(request, slug):
    offer = get_object_or_404(with_detail_relations(Offer.objects.published()), slug=slug)
    # Cancelled activities stay listed (as "afgelast") so nobody turns up in vain.
    activities = offer.activities.upcoming().select_related("location")[:DETAIL_MAX_ACTIVITIES]
    usage.count(request, offer_id=offer.pk)
    return render(
        request, "aanbod/offer_detail.html", offer_detail_context(request, offer, activities)
    )


class ContactRedirect(HttpResponseRedirect):
    allowed_schemes = ["tel", "mailto", "http", "https"]


# The ways to contact an offer that its page links to through offer_contact, by URL word.
CONTACT_WAYS = {
    "telefoon": usage.Kind.PHONE,
    "e-mail": usage.Kind.EMAIL,
    "website": usage.Kind.WEBSITE,
}


def contact_address(offer, kind):
    """The offer's own stored contact for that way (tel:, mailto: or its website), or ""."""
    if kind == usage.Kind.PHONE:
        number = re.sub(r"[^0-9+]", "", offer.contact_phone)
        return f"tel:{number}" if number else ""
    if kind == usage.Kind.EMAIL:
        return f"mailto:{offer.contact_email}" if offer.contact_email else ""
    website = offer.website
    return website if website.lower().startswith(("https://", "http://")) else ""


def offer_contact(request, slug, way):
    """Counts a click on an offer's phone, e-mail or website link, then sends the browser on to
    it. Only to the offer's own contact: nothing in the request chooses where it goes."""
    kind = CONTACT_WAYS.get(way)
    offer = get_object_or_404(
        Offer.objects.published().only("pk", "contact_phone", "contact_email", "website"),
        slug=slug,
    )
    address = contact_address(offer, kind) if kind else ""
    if not address:
        raise Http404
    usage.count(request, kind, offer_id=offer.pk)
    return ContactRedirect(address)


def offer_detail_context(request, offer, activities):
    """The offer page's context; the portal's preview shows a draft with it."""
    share_url = request.build_absolute_uri(offer.get_absolute_url())
    text = offer.shown
    share_body = f"{text.title}\n{text.summary}\n\n{share_url}"
    return {
        "offer": offer,
        "text": text,
        "offer_locations": offer.offer_locations.all(),
        "markers": map_markers((place.location, ()) for place in offer.offer_locations.all()),
        "activities": activities,
        # For "where and when" at the top; the activities are read once, for both.
        "next_activity": next((a for a in activities if not a.is_cancelled), None),
        "needs_review_notice": needs_review_notice(offer),
        "share_url": share_url,
        "share_mailto": "mailto:?"
        + urlencode({"subject": text.title, "body": share_body}, quote_via=quote),
    }


def needs_review_notice(offer, now=None):
    """True when nobody confirmed the offer in the last REVIEW_NOTICE_MONTHS months."""
    cutoff = months_before(now or timezone.now(), settings.REVIEW_NOTICE_MONTHS)
    return needs_review(offer, cutoff)


@require_http_methods(["GET", "POST"])
def report_error(request, slug):
    offer = get_object_or_404(Offer.objects.published(), slug=slug)
    if request.method == "GET" and "verzonden" in request.GET:
        return render(request, "aanbod/report_error_done.html", {"offer": offer})

    form = ErrorReportForm(request.POST if request.method == "POST" else None)
    rate_limited = False
    if request.method == "POST" and form.is_valid():
        if take_submission_slot(
            request,
            scope="report-error",
            limit=REPORTS_PER_WINDOW,
            window_seconds=REPORT_WINDOW_SECONDS,
        ):
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
