"""The places: the Huizen van het Kind first, then the others, and a page per place."""

import json
import re
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from aanbod.models import Location, Offer, ScheduleSlot, Weekday
from partners.models import Partner
from tests import factories

pytestmark = pytest.mark.django_db

LIST_MAX_QUERIES = 3
DETAIL_MAX_QUERIES = 5
LIST_URL = reverse("aanbod:location_list")


def heading_levels(html):
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def assert_headings_in_order(html):
    levels = heading_levels(html)
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


@pytest.fixture
def huis(partner):
    return factories.make_location(
        "Huis van het Kind Kessel-Lo",
        kind=Location.Kind.HUIS_VAN_HET_KIND,
        owner=partner,
        street="Stationsstraat 1",
        postcode="3010",
        latitude=Decimal("50.889100"),
        longitude=Decimal("4.722300"),
        wheelchair=Location.Wheelchair.YES,
        accessibility_notes="Lift naar de eerste verdieping.",
        public_transport="Bus 2 en 3, halte Kessel-Lo Station.",
        opening_hours="maandag tot vrijdag 9–12 uur",
        phone="016 12 34 56",
        email="kessel-lo@example.org",
    )


@pytest.fixture
def sporthal(db):
    return factories.make_location(
        "Atelier Wilsele", kind=Location.Kind.OTHER, street="Kerkstraat 5", postcode="3012"
    )


def test_it_lists_the_huizen_van_het_kind_first(client, huis, sporthal):
    factories.make_location("Aaa partnerplek", kind=Location.Kind.PARTNER_SITE)

    html = client.get(LIST_URL).text

    assert html.index("Huis van het Kind Kessel-Lo") < html.index("Aaa partnerplek")
    assert html.index("Aaa partnerplek") < html.index("Atelier Wilsele")
    assert "Andere plekken" in html


def test_it_shows_how_to_get_there_and_whether_it_is_accessible(client, huis):
    html = client.get(LIST_URL).text

    assert "Stationsstraat 1, 3010 Kessel-Lo" in html
    assert "maandag tot vrijdag 9–12 uur" in html
    assert "Rolstoeltoegankelijkheid: rolstoeltoegankelijk" in html
    assert "Lift naar de eerste verdieping." in html
    assert "Bus 2 en 3, halte Kessel-Lo Station." in html
    assert 'href="tel:016123456"' in html
    assert 'href="mailto:kessel-lo@example.org"' in html


def test_the_route_link_goes_to_openstreetmap_coordinates(client, huis):
    html = client.get(LIST_URL).text

    assert 'href="https://www.openstreetmap.org/directions?to=50.889100%2C4.722300"' in html
    assert "Route naar Huis van het Kind Kessel-Lo op OpenStreetMap" in html


def test_without_coordinates_the_route_link_searches_the_address(client, sporthal):
    html = client.get(LIST_URL).text

    assert 'href="https://www.openstreetmap.org/search?query=Kerkstraat+5%2C+3012+Wilsele"' in html


def test_the_pages_make_no_third_party_requests(client, huis):
    for url in (LIST_URL, huis.get_absolute_url()):
        html = client.get(url).text
        assert not re.search(r"<(script|img|iframe|link)[^>]+(src|href)=\"(https?:)?//", html)


def test_the_list_counts_only_published_offers(client, partner, huis):
    for status in (Offer.Status.PUBLISHED, Offer.Status.PUBLISHED, Offer.Status.DRAFT):
        factories.make_offer_location(factories.make_offer(partner, status=status), huis)

    html = client.get(LIST_URL).text

    assert "Aanbod in Huis van het Kind Kessel-Lo (2)" in html


def test_a_place_without_offers_links_to_more_about_it(client, sporthal):
    assert "Meer over Atelier Wilsele" in client.get(LIST_URL).text


def test_the_list_has_headings_in_order(client, huis, sporthal):
    assert_headings_in_order(client.get(LIST_URL).text)


def test_the_list_needs_the_same_number_of_queries_for_many_places(
    client, django_assert_max_num_queries, partner
):
    for number in range(20):
        place = factories.make_location(f"Plek nummer {number}", owner=partner)
        factories.make_offer_location(factories.make_offer(partner), place)

    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        response = client.get(LIST_URL)

    assert response.text.count("Plek nummer") >= 20


def test_an_unknown_place_is_not_found(client):
    assert client.get(reverse("aanbod:location_detail", args=["nergens"])).status_code == 404


def test_the_place_page_shows_its_details_and_who_manages_it(client, huis, partner):
    html = client.get(huis.get_absolute_url()).text

    assert "<h1>Huis van het Kind Kessel-Lo</h1>" in html
    assert "Kessel-Lo" in html
    assert "Lift naar de eerste verdieping." in html
    assert f'<a href="/partners/{partner.slug}/">Gezinsbond vzw</a>' in html
    assert 'href="https://www.openstreetmap.org/directions?to=50.889100%2C4.722300"' in html
    assert_headings_in_order(html)


