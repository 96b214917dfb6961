"""An offer's public page."""

import json
import re
from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Language, Location, Offer, ScheduleSlot, Theme, Weekday
from aanbod.views.catalogue import needs_review_notice
from tests import factories

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def offer(partner, other_partner):
    offer = factories.make_offer(
        partner,
        "Babbelbox",
        pillars=("spel-en-ontmoeting",),
        summary="Samen spelen met je peuter en andere ouders ontmoeten.",
        description="Kom gerust binnen.\nKoffie staat klaar.\n\nOok voor grootouders.",
        age_min_months=18,
        age_max_months=72,
        cost=Offer.Cost.SOCIAL,
        cost_details="€ 2 per keer, € 0,50 met sociaal tarief",
        registration=Offer.Registration.REQUIRED,
        registration_details="Bel ons of mail ons je naam.",
        contact_name="An Peeters",
        contact_email="babbelbox@example.org",
        contact_phone="016 12 34 56",
        reviewed_at=timezone.now() - timedelta(days=30),
    )
    offer.co_providers.add(other_partner)
    offer.languages.add(Language.objects.create(code="ar", name="Arabisch", native_name="العربية"))
    offer.themes.add(Theme.objects.create(name="Spelen", slug="spelen"))
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo",
        street="Stationsstraat 1",
        postcode="3010",
        latitude=Decimal("50.889100"),
        longitude=Decimal("4.722300"),
        wheelchair=Location.Wheelchair.YES,
        accessibility_notes="Lift naar de eerste verdieping.",
        public_transport="Bus 2, halte Kessel-Lo Station.",
    )
    place = factories.make_offer_location(offer, huis, schedule="Niet in de schoolvakanties.")
    ScheduleSlot.objects.create(
        offer_location=place, weekday=Weekday.TUESDAY, start_time=time(9), end_time=time(11, 30)
    )
    factories.make_offer_location(
        offer, factories.make_location("Zaal De Wip", street="Kerkstraat 5", postcode="3012")
    )
    return offer


def get(client, offer):
    return client.get(offer.get_absolute_url())


def test_it_shows_what_it_is_for_whom_and_what_it_costs(client, offer):
    html = get(client, offer).text

    assert "<h1" in html and "Babbelbox" in html
    assert html.index("Samen spelen met je peuter") < html.index("Voor wie")
    assert "18 maanden tot 6 jaar" in html
    assert "€ 2 per keer, € 0,50 met sociaal tarief" in html
    assert "Bel ons of mail ons je naam." in html
    assert 'lang="ar">العربية</span>' in html


def test_it_shows_where_when_and_how_to_get_there(client, offer):
    html = get(client, offer).text

    huis_url = reverse("aanbod:location_detail", args=["huis-van-het-kind-kessel-lo"])
    assert f'<a href="{huis_url}">Huis van het Kind Kessel-Lo</a>' in html
    assert "Stationsstraat 1, 3010 Kessel-Lo" in html
    assert "Lift naar de eerste verdieping." in html
    assert "Bus 2, halte Kessel-Lo Station." in html
    assert "Niet in de schoolvakanties." in html
    assert "Dinsdag 09:00–11:30" in html


def where_and_when(html):
    start = html.index('class="where-when"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize(
    ("area", "postcodes", "text"),
    [
        ("leuven", [], "In heel Leuven"),
        ("areas", ["3012"], "In Wilsele"),
        ("areas", ["3018", "3000", "3010"], "In Leuven, Kessel-Lo en Wijgmaal"),
    ],
)
def test_where_and_when_says_for_which_families_it_is_there(client, offer, area, postcodes, text):
    offer.service_area, offer.service_postcodes = area, postcodes
    offer.save()
    assert f'<p class="mb-1">{text}</p>' in where_and_when(get(client, offer).text)


def test_an_offer_only_at_its_places_says_no_more_than_its_places(client, offer):
    assert '<p class="mb-1">In ' not in where_and_when(get(client, offer).text)


def test_directions_go_to_openstreetmap_by_coordinates_or_else_by_address(client, offer):
    html = get(client, offer).text

    assert 'href="https://www.openstreetmap.org/directions?to=50.889100%2C4.722300"' in html
    assert 'href="https://www.openstreetmap.org/search?query=Kerkstraat+5%2C+3012+Wilsele"' in html
    # Plain links, and no script or frame from elsewhere: the map's tiles wait for a choice.
    assert "<iframe" not in html
    assert not re.search(r'<script[^>]+src="(https?:)?//', html)


