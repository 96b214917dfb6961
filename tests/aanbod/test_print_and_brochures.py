"""The printed list (?afdrukken=1) and the brochures (/brochures/): what a card on paper says,
addresses without empty parameters, which offers a brochure holds, its QR codes, its language,
bad addresses and the number of queries."""

import re
from datetime import timedelta

import pytest
import segno
from django.urls import reverse
from django.utils import translation

from aanbod.models import Offer, OfferTranslation, Pillar
from aanbod.templatetags.printing import one_line
from aanbod.views.catalogue import without_empty_values
from tests import factories

pytestmark = pytest.mark.django_db

LIST = reverse("aanbod:offer_list")
BROCHURES = reverse("aanbod:brochure_list")
MAX_QUERIES = 10


def place_brochure(location):
    return reverse("aanbod:place_brochure", args=[location.slug])


def pillar_brochure(slug):
    return reverse("aanbod:pillar_brochure", args=[slug])


@pytest.fixture
def huis():
    return factories.make_location(
        "Huis van het Kind Kessel-Lo",
        slug="huis-kessel-lo",
        kind="huis",
        street="Stationsstraat 22",
        postcode="3010",
        opening_hours="Maandag: 9 tot 12 uur\nWoensdag: 13 tot 17 uur",
        phone="016 24 00 00",
    )


@pytest.fixture
def full_offer(partner, huis):
    """An offer with everything a card shows: a place with weekly times and one with only
    opening hours, activities, cost details and every way to get in touch."""
    offer = factories.make_offer(
        partner,
        "Babymassage",
        pillars=("groepsaanbod",),
        age_min_months=1,
        age_max_months=9,
        cost=Offer.Cost.SOCIAL,
        cost_details="€ 5 voor de reeks",
        registration=Offer.Registration.REQUIRED,
        contact_name="An Peeters",
        contact_phone="016 11 22 33",
        contact_email="babymassage@example.org",
        website="https://example.org/babymassage",
    )
    with_times = factories.make_offer_location(offer, huis, schedule="Niet in de schoolvakanties")
    with_times.slots.create(weekday=5, start_time="10:00", end_time="11:00")
    other = factories.make_location(
        "Buurthuis Heverlee",
        street="Naamsesteenweg 5",
        postcode="3001",
        opening_hours="Dinsdag: 13 tot 16 uur",
    )
    factories.make_offer_location(offer, other)
    for days in (1, 8, 15, 22):
        factories.make_activity(offer, starts_in=timedelta(days=days), location=huis)
    factories.make_activity(offer, starts_in=timedelta(hours=12), is_cancelled=True)
    return offer


def main_text(response):
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


# The query string


def test_empty_parameters_are_left_out_and_the_rest_kept_in_order():
    from django.http import QueryDict

    params = QueryDict("q=&pijler=groepsaanbod&dag=&pijler=&pijler=consultatie&vorm=+&leeftijd=2")

    assert without_empty_values(params).urlencode() == (
        "pijler=groepsaanbod&pijler=consultatie&leeftijd=2"
    )
    assert without_empty_values(QueryDict("q=&dag=")).urlencode() == ""


def test_the_printed_address_and_the_links_of_a_filled_in_form_have_no_empty_parameters(
    client, partner
):
    factories.make_offer(partner, "Spelnamiddag", pillars=("groepsaanbod",))
    sent = {"q": "", "pijler": "groepsaanbod", "leeftijd": "", "dag": "", "vorm": ""}

    printed = main_text(client.get(LIST, {**sent, "afdrukken": "1"}))
    listed = main_text(client.get(LIST, sent))

    assert "Afgedrukt van http://testserver/aanbod/?pijler=groepsaanbod\n" in printed
    assert 'href="?pijler=groepsaanbod">Terug naar de lijst' in printed
    assert 'href="?pijler=groepsaanbod&amp;afdrukken=1"' in listed
    for html in (printed, listed):
        assert not re.search(r"[?&](q|leeftijd|dag|vorm)=(&|&amp;|\"|$)", html)


# The printed list


def test_a_printed_card_gives_the_address_and_times_of_every_place(client, full_offer):
    html = main_text(client.get(LIST, {"afdrukken": "1"}))

    assert html.count('class="offer-print-card"') == 1
    # The offer's own times where it has them, else the place's opening hours, on one line.
    assert (
        "<strong>Huis van het Kind Kessel-Lo</strong>, Stationsstraat 22, 3010 Kessel-Lo"
        " · Niet in de schoolvakanties; Vrijdag 10:00–11:00</li>"
    ) in html
    assert (
        "<strong>Buurthuis Heverlee</strong>, Naamsesteenweg 5, 3001 Heverlee"
        " · Openingsuren: Dinsdag: 13 tot 16 uur</li>"
    ) in html
    # The facts as the catalogue's chips, with how to take part and the cost's details.
    chips = re.findall(r'<li class="fact-chip[^"]*">(.*?)</li>', html, re.S)
    assert [re.sub(r"<[^>]+>", "", chip).strip() for chip in chips] == [
        "Voor wie: 1 tot 9 maanden",
        "Kosten: Sociaal tarief",
        "Deelnemen: Inschrijven nodig",
    ]
    assert "Kosten: <span>€ 5 voor de reeks</span>" in html
    assert "016 11 22 33" in html and "babymassage@example.org" in html
    assert f"http://testserver{full_offer.get_absolute_url()}" in html
    assert "Volgende activiteit:" in html


