"""Printing as a referrer does, in Chromium on A4 (page.pdf): the printed list starts with its
offers on the first page and fits five or more to a page with address and times, an offer's
page fits one sheet, the printed address has no empty parameters; and a brochure prints as a
booklet with its cover alone on the first page. The brochure pages pass axe, fit a phone and
work without JavaScript."""

import re
from datetime import timedelta

import pytest

from aanbod.models import Language, Offer
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll

HUIS = "/plekken/huis-van-het-kind-kessel-lo/"
BROCHURE = "/brochures/plek/huis-van-het-kind-kessel-lo/"


def pdf_pages(page):
    """The number of A4 pages Chromium prints the page on."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", page.pdf(format="A4")))


@pytest.fixture
def places(db):
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo",
        kind="huis",
        street="Stationsstraat 22",
        postcode="3010",
        phone="016 24 00 00",
        email="kessel-lo@huisvanhetkind.test",
        opening_hours="Maandag: 9 tot 12 uur en 13.30 tot 17 uur\nDinsdag: 13 tot 17 uur\n"
        "Woensdag: 9 tot 12 uur\nDonderdag: 9 tot 12 uur en 16 tot 19 uur\nVrijdag: 9 tot 12 uur",
        wheelchair="yes",
        accessibility_notes="Alles op de benedenverdieping. Aangepast toilet.",
        public_transport="Bus 2, halte Stationsplein (200 m).\nBus 7, halte Kessel-Lo Station.",
    )
    buurthuis = factories.make_location(
        "Buurthuis De Linde",
        street="Naamsesteenweg 115",
        postcode="3001",
        opening_hours="Dinsdag en donderdag: 10 tot 16 uur",
    )
    return huis, buurthuis


def make_offers(places, count, *, pillar="groepsaanbod"):
    """Offers as the partners write them: two sentences, a cost with details, one or two places
    with weekly times, a few activities and every way to get in touch."""
    huis, buurthuis = places
    provider = factories.make_partner(f"Gezinscentrum {pillar} vzw")
    dutch = Language.objects.get_or_create(code="nl", defaults={"name": "Nederlands"})[0]
    english = Language.objects.get_or_create(code="en", defaults={"name": "Engels"})[0]
    made = []
    for number in range(count):
        offer = factories.make_offer(
            provider,
            f"Oudergroep {pillar} {number:02d}",
            pillars=(pillar,),
            summary="Praat met andere ouders over slapen, eten en huilen. Elke keer is er een "
            "begeleider die je vragen beantwoordt.",
            description="Voor ouders van baby's tot 1 jaar. Je baby mag mee.\n\nKoffie en thee "
            "staan klaar. Een tolk kan, vraag het bij je inschrijving.",
            age_min_months=0,
            age_max_months=12,
            for_expecting=number % 2 == 0,
            cost=Offer.Cost.SOCIAL,
            cost_details="€ 5 per keer, € 1 met sociaal tarief",
            registration=Offer.Registration.REQUIRED,
            registration_details="Bel of mail ons, of schrijf je in via de website.",
            contact_name="An Peeters",
            contact_phone="016 11 22 33",
            contact_email="oudergroep@example.org",
            website="https://example.org/oudergroep",
        )
        offer.languages.add(dutch, english)
        at_huis = factories.make_offer_location(offer, huis, schedule="Niet in de schoolvakanties")
        at_huis.slots.create(weekday=2, start_time="09:30", end_time="11:30")
        if number % 3 == 0:
            factories.make_offer_location(offer, buurthuis)
        for days in (3, 10, 17):
            factories.make_activity(offer, starts_in=timedelta(days=days + number), location=huis)
        made.append(offer)
    return made


# The printed list and an offer's page


def test_a_short_printed_list_starts_with_its_offers_on_the_first_page(page, places):
    make_offers(places, 3)
    for path in ("/aanbod/?afdrukken=1", "/aanbod/"):
        page.goto(path)
        assert pdf_pages(page) == 1, f"{path} does not print on one page"


def test_the_printed_list_fits_five_offers_or_more_on_a_page_with_address_and_times(page, places):
    make_offers(places, 30)
    page.goto("/aanbod/?afdrukken=1")
    pages = pdf_pages(page)
    assert pages <= 6, f"30 offers took {pages} pages"

    page.emulate_media(media="print")
    card = page.locator(".offer-print-card").first
    assert page.locator(".offer-print-card").count() == 30
    assert card.get_by_text("Stationsstraat 22, 3010 Kessel-Lo").is_visible()
    assert card.get_by_text("Dinsdag 09:30–11:30").is_visible()
    assert card.get_by_text("Openingsuren: Dinsdag en donderdag: 10 tot 16 uur").is_visible()
    assert card.get_by_role("link", name="016 11 22 33").is_visible()
    assert (
        page.eval_on_selector(".offer-print-card", "card => getComputedStyle(card).breakInside")
        == "avoid"
    )


def test_a_typical_offer_page_prints_on_one_sheet(page, places):
    offer = make_offers(places, 1)[0]
    page.goto(f"/aanbod/{offer.slug}/")
    assert page.get_by_role("heading", name="Waar en wanneer").is_visible()
    assert page.locator(".activity-list li").count() == 3
    assert pdf_pages(page) == 1


def test_the_printed_address_has_no_empty_parameters(page, places, live_server):
    make_offers(places, 2)
    page.goto("/aanbod/?q=&pijler=groepsaanbod&leeftijd=&dag=&vorm=&afdrukken=1")
    page.emulate_media(media="print")
    printed = page.locator(".print-intro").inner_text()
    assert f"Afgedrukt van {live_server.url}/aanbod/?pijler=groepsaanbod ·" in printed
    assert "=&" not in printed and not printed.rstrip().endswith("=")


def test_the_printed_list_fits_a_phone(phone_page, places):
    make_offers(places, 3)
    phone_page.goto("/aanbod/?afdrukken=1")
    assert phone_page.locator(".offer-print-card").count() == 3
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


# Brochures


def test_a_brochure_prints_with_its_cover_alone_on_the_first_page(page, places):
    make_offers(places, 1)
    page.goto(BROCHURE)
    # The cover, the contents, the card: each on a page of its own.
    assert pdf_pages(page) == 3
    page.emulate_media(media="print")
    assert page.eval_on_selector(".brochure-cover", "e => getComputedStyle(e).breakAfter") == (
        "page"
    )
    assert not page.get_by_role("button", name="Afdrukken").is_visible()


def test_a_long_brochure_prints_a_card_per_offer_none_split(page, places):
    make_offers(places, 12)
    page.goto(BROCHURE)
    assert page.locator(".brochure-contents li").count() == 12
    assert page.locator(".offer-print-card svg.qr-code").count() == 12
    pages = pdf_pages(page)
    # Cover and contents, then the twelve cards with their QR codes, four or more a page.
    assert 3 < pages <= 2 + 3, f"12 cards took {pages - 2} pages"
    page.emulate_media(media="print")
    for selector in (".offer-print-card", ".brochure-contents li"):
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).breakInside") == "avoid"


def test_a_pillar_brochure_prints_in_french(new_page, places):
    make_offers(places, 2, pillar="opvoedadvies")
    page = new_page(locale="fr-BE")
    page.goto("/fr/brochures/pijler/opvoedadvies/")
    cover = page.locator(".brochure-cover").inner_text()
    assert "Offre pour les familles" in cover and "Imprimé le" in cover
    assert "Laagdrempelig opvoedadvies" in cover
    assert pdf_pages(page) == 3


def test_the_brochure_pages_pass_axe_and_fit_a_phone(page, phone_page, places):
    make_offers(places, 4)
    for browser_page in (page, phone_page):
        for path in ("/brochures/", BROCHURE, "/brochures/pijler/groepsaanbod/"):
            browser_page.goto(path)
            assert browser_page.get_by_role("heading", level=1).is_visible()
            assert_no_horizontal_scroll(browser_page)
            assert_accessible(browser_page)
    page.goto(BROCHURE)
    assert page.get_by_role("button", name="Afdrukken").is_visible()
    assert page.get_by_role("img", name="QR-code naar de pagina van ‘Oudergroep").count() == 4


def test_a_referrer_finds_a_brochure_without_javascript(no_js_page, places):
    offers = make_offers(places, 2)
    no_js_page.goto(HUIS)
    no_js_page.get_by_role("link", name="Brochure van het aanbod in Huis van het Kind").click()
    no_js_page.wait_for_url(f"**{BROCHURE}")
    assert no_js_page.get_by_text("Aanbod: 2").is_visible()
    assert not no_js_page.get_by_role("button", name="Afdrukken").is_visible()
    assert no_js_page.get_by_text("Ctrl+P").is_visible()
    no_js_page.get_by_role("link", name=offers[1].title).first.click()
    assert no_js_page.locator(f"#aanbod-{offers[1].slug}").is_visible()
    no_js_page.get_by_role("link", name="Alle brochures").click()
    no_js_page.wait_for_url("**/brochures/")
    no_js_page.get_by_role("link", name="Infoavonden, workshops en oudergroepen").click()
    no_js_page.wait_for_url("**/brochures/pijler/groepsaanbod/")
    assert no_js_page.locator(".offer-print-card").count() == 2