def test_it_links_the_provider_and_co_providers(client, offer):
    html = get(client, offer).text

    assert f'href="{reverse("partners:detail", args=["gezinsbond"])}">Gezinsbond vzw' in html
    assert f'href="{reverse("partners:detail", args=["wigwam"])}">Wigwam vzw' in html


def test_it_gives_contact_links(client, offer):
    html = get(client, offer).text

    # Through the counting redirect (tests/aanbod/test_usage_counts.py), to the offer's contact.
    assert 'href="/aanbod/babbelbox/naar/e-mail/" rel="nofollow">babbelbox@example.org' in html
    assert 'href="/aanbod/babbelbox/naar/telefoon/" rel="nofollow">016 12 34 56' in html
    assert (
        client.get("/aanbod/babbelbox/naar/e-mail/")["Location"] == "mailto:babbelbox@example.org"
    )
    assert client.get("/aanbod/babbelbox/naar/telefoon/")["Location"] == "tel:016123456"


def test_the_description_keeps_its_line_breaks_but_no_html(client, offer):
    offer.description = "<b>Welkom</b>\nKoffie staat klaar."
    offer.save()

    html = get(client, offer).text

    assert "<b>" not in html
    assert "<p>Welkom<br>\nKoffie staat klaar.</p>" in html


def test_it_lists_upcoming_activities_and_marks_cancelled_ones(client, offer):
    factories.make_activity(offer, title="Voorleesuurtje", starts_in=timedelta(days=2))
    factories.make_activity(
        offer, title="Knutselnamiddag", starts_in=timedelta(days=4), is_cancelled=True
    )
    factories.make_activity(offer, title="Voorbij", starts_in=-timedelta(days=4))

    html = get(client, offer).text

    assert "Voorleesuurtje" in html
    assert "Knutselnamiddag" in html
    assert "Afgelast" in html
    assert html.index("Voorleesuurtje") < html.index("Knutselnamiddag")
    assert "Voorbij" not in html


def test_a_recently_checked_offer_shows_the_date_without_a_notice(client, offer):
    html = get(client, offer).text

    assert "Laatst nagekeken op" in html
    assert "review-notice" not in html


def test_an_offer_checked_more_than_a_year_ago_shows_a_notice(client, offer):
    offer.reviewed_at = timezone.now() - timedelta(days=400)
    offer.save()

    html = get(client, offer).text

    assert "review-notice" in html
    assert "meer dan een jaar geleden" in html


def test_an_offer_never_checked_shows_a_notice(client, offer):
    offer.reviewed_at = None
    offer.save()

    html = get(client, offer).text

    assert "review-notice" in html
    assert "Deze informatie is nog niet nagekeken." in html


def test_the_notice_follows_the_setting(settings, offer):
    now = timezone.now()
    offer.reviewed_at = now - timedelta(days=100)

    settings.REVIEW_NOTICE_MONTHS = 3
    assert needs_review_notice(offer, now=now)
    settings.REVIEW_NOTICE_MONTHS = 4
    assert not needs_review_notice(offer, now=now)


def test_it_offers_a_link_to_share_and_to_report_a_mistake(client, offer):
    html = get(client, offer).text

    assert 'value="http://testserver/aanbod/babbelbox/"' in html
    assert '<label for="share-url"' in html
    assert 'href="mailto:?subject=Babbelbox&amp;body=' in html
    assert reverse("aanbod:report_error", args=["babbelbox"]) in html
    assert "Klopt er iets niet?" in html


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.ARCHIVED])
def test_draft_and_archived_offers_are_not_found(client, offer, status):
    offer.status = status
    offer.save()

    assert get(client, offer).status_code == 404


def test_an_unknown_offer_is_not_found(client, db):
    assert client.get(reverse("aanbod:offer_detail", args=["bestaat-niet"])).status_code == 404


def test_the_page_takes_a_fixed_number_of_queries(client, offer, django_assert_max_num_queries):
    for days in range(1, 15):
        factories.make_activity(offer, starts_in=timedelta(days=days))

    with django_assert_max_num_queries(MAX_QUERIES):
        response = get(client, offer)
    assert response.status_code == 200


def test_the_page_has_a_map_of_its_places_with_coordinates(client, offer):
    html = get(client, offer).text
    found = re.search(r'<script id="map-markers" type="application/json">(.*?)</script>', html)
    markers = json.loads(found.group(1))
    assert [(m["name"], m["lat"], m["lng"]) for m in markers] == [
        ("Huis van het Kind Kessel-Lo", 50.8891, 4.7223)
    ]
    assert 'aria-label="Kaart van de plekken van dit aanbod"' in html
