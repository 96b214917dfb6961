"""django-filter FilterSets of the public pages. Every filter reads the GET query string, so a
filtered page is a shareable, bookmarkable URL that works without JavaScript."""

from datetime import datetime, time, timedelta
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import CharField, Exists, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import search
from .facets import Facet, has_any
from .languages import name_in
from .models import (
    Activity,
    AgeBand,
    Language,
    Location,
    Offer,
    OfferLocation,
    Pillar,
    Postcode,
    Theme,
    Weekday,
)


class WholeNumberFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class OfferFilter(django_filters.FilterSet):
    """The filters of the public catalogue (/aanbod/).

    Within one parameter the values are alternatives (pijler=a&pijler=b: either pillar); different
    parameters all apply. The filters on related tables (pillar, theme, language, postcode,
    weekday) match the offer's filter codes (``Offer.facets``), which one index scan serves for
    all of them together. So an offer is never listed twice and no DISTINCT is needed that would
    get in the way of ordering by relevance or by the next activity.

    After filtering, the text search ranks what is left and the result is put in order. The view
    reads `search_text`, `fallback_used` and `sort` afterwards to tell the visitor what happened.
    """

    SORT_RELEVANCE = "relevantie"
    SORT_TITLE = "alfabetisch"
    SORT_SOONEST = "eerstvolgend"
    SORT_CHOICES = [
        (SORT_RELEVANCE, _("Best match first")),
        (SORT_TITLE, _("Alphabetical (A to Z)")),
        (SORT_SOONEST, _("Next activity first")),
    ]
    COST_CHOICES = [("gratis", _("Free of charge")), ("sociaal", _("Social tariff"))]
    COST_VALUES = {"gratis": Offer.Cost.FREE, "sociaal": Offer.Cost.SOCIAL}
    # Not filters of their own: the search and the order are applied after all filters.
    APPLIED_LAST = ("q", "sorteer")

    q = django_filters.CharFilter(
        label=_("What are you looking for?"),
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "class": "form-control"}),
    )
    pijler = django_filters.MultipleChoiceFilter(
        label=_("Kind of offer"),
        method="filter_pillars",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    thema = django_filters.MultipleChoiceFilter(
        label=_("Topic"),
        method="filter_themes",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    voor = django_filters.MultipleChoiceFilter(
        label=_("For whom?"),
        choices=AgeBand.choices,
        method="filter_for_whom",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    leeftijd = WholeNumberFilter(
        label=_("Age of your child (in years)"),
        method="filter_age",
        min_value=0,
        max_value=24,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    gemeente = django_filters.MultipleChoiceFilter(
        label=_("Deelgemeente"),
        choices=Postcode.choices,
        method="filter_postcodes",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    plek = django_filters.ModelChoiceFilter(
        label=_("Place"),
        queryset=Location.objects.all(),
        to_field_name="slug",
        method="filter_location",
        widget=forms.HiddenInput,
    )
    kosten = django_filters.MultipleChoiceFilter(
        label=_("Cost"),
        choices=COST_CHOICES,
        method="filter_cost",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    zonder_inschrijving = django_filters.BooleanFilter(
        label=_("Without registration: just walk in"),
        method="filter_walk_in",
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    taal = django_filters.ChoiceFilter(
        label=_("Language of the offer"),
        method="filter_language",
        empty_label=_("All languages"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    vorm = django_filters.ChoiceFilter(
        label=_("How does it take place?"),
        choices=Offer.Format.choices,
        field_name="format",
        empty_label=pgettext_lazy("format", "Any way"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    dag = django_filters.ChoiceFilter(
        label=_("Day of the week"),
        choices=Weekday.choices,
        method="filter_weekday",
        empty_label=_("Any day"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    sorteer = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        empty_label=None,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            # PostgreSQL cannot store or compare text with NUL characters; they are never part
            # of a real value, so they are dropped before anything reaches the database.
            data = data.copy()
            for key, values in list(data.lists()):
                data.setlist(key, [value.replace("\x00", "") for value in values])
        super().__init__(data, *args, **kwargs)
        # Checking a value against known choices needs no query of its own, and the filters
        # look rows up by these ids (see catalogue_choices).
        choices, self.choice_ids = catalogue_choices()
        for name, values in choices.items():
            self.filters[name].extra["choices"] = values
        self.search_text = ""
        self.fallback_used = False
        # How many offers the search found, counted up to search.RANKED_MATCHES_LIMIT + 1;
        # None when it did not count them.
        self.match_count = None
        self.sort = self.SORT_TITLE

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        for name, value in data.items():
            if name not in self.APPLIED_LAST:
                queryset = self.filters[name].filter(queryset, value)
        text = data.get("q") or ""
        if text and search.normalise_query(text):
            self.search_text = text
            queryset, self.fallback_used = search.search_offers(queryset, text)
            self.match_count = getattr(queryset, "match_count", None)
        queryset = queryset.annotate(next_activity_at=Subquery(next_activity_start()))
        return self.order(queryset, data.get("sorteer"))

    def chosen_filters(self):
        """The valid filter values chosen, as a query string of their codes in a fixed order
        ("gemeente=3012&voor=12-18"), without the search text and the sort order: the same
        combination always reads the same. Empty when nothing is chosen or a value is invalid."""
        if not self.form.is_valid():
            return ""
        pairs = []
        for name, value in sorted(self.form.cleaned_data.items()):
            if name in self.APPLIED_LAST or value in (None, "", [], False):
                continue
            if isinstance(value, Location):
                value = value.slug
            values = sorted(set(value)) if isinstance(value, list) else [value]
            pairs += [(name, "1" if item is True else str(item)) for item in values]
        return urlencode(pairs)

    def order(self, queryset, sort):
        if sort == self.SORT_SOONEST:
            self.sort = sort
            return queryset.order_by(F("next_activity_at").asc(nulls_last=True), "title", "pk")
        if self.search_text and sort in (self.SORT_RELEVANCE, "", None):
            # The search has ordered the offers by relevance already.
            self.sort = self.SORT_RELEVANCE
            return queryset
        self.sort = self.SORT_TITLE
        return queryset.order_by("title", "pk")

    def _ids(self, name, values):
        return [self.choice_ids[name][value] for value in values]

    def filter_pillars(self, queryset, name, value):
        ids = self._ids("pijler", value)
        return queryset.filter(has_any(*Facet.PILLAR.codes(ids)))

    def filter_themes(self, queryset, name, value):
        ids = self._ids("thema", value)
        return queryset.filter(has_any(*Facet.THEME.codes(ids)))

    def filter_for_whom(self, queryset, name, value):
        matching = None
        for band in dict.fromkeys(value):
            offers = Offer.objects.for_band(band)
            matching = offers if matching is None else matching | offers
        return queryset & matching

    def filter_age(self, queryset, name, value):
        return queryset.for_age(value * 12)

    def filter_postcodes(self, queryset, name, value):
        return queryset.filter(has_any(*Facet.POSTCODE.codes(value)))

    def filter_location(self, queryset, name, value):
        return queryset.filter(
            Exists(OfferLocation.objects.filter(offer=OuterRef("pk"), location=value))
        )

    def filter_cost(self, queryset, name, value):
        return queryset.filter(cost__in=[self.COST_VALUES[choice] for choice in value])

    def filter_walk_in(self, queryset, name, value):
        return queryset.filter(registration=Offer.Registration.WALK_IN) if value else queryset

    def filter_language(self, queryset, name, value):
        ids = self._ids("taal", [value])
        return queryset.filter(has_any(Facet.LANGUAGE.code(ids[0])))

    def filter_weekday(self, queryset, name, value):
        """Offers with a regular weekly slot on this day, or an upcoming activity (not cancelled)
        that falls on this day in Leuven."""
        day = int(value)
        # The codes know the weekdays of every activity, past ones too: they narrow the offers
        # down, and an offer without a weekly slot that day needs an upcoming one. (The offers
        # here are published already: no need for upcoming()'s join.)
        upcoming = Activity.objects.filter(
            offer=OuterRef("pk"),
            ends_at__gte=timezone.now(),
            is_cancelled=False,
            starts_at__iso_week_day=day,
        )
        slot = Facet.SLOT_WEEKDAY.code(day)
        return queryset.filter(has_any(slot, Facet.ACTIVITY_WEEKDAY.code(day))).filter(
            has_any(slot) | Exists(upcoming)
        )


def catalogue_choices():
    """The choices of the pillar, theme and language filters, fetched in one query, with their
    names in this request's language (aanbod.languages).

    The catalogue page keeps to ten queries, and the text search may need four of them; one
    UNION instead of three small queries leaves room for it. Pillars keep their fixed order,
    themes and languages go by their name in the page's language.

    Returns the choices per filter, and per filter the id of each value: with ids the filters
    need no join to the pillar, theme or language table, and PostgreSQL knows from its
    statistics how many offers each id has, which it cannot guess for a slug in another table.
    """

    def rows(queryset, kind, position, value, dutch, native):
        return (
            queryset.order_by()
            .annotate(
                kind=Value(kind), position=position, value=F(value), dutch=dutch, native=native
            )
            .values_list("kind", "position", "value", "dutch", "names", "native", "pk")
        )

    no_position = Value(0, output_field=IntegerField())
    no_native = Value("", output_field=CharField())
    plain_name = Coalesce(NullIf("plain_name", Value("")), "name")
    union = rows(Pillar.objects, "pijler", F("order"), "slug", plain_name, no_native).union(
        rows(Theme.objects, "thema", no_position, "slug", F("name"), no_native),
        rows(Language.objects, "taal", no_position, "code", F("name"), F("native_name")),
        all=True,
    )
    choices = {"pijler": [], "thema": [], "taal": []}
    ids = {"pijler": {}, "thema": {}, "taal": {}}
    for kind, _position, value, dutch, names, native, pk in union.order_by("kind", "position"):
        name = name_in(names, dutch)
        choices[kind].append((value, language_label(name, native) if kind == "taal" else name))
        ids[kind][value] = pk
    for kind in ("thema", "taal"):
        choices[kind].sort(key=lambda choice: search.fold(choice[1]))
    return choices, ids


def language_label(name, native_name):
    """ "arabe (العربية)": the name in the page's language, and as its speakers write it."""
    if native_name and search.fold(native_name) != search.fold(name):
        return f"{name} ({native_name})"
    return name


def next_activity_start():
    """The start of an offer's next activity that is not cancelled, for a Subquery."""
    return (
        Activity.objects.upcoming()
        .filter(offer=OuterRef("pk"), is_cancelled=False)
        .values("starts_at")[:1]
    )


# The agenda can be browsed this far ahead; further than that, plans are rarely final.
AGENDA_MAX_AHEAD = timedelta(days=3 * 366)


def start_of_day(day):
    """The first moment of a calendar day in Leuven, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))


class ActivityFilterForm(forms.Form):
    def clean_vanaf(self):
        day = self.cleaned_data.get("vanaf")
        if day is None:
            return None
        today = timezone.localdate()
        if day > today + AGENDA_MAX_AHEAD:
            raise forms.ValidationError(_("Choose a date in the next three years."))
        # A date in the past means "from today": the agenda only shows what is still to come.
        return max(day, today)


class ActivityFilter(django_filters.FilterSet):
    """Filters of the agenda page and its iCalendar feed (same parameters, so a filtered page
    and its feed describe the same activities)."""

    pijler = django_filters.ChoiceFilter(
        label=_("Kind of offer"),
        field_name="offer__pillars__slug",
        empty_label=_("All kinds of offer"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    voor = django_filters.ChoiceFilter(
        label=_("For whom?"),
        choices=AgeBand.choices,
        method="filter_for_whom",
        empty_label=_("Everyone"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    plek = django_filters.ChoiceFilter(
        label=_("Place"),
        field_name="location__slug",
        empty_label=_("All places"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    gemeente = django_filters.ChoiceFilter(
        label=_("Deelgemeente"),
        field_name="location__postcode",
        choices=Postcode.choices,
        empty_label=_("All of Leuven"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    vanaf = django_filters.DateFilter(
        label=_("From"),
        method="filter_from",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )

    class Meta:
        form = ActivityFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query per list of choices; checking a value against them then needs no query,
        # and a value that is no slug at all (even one with a NUL) never reaches the database.
        self.filters["pijler"].extra["choices"] = [
            (pillar.slug, pillar.local_name) for pillar in Pillar.objects.all()
        ]
        self.filters["plek"].extra["choices"] = list(
            Location.objects.huizen_first().values_list("slug", "name")
        )

    def filter_for_whom(self, queryset, name, value):
        return queryset.filter(offer__in=Offer.objects.for_band(value))

    def filter_from(self, queryset, name, value):
        return queryset.filter(ends_at__gte=start_of_day(value))
