"""The catalogue page: what it says about the results, the filter chips, paging, printing, the
offer cards and the number of queries."""

import json
import re
from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from aanbod.models import Language, Offer, Pillar, SearchLog, Theme
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("aanbod:offer_list")
MAX_QUERIES = 10


def titles(response):
    assert response.status_code == 200
    return [offer.title for offer in response.context["offers"]]


def query_of(url):
    return parse_qs(urlsplit(url).query)


@pytest.fixture
def many_offers(partner, other_partner):
    """25 published offers, each with two languages, two places, a theme and activities."""
    dutch = Language.objects.create(code="nl", name="Nederlands")
    french = Language.objects.create(code="fr", name="Frans")
    theme = Theme.objects.create(name="Opvoeding", slug="opvoeding")
    leuven = factories.make_location("Huis Leuven", postcode="3000")
    heverlee = factories.make_location("Huis Heverlee", postcode="3001")
    offers = []
    for number in range(25):
        offer = factories.make_offer(
            partner if number % 2 else other_partner,
            f"Spelnamiddag {number:02d}",
            pillars=("spel-en-ontmoeting", "groepsaanbod"),
            age_min_months=0,
            age_max_months=72,
            contact_phone="016 12 34 56",
        )
        offer.languages.add(dutch, french)
        offer.themes.add(theme)
        factories.make_offer_location(offer, leuven)
        factories.make_offer_location(offer, heverlee)
        factories.make_activity(offer, starts_in=timedelta(days=number + 1))
        offers.append(offer)
    return offers


def test_it_says_how_many_offers_it_found(client, partner):
    factories.make_offer(partner, "Peuterspel")
    factories.make_offer(partner, "Kleuterklets")

    assert "<h2" in client.get(URL).text
    assert "2 resultaten" in client.get(URL).text
    assert (
        "1 resultaat"
        in client.get(URL, {"pijler": "onthaal-en-informatie", "q": "Peuterspel"}).text
    )


def test_it_says_what_was_searched(client, partner):
    factories.make_offer(partner, "Peuterspel")
    factories.make_offer(partner, "Kleuterklets")

    response = client.get(URL, {"q": "Peuterspel"})

    assert titles(response) == ["Peuterspel"]
    assert "1 resultaat voor ‘Peuterspel’" in response.text


def test_it_says_so_when_nothing_was_found(client, partner):
    factories.make_offer(partner, "Peuterspel")

    response = client.get(URL, {"q": "zzzqqq"})

    assert titles(response) == []
    assert "Geen resultaten voor ‘zzzqqq’" in response.text
    assert "Probeer een ander of een korter woord." in response.text


def test_it_says_so_when_the_typo_fallback_was_used(client, partner, monkeypatch):
    factories.make_offer(partner, "Kinderopvang zoeken")
    monkeypatch.setattr("aanbod.search.search_offers", lambda offers, text: (offers, True))

    response = client.get(URL, {"q": "kinderopvnag"})

    assert "Geen exacte resultaten voor ‘kinderopvnag’. Dit lijkt erop:" in response.text
    assert titles(response) == ["Kinderopvang zoeken"]


def test_a_typo_finds_the_offer_it_meant(client, partner):
    factories.make_offer(partner, "Kinderopvang zoeken")
    factories.make_offer(partner, "Peuterspel")

    response = client.get(URL, {"q": "kinderopvnag"})

    assert titles(response) == ["Kinderopvang zoeken"]
    assert "Geen exacte resultaten voor ‘kinderopvnag’. Dit lijkt erop:" in response.text
    assert "1 gelijkaardig resultaat" in response.text


def test_the_search_text_is_escaped(client, partner):
    response = client.get(URL, {"q": "<script>alert(1)</script>"})

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_it_records_a_search_on_the_first_page_only(client, many_offers):
    client.get(URL, {"q": "Spelnamiddag"})
    client.get(URL, {"q": "Spelnamiddag", "page": "2"})
    client.get(URL, {"q": "Spelnamiddag", "page": "1"})
    client.get(URL, {"q": "Spelnamiddag", "afdrukken": "1"})
    client.get(URL, {"pijler": "groepsaanbod"})

    assert list(SearchLog.objects.values_list("query", "result_count")) == [("spelnamiddag", 25)]