def test_the_printed_list_takes_as_many_queries_for_many_offers_as_for_one(
    client, partner, huis, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            offer = factories.make_offer(partner)
            place = factories.make_offer_location(offer, huis)
            place.slots.create(weekday=2, start_time="09:00", end_time="12:00")
            factories.make_activity(offer)

    add(1)
    with django_assert_max_num_queries(MAX_QUERIES) as one:
        client.get(LIST, {"afdrukken": "1"})
    add(30)
    with django_assert_max_num_queries(MAX_QUERIES) as many:
        response = client.get(LIST, {"afdrukken": "1"})

    assert main_text(response).count('class="offer-print-card"') == 31
    assert len(many.captured_queries) == len(one.captured_queries)


def test_lines_of_opening_hours_are_joined_on_one():
    assert one_line("Maandag: 9 tot 12 uur\r\n\n  Dinsdag: 13 tot 17 uur;\n") == (
        "Maandag: 9 tot 12 uur; Dinsdag: 13 tot 17 uur"
    )


# Brochures


def test_the_brochure_list_offers_each_place_and_pillar_with_published_offers(
    client, partner, huis, full_offer
):
    empty = factories.make_location("Lege plek")
    draft = factories.make_offer(partner, "Geheim", pillars=("consultatie",), status="draft")
    factories.make_offer_location(draft, empty)

    html = main_text(client.get(BROCHURES))

    assert f'href="{place_brochure(huis)}">Huis van het Kind Kessel-Lo</a> · Aanbod: 1' in html
    assert f'href="{pillar_brochure("groepsaanbod")}">' in html
    assert "Buurthuis Heverlee</a> (Heverlee) · Aanbod: 1" in html
    # No brochure of nothing: not of a place or pillar with only a draft.
    assert "Lege plek" not in html
    assert pillar_brochure("consultatie") not in html


def test_a_place_brochure_has_a_cover_contents_and_a_card_per_published_offer(
    client, partner, other_partner, huis, full_offer
):
    second = factories.make_offer(other_partner, "Anderstalige ouders", pillars=("consultatie",))
    factories.make_offer_location(second, huis)
    factories.make_offer_location(factories.make_offer(partner, "Elders"))
    for status in ("draft", "archived"):
        factories.make_offer_location(
            factories.make_offer(partner, f"Niet publiek {status}", status=status), huis
        )

    response = client.get(place_brochure(huis))
    html = main_text(response)

    cover = html[html.index('class="brochure-cover"') : html.index('class="brochure-contents"')]
    assert "Huis van het Kind Kessel-Lo" in cover
    assert "Stationsstraat 22, 3010 Kessel-Lo" in cover
    assert "Maandag: 9 tot 12 uur" in cover
    assert "Aanbod: 2" in cover
    assert re.search(r"Afgedrukt op \d{1,2} [a-z]+ 20\d\d", cover)
    contents = html[html.index('class="brochure-contents"') : html.index('class="brochure-offers"')]
    assert re.findall(r'<li><a href="#aanbod-([\w-]+)">', contents) == [
        "anderstalige-ouders",
        "babymassage",
    ]
    cards = re.findall(r'<article class="offer-print-card" id="aanbod-([\w-]+)"', html)
    assert cards == ["anderstalige-ouders", "babymassage"]
    assert "Niet publiek" not in html and "Elders" not in html
    assert '<span class="offer-print-number">2.</span> Babymassage' in html


def test_a_brochure_card_gives_address_times_cost_contact_and_the_next_activities(
    client, huis, full_offer
):
    html = main_text(client.get(place_brochure(huis)))

    assert "Stationsstraat 22, 3010 Kessel-Lo · Niet in de schoolvakanties; Vrijdag" in html
    assert "Openingsuren: Dinsdag: 13 tot 16 uur" in html
    assert "Sociaal tarief</li>" in html and "Kosten: <span>€ 5 voor de reeks</span>" in html
    assert "An Peeters" in html and "016 11 22 33" in html
    assert "babymassage@example.org" in html and "https://example.org/babymassage" in html
    # The next three activities that take place; the cancelled one is left out.
    activities = re.search(r"Volgende activiteiten:</strong>(.*?)</p>", html, re.S).group(1)
    assert activities.count("<time") == 3


def test_a_qr_code_leads_to_the_offer_page_on_the_public_site(client, settings, huis, full_offer):
    settings.SITE_URL = "https://www.huisvanhetkindleuven.be"
    html = main_text(client.get(place_brochure(huis)))

    address = f"https://www.huisvanhetkindleuven.be{full_offer.get_absolute_url()}"
    svg = re.search(r"<svg .*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title>QR-code naar de pagina van ‘Babymassage’</title>" in svg
    # The symbol drawn is segno's encoding of that address (its size is the QR version's).
    size = segno.make(address, error="m").symbol_size()[0] * 3
    assert f'width="{size}"' in svg
    assert f'<p class="offer-print-url">{address}</p>' in html


def test_a_pillar_brochure_holds_the_published_offers_of_that_pillar(client, partner):
    factories.make_offer(partner, "Oudergroep", pillars=("groepsaanbod", "opvoedadvies"))
    factories.make_offer(partner, "Consult", pillars=("consultatie",))
    factories.make_offer(partner, "Concept", pillars=("groepsaanbod",), status="draft")

    html = main_text(client.get(pillar_brochure("groepsaanbod")))

    assert re.findall(r'id="aanbod-([\w-]+)"', html) == ["oudergroep"]
    pillar = Pillar.objects.get(slug="groepsaanbod")
    assert pillar.name in html
    if pillar.description:
        assert pillar.description in html


def test_a_brochure_without_offers_says_so(client, huis):
    html = main_text(client.get(place_brochure(huis)))

    assert "Hier staat nog geen aanbod." in html
    assert "brochure-contents" not in html


@pytest.mark.parametrize(
    "path",
    [
        "/brochures/plek/bestaat-niet/",
        "/brochures/pijler/bestaat-niet/",
        "/brochures/plek/%C3%A9%C3%A9n/",
        "/brochures/pijler/../",
    ],
)
def test_an_unknown_place_or_pillar_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_brochure_speaks_the_language_of_its_address(client, huis, full_offer):
    with translation.override("fr"):
        url = place_brochure(huis)
    html = main_text(client.get(url))

    assert url.startswith("/fr/")
    assert "Imprimé le" in html and "Sommaire" in html
    assert re.search(r"Imprimé le \d{1,2} [a-zéû]+ 20\d\d", html)
    # The QR code leads to the French page too.
    assert f"/fr/aanbod/{full_offer.slug}/</p>" in html


def test_printed_cards_show_an_offer_in_the_language_of_the_page_where_it_is_translated(
    client, partner, huis, full_offer
):
    other = factories.make_offer(partner, "Spelotheek")
    factories.make_offer_location(other, huis)
    OfferTranslation.objects.create(
        offer=full_offer, language="fr", title="Massage pour bébés", summary="Toucher et jouer."
    )
    with translation.override("fr"):
        urls = [place_brochure(huis), reverse("aanbod:offer_list") + "?afdrukken=1"]

    for url in urls:
        html = main_text(client.get(url))
        titles = dict(
            re.findall(r'<a href="/fr/aanbod/([^/"]+)/"([^>]*)>(?:<span[^>]*>\d+\.</span> )?', html)
        )
        assert "Massage pour bébés</a>" in html and "Toucher et jouer." in html
        assert titles[full_offer.slug] == ""
        # Not translated: the Dutch, marked as Dutch for screen readers and translators.
        assert titles[other.slug] == ' lang="nl"'
        assert f"{other.title}</a>" in html


def test_a_brochure_takes_as_many_queries_for_many_offers_as_for_one(
    client, partner, huis, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            offer = factories.make_offer(partner, pillars=("groepsaanbod",))
            for location in (huis, factories.make_location()):
                place = factories.make_offer_location(offer, location)
                place.slots.create(weekday=3, start_time="14:00", end_time="16:00")
            for days in (1, 2, 3, 4):
                factories.make_activity(offer, starts_in=timedelta(days=days), location=huis)

    add(1)
    counts = {}
    for name, url in (("place", place_brochure(huis)), ("pillar", pillar_brochure("groepsaanbod"))):
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            client.get(url)
        counts[name] = len(captured.captured_queries)
    add(25)
    for name, url in (("place", place_brochure(huis)), ("pillar", pillar_brochure("groepsaanbod"))):
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            response = client.get(url)
        assert main_text(response).count('class="offer-print-card"') == 26
        assert len(captured.captured_queries) == counts[name], name
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(BROCHURES).status_code == 200


def test_a_long_brochure_stops_at_its_limit_and_says_so(client, partner, huis, monkeypatch):
    monkeypatch.setattr("aanbod.views.brochures.BROCHURE_MAX_OFFERS", 3)
    for number in range(4):
        factories.make_offer_location(factories.make_offer(partner, f"Aanbod {number}"), huis)

    html = main_text(client.get(place_brochure(huis)))

    assert html.count('class="offer-print-card"') == 3
    assert "Deze brochure bevat alleen de eerste 3." in html


def test_the_brochures_are_linked_where_a_referrer_looks(client, huis, full_offer):
    assert f'href="{place_brochure(huis)}"' in main_text(client.get(huis.get_absolute_url()))
    assert f'href="{BROCHURES}"' in main_text(client.get(reverse("aanbod:location_list")))
    one_pillar = main_text(client.get(LIST, {"pijler": "groepsaanbod"}))
    assert f'href="{pillar_brochure("groepsaanbod")}">Brochure van deze pijler' in one_pillar
    two_pillars = main_text(client.get(LIST, {"pijler": ["groepsaanbod", "consultatie"]}))
    assert f'href="{BROCHURES}">Brochures' in two_pillars
