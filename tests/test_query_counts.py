"""Each public page takes the same number of queries however many rows it shows: at most ten,
and no more with many results than with few."""

from datetime import timedelta

import pytest
from django.urls import reverse

from aanbod.models import Language, Location, Offer, Theme
from tests import factories

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
CATALOGUE = reverse("aanbod:offer_list")
FILTERED = {
    "pijler": ["spel-en-ontmoeting", "groepsaanbod"],
    "thema": "opvoeding",
    "voor": ["0-3", "3-6"],
    "leeftijd": "2",
    "gemeente": ["3000", "3010"],
    "kosten": ["gratis", "sociaal"],
    "zonder_inschrijving": "on",
    "taal": "nl",
    "vorm": "in_person",
    "dag": "2",
}


@pytest.fixture
def catalogue(partner):
    """Adds `count` published offers that match every filter and search of these tests."""
    dutch = Language.objects.create(code="nl", name="Nederlands")
    french = Language.objects.create(code="fr", name="Frans")
    theme = Theme.objects.create(name="Opvoeding", slug="opvoeding")
    leuven = factories.make_location("Huis Leuven", postcode="3000")
    kessel_lo = factories.make_location("Huis Kessel-Lo", postcode="3010")
    made = []

    def add(count):
        for _ in range(count):
            number = len(made)
            offer = factories.make_offer(
                partner,
                f"Spelnamiddag {number:03d}",
                pillars=("spel-en-ontmoeting", "groepsaanbod"),
                age_min_months=0,
                age_max_months=72,
                contact_phone="016 00 00 00",
            )
            offer.languages.add(dutch, french)
            offer.themes.add(theme)
            for location in (leuven, kessel_lo):
                place = factories.make_offer_location(offer, location)
                place.slots.create(weekday=2, start_time="09:00", end_time="12:00")
            factories.make_activity(offer, starts_in=timedelta(days=number % 20 + 1))
            made.append(offer)
        return made

    return add


def query_count(client, django_assert_max_num_queries, url, params=None):
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({}, id="unfiltered"),
        pytest.param(FILTERED, id="filtered"),
        pytest.param({**FILTERED, "sorteer": "eerstvolgend"}, id="filtered-soonest-first"),
        pytest.param({"q": "spelnamiddag"}, id="text-search"),
        pytest.param({"q": "spelnamidag", "thema": "opvoeding"}, id="typo-search"),
        pytest.param({"q": "spelnamiddag", "plek": "huis-leuven", **FILTERED}, id="everything"),
        # On PostgreSQL the most queries: a typo that a theme name comes close to.
        pytest.param({"q": "opvoedng", "plek": "huis-leuven", **FILTERED}, id="typo-everything"),
        pytest.param({"page": "2"}, id="second-page"),
        pytest.param({"afdrukken": "1"}, id="print"),
    ],
)
def test_the_catalogue_takes_as_many_queries_for_many_results_as_for_few(
    client, django_assert_max_num_queries, catalogue, params
):
    catalogue(3)
    few = query_count(client, django_assert_max_num_queries, CATALOGUE, params)
    catalogue(40)
    many = query_count(client, django_assert_max_num_queries, CATALOGUE, params)

    assert many == few


def test_the_catalogue_counts_no_further_than_its_limit(
    client, django_assert_max_num_queries, catalogue, monkeypatch
):
    monkeypatch.setattr("aanbod.views.catalogue.COUNT_LIMIT", 5)
    catalogue(4)
    below = query_count(client, django_assert_max_num_queries, CATALOGUE, FILTERED)
    catalogue(20)
    above = query_count(client, django_assert_max_num_queries, CATALOGUE, FILTERED)

    assert above == below


def test_an_offer_page_takes_as_many_queries_for_a_full_offer_as_for_a_small_one(
    client, django_assert_max_num_queries, partner, other_partner
):
    languages = [Language.objects.create(code=c, name=c) for c in ("nl", "fr", "ar")]
    themes = [Theme.objects.create(name=n, slug=n) for n in ("slapen", "spel")]

    def make(title, size):
        offer = factories.make_offer(
            partner, title, pillars=("spel-en-ontmoeting", "groepsaanbod", "consultatie")[:size]
        )
        offer.co_providers.add(*[other_partner, factories.make_partner()][: 1 + (size > 1)])
        offer.languages.add(*languages[:size])
        offer.themes.add(*themes[:size])
        for number in range(size * 2):
            place = factories.make_offer_location(offer, factories.make_location())
            place.slots.create(weekday=number % 7 + 1, start_time="09:00", end_time="12:00")
        for days in range(1, size * 7 + 1):
            factories.make_activity(offer, starts_in=timedelta(days=days))
        return offer

    small, full = make("Klein aanbod", 1), make("Vol aanbod", 3)
    counts = [
        query_count(client, django_assert_max_num_queries, offer.get_absolute_url())
        for offer in (small, full)
    ]

    assert counts[0] == counts[1]


def test_the_agenda_takes_as_many_queries_for_many_activities_as_for_few(
    client, django_assert_max_num_queries, partner
):
    agenda = reverse("aanbod:agenda")
    huis = factories.make_location("Huis Kessel-Lo", kind=Location.Kind.HUIS_VAN_HET_KIND)

    def add(count):
        for number in range(count):
            offer = factories.make_offer(partner)
            factories.make_activity(offer, starts_in=timedelta(days=number % 30 + 1), location=huis)

    add(1)
    few = query_count(client, django_assert_max_num_queries, agenda, {"plek": huis.slug})
    add(30)
    many = query_count(client, django_assert_max_num_queries, agenda, {"plek": huis.slug})

    assert many == few


def test_the_home_page_takes_as_many_queries_for_many_activities_as_for_few(
    client, django_assert_max_num_queries, partner
):
    def add(count):
        for number in range(count):
            factories.make_location(kind=Location.Kind.HUIS_VAN_HET_KIND)
            offer = factories.make_offer(partner, status=Offer.Status.PUBLISHED)
            factories.make_activity(offer, starts_in=timedelta(days=number + 1))

    add(1)
    few = query_count(client, django_assert_max_num_queries, "/")
    add(10)
    many = query_count(client, django_assert_max_num_queries, "/")

    assert many == few