def test_it_shows_each_active_filter_as_a_removable_chip(client, many_offers):
    response = client.get(
        URL,
        {"pijler": ["groepsaanbod", "spel-en-ontmoeting"], "leeftijd": "2", "page": "2"},
    )

    chips = {chip["text"]: query_of(chip["url"]) for chip in response.context["chips"]}
    assert chips == {
        "Soort aanbod: Infoavonden, workshops en oudergroepen": {
            "pijler": ["spel-en-ontmoeting"],
            "leeftijd": ["2"],
        },
        "Soort aanbod: Spelen en andere ouders ontmoeten": {
            "pijler": ["groepsaanbod"],
            "leeftijd": ["2"],
        },
        "Leeftijd van je kind (in jaar): 2 jaar": {
            "pijler": ["groepsaanbod", "spel-en-ontmoeting"]
        },
    }
    assert "Filter verwijderen:" in response.text
    assert f'href="{URL}">Wis alle filters</a>' in response.text


def test_removing_the_last_chip_leads_to_the_whole_list(client, many_offers):
    response = client.get(URL, {"kosten": "gratis"})

    assert [chip["url"] for chip in response.context["chips"]] == [URL]


def test_the_search_text_is_a_chip_too(client, many_offers):
    response = client.get(URL, {"q": "Spelnamiddag", "taal": "fr"})

    chips = {chip["text"]: query_of(chip["url"]) for chip in response.context["chips"]}
    assert chips == {
        "Zoekterm: ‘Spelnamiddag’": {"taal": ["fr"]},
        "Taal van het aanbod: Frans": {"q": ["Spelnamiddag"]},
    }


def test_there_are_no_chips_without_filters(client, many_offers):
    response = client.get(URL)

    assert response.context["chips"] == []
    assert "Wis alle filters" not in response.text


def test_it_shows_20_offers_a_page(client, many_offers):
    first = client.get(URL)
    last = client.get(URL, {"page": "2"})

    assert len(titles(first)) == 20
    assert titles(last) == [f"Spelnamiddag {n}" for n in range(20, 25)]
    assert 'aria-current="page"' in first.text
    assert "Pagina 1 van 2" in first.text