def test_a_former_partner_is_named_but_not_linked(client, huis, partner):
    Partner.objects.filter(pk=partner.pk).update(status=Partner.Status.FORMER)

    html = client.get(huis.get_absolute_url()).text

    assert "Gezinsbond vzw" in html
    assert f'href="/partners/{partner.slug}/"' not in html


def test_the_place_page_lists_published_offers_there_with_their_schedule(client, partner, huis):
    speel = factories.make_offer(partner, "Spelotheek")
    offer_location = factories.make_offer_location(speel, huis, schedule="Niet in juli.")
    ScheduleSlot.objects.create(
        offer_location=offer_location,
        weekday=Weekday.WEDNESDAY,
        start_time=time(14),
        end_time=time(17),
    )
    factories.make_offer_location(
        factories.make_offer(partner, "Nog in opmaak", status=Offer.Status.DRAFT), huis
    )
    factories.make_offer_location(factories.make_offer(partner, "Ergens anders"))

    html = client.get(huis.get_absolute_url()).text

    assert '<a href="/aanbod/spelotheek/">Spelotheek</a>' in html
    assert "Niet in juli." in html
    assert "Woensdag" in html and "14:00" in html
    assert "Nog in opmaak" not in html
    assert "Ergens anders" not in html


def test_the_place_page_lists_upcoming_activities_there_only(client, partner, huis, sporthal):
    offer = factories.make_offer(partner, "Babbelcafé", slug="babbelcafe")
    factories.make_activity(offer, location=huis, title="Babbelcafé in Kessel-Lo")
    factories.make_activity(offer, location=huis, title="Afgelopen", starts_in=timedelta(days=-3))
    factories.make_activity(offer, location=sporthal, title="Babbelcafé in Wilsele")
    factories.make_activity(offer, location=huis, title="Afgelast babbelen", is_cancelled=True)
    hidden = factories.make_offer(partner, "Verborgen", status=Offer.Status.DRAFT)
    factories.make_activity(hidden, location=huis, title="Geheime sessie")

    html = client.get(huis.get_absolute_url()).text

    assert "Babbelcafé in Kessel-Lo" in html
    assert "<s><a" in html and "Afgelast babbelen" in html
    assert "Babbelcafé in Wilsele" not in html
    assert "Afgelopen" not in html
    assert "Geheime sessie" not in html
    assert f'href="/agenda/?plek={huis.slug}"' in html


def test_the_place_page_needs_the_same_number_of_queries_for_many_offers(
    client, django_assert_max_num_queries, partner, huis
):
    for number in range(15):
        offer = factories.make_offer(partner, f"Aanbod nummer {number}")
        offer_location = factories.make_offer_location(offer, huis)
        ScheduleSlot.objects.create(
            offer_location=offer_location,
            weekday=Weekday.MONDAY,
            start_time=time(9),
            end_time=time(12),
        )
        factories.make_activity(offer, location=huis)

    with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
        response = client.get(huis.get_absolute_url())

    assert response.text.count("Aanbod nummer") >= 15


def map_markers(html):
    """The markers the page hands to static/js/map.js, and whether its map starts hidden."""
    found = re.search(r'<script id="map-markers" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1)) if found else None


def test_the_list_has_a_hidden_map_of_the_places_with_coordinates(client, huis, sporthal):
    html = client.get(LIST_URL).text
    assert map_markers(html) == [
        {
            "name": "Huis van het Kind Kessel-Lo",
            "address": "Stationsstraat 1, 3010 Kessel-Lo",
            "lat": 50.8891,
            "lng": 4.7223,
            "url": huis.get_absolute_url(),
            "offers": [],
        }
    ]
    # Hidden without JavaScript; the script shows the choice, and asks for tiles only after it.
    assert re.search(r'<div class="place-map no-print" data-map hidden role="region"', html)
    assert 'data-tile-url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in html
    assert "tile.openstreetmap.org. Die website ziet dan je IP-adres." in html


def test_without_coordinates_there_is_no_map(client, sporthal):
    html = client.get(LIST_URL).text
    assert map_markers(html) is None
    assert "data-map" not in html
    assert "js/map.js" not in html


def test_the_map_names_the_configured_tile_host(client, huis, settings):
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MAP_TILE_ORIGIN = "https://tiles.example.org"
    html = client.get(LIST_URL).text
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in html
    assert "De kaart laadt kaarttegels van tiles.example.org." in html


def test_a_place_name_cannot_break_out_of_the_markers(client, db):
    factories.make_location(
        "</script><script>alert(1)</script>",
        slug="kwaad",
        latitude=Decimal("50.88"),
        longitude=Decimal("4.70"),
    )
    html = client.get(LIST_URL).text
    assert "<script>alert(1)" not in html
    assert map_markers(html)[0]["name"] == "</script><script>alert(1)</script>"