@pytest.mark.parametrize(
    ("page", "shown"),
    [("999", 2), ("abc", 1), ("-1", 1), ("0", 1), ("", 1), ("1.5", 1), ("9" * 5000, 1)],
)
def test_a_page_number_out_of_range_shows_a_page_that_exists(client, many_offers, page, shown):
    response = client.get(URL, {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == shown


def test_page_links_keep_the_filters(client, many_offers):
    response = client.get(URL, {"pijler": "groepsaanbod", "taal": "nl"})

    assert "?pijler=groepsaanbod&amp;taal=nl&amp;page=2" in response.text


def test_the_filters_sit_in_a_details_element_of_a_get_form(client, many_offers):
    html = client.get(URL).text

    assert 'method="get"' in html
    assert '<details class="filter-panel">' in html
    assert "<summary" in html
    assert 'type="submit"' in html


def test_the_filters_open_up_when_a_value_is_invalid(client, many_offers):
    html = client.get(URL, {"leeftijd": "abc"}).text

    assert '<details class="filter-panel" open>' in html
    assert "Voer een geheel getal in." in html


def test_the_print_link_keeps_the_filters(client, many_offers):
    response = client.get(URL, {"pijler": "groepsaanbod", "page": "2"})

    assert 'href="?pijler=groepsaanbod&amp;afdrukken=1"' in response.text
    assert "Print deze lijst" in response.text


def test_the_print_version_lists_all_results_on_one_page(client, many_offers):
    response = client.get(URL, {"pijler": "groepsaanbod", "afdrukken": "1"})

    assert len(titles(response)) == 25
    assert 'class="pagination-nav' not in response.text
    assert "Selectie: Soort aanbod: Infoavonden, workshops" in response.text
    # On paper a link cannot be clicked: the page address is printed with each offer.
    assert f"http://testserver{many_offers[0].get_absolute_url()}" in response.text


def test_a_card_says_for_whom_what_it_costs_and_where(client, partner):
    leuven = factories.make_location("Huis Leuven", postcode="3000")
    kessel_lo = factories.make_location("Huis Kessel-Lo", postcode="3010")
    offer = factories.make_offer(
        partner,
        "Kleuterklets",
        age_min_months=18,
        age_max_months=72,
        cost=Offer.Cost.SOCIAL,
        cost_details="€ 2, of € 0,50 met sociaal tarief",
        registration=Offer.Registration.REQUIRED,
    )
    offer.languages.add(Language.objects.create(code="ar", name="Arabisch"))
    factories.make_offer_location(offer, leuven)
    factories.make_offer_location(offer, kessel_lo)

    html = client.get(URL).text

    assert f'href="{offer.get_absolute_url()}">Kleuterklets</a>' in html
    assert "Korte uitleg over Kleuterklets." in html
    assert "18 maanden tot 6 jaar" in html
    assert "€ 2, of € 0,50 met sociaal tarief" in html
    assert "en nog 1 plek" in html
    assert "Inschrijven nodig" in html
    assert "Arabisch" in html
    # On paper the card also names the organiser.
    assert "Georganiseerd door Gezinsbond vzw" in html


def test_a_card_says_where_an_offer_comes_to_families(client, partner):
    factories.make_offer(
        partner, "Huisbezoek", format=Offer.Format.HOME_VISIT, service_area="leuven"
    )
    factories.make_offer(partner, "Bel ons", format=Offer.Format.PHONE, service_area="leuven")
    buurt = factories.make_offer(
        partner, "Buurtwerk", service_area="areas", service_postcodes=["3001", "3010"]
    )
    factories.make_offer_location(buurt, factories.make_location("Buurthuis", postcode="3001"))

    html = client.get(URL, {"gemeente": "3010"}).text

    assert "Aan huis, in heel Leuven" in html
    assert "Telefonisch, in heel Leuven" in html
    assert "In Heverlee en Kessel-Lo</li>" in html


@pytest.mark.parametrize(
    ("expecting", "low", "high", "text"),
    [
        (False, 0, 36, "0 tot 3 jaar"),
        (False, 18, 72, "18 maanden tot 6 jaar"),
        (False, 6, 18, "6 tot 18 maanden"),
        (False, 0, 288, "alle leeftijden"),
        (False, 0, 143, "0 tot 12 jaar"),
        (False, 12, 12, "1 jaar"),
        (False, 1, 1, "1 maand"),
        (True, 0, 0, "zwangerschap"),
        (True, 0, 12, "zwangerschap tot 1 jaar"),
    ],
)
def test_the_age_range_is_written_in_words(expecting, low, high, text):
    offer = Offer(for_expecting=expecting, age_min_months=low, age_max_months=high)

    assert offer.audience_display == text


def test_the_list_takes_a_fixed_number_of_queries(
    client, many_offers, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(URL)
    assert len(titles(response)) == 20


def test_a_filtered_search_takes_a_fixed_number_of_queries(
    client, many_offers, django_assert_max_num_queries
):
    params = {
        "q": "Spelnamiddag",
        "pijler": ["groepsaanbod", "spel-en-ontmoeting"],
        "thema": "opvoeding",
        "voor": ["0-3", "3-6"],
        "gemeente": "3000",
        "plek": "huis-leuven",
        "kosten": ["gratis", "sociaal"],
        "zonder_inschrijving": "on",
        "taal": "nl",
        "vorm": "in_person",
        "sorteer": "eerstvolgend",
    }
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(URL, params)
    assert len(titles(response)) == 20
    with django_assert_max_num_queries(MAX_QUERIES):
        assert len(titles(client.get(URL, {**params, "afdrukken": "1"}))) == 25


def test_a_search_with_a_typo_takes_a_fixed_number_of_queries(
    client, many_offers, django_assert_max_num_queries
):
    # On PostgreSQL a typo costs the search extra queries for its similarity fallback.
    params = {"q": "Spelnamidag", "plek": "huis-leuven", "thema": "opvoeding", "taal": "nl"}
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(URL, params)
    assert response.status_code == 200


def test_the_filter_choices_come_in_a_useful_order(client, many_offers):
    Theme.objects.create(name="Afscheid", slug="afscheid")
    Language.objects.create(code="ar", name="Arabisch", native_name="العربية")

    form = client.get(URL).context["form"]

    # The pillars in their fixed order, by their names for parents.
    pillars = list(Pillar.objects.order_by("order").values_list("slug", "plain_name"))
    assert list(form.fields["pijler"].choices) == pillars
    assert list(form.fields["thema"].choices) == [
        ("afscheid", "Afscheid"),
        ("opvoeding", "Opvoeding"),
    ]
    assert list(form.fields["taal"].choices) == [
        ("", "Alle talen"),
        ("ar", "Arabisch (العربية)"),
        ("fr", "Frans"),
        ("nl", "Nederlands"),
    ]


def test_the_results_have_a_map_of_their_places_with_the_offers_there(client, partner):
    huis = factories.make_location(
        "Huis Kessel-Lo", postcode="3010", latitude=Decimal("50.8891"), longitude=Decimal("4.7223")
    )
    for title in ("Babbelbox", "Kleuterklets"):
        factories.make_offer_location(factories.make_offer(partner, title), huis)
    factories.make_offer_location(factories.make_offer(partner, "Elders"))  # no coordinates

    html = client.get(URL).text

    found = re.search(r'<script id="map-markers" type="application/json">(.*?)</script>', html)
    markers = json.loads(found.group(1))
    assert [(m["name"], [o["title"] for o in m["offers"]]) for m in markers] == [
        ("Huis Kessel-Lo", ["Babbelbox", "Kleuterklets"])
    ]
    assert "data-map" not in client.get(URL, {"afdrukken": "1"}).text
