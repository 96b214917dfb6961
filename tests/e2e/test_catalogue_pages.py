"""The catalogue, an offer's page and the report form in a real browser: accessible, usable on a
phone and without JavaScript."""

from datetime import timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest

from aanbod.models import Language, Offer, Theme
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll


@pytest.fixture
def offers(db):
    provider = factories.make_partner("Gezinsbond vzw", slug="gezinsbond")
    Language.objects.create(code="nl", name="Nederlands")
    arabic = Language.objects.create(code="ar", name="Arabisch", native_name="العربية")
    Theme.objects.create(name="Slapen", slug="slapen")
    place = factories.make_location(
        "Huis van het Kind Kessel-Lo",
        postcode="3010",
        latitude=Decimal("50.889100"),
        longitude=Decimal("4.722300"),
    )
    created = []
    for number in range(23):
        offer = factories.make_offer(
            provider,
            f"Spelnamiddag {number:02d}",
            pillars=("spel-en-ontmoeting",),
            age_min_months=18,
            age_max_months=72,
            cost=Offer.Cost.SOCIAL if number % 2 else Offer.Cost.FREE,
            contact_phone="016 12 34 56",
            description="Kom gerust binnen.\nKoffie staat klaar.",
        )
        offer.languages.add(arabic)
        factories.make_offer_location(offer, place, schedule="Elke woensdag")
        factories.make_activity(offer, starts_in=timedelta(days=number + 1))
        created.append(offer)
    factories.make_activity(created[0], starts_in=timedelta(days=2), is_cancelled=True)
    return created


def test_the_catalogue_passes_axe_with_filters_open_and_in_use(page, offers):
    page.goto("/aanbod/?kosten=gratis&leeftijd=2&q=Spelnamiddag")
    assert_accessible(page)
    page.get_by_text("Filters").first.click()
    assert_accessible(page)


def test_the_catalogue_passes_axe_with_invalid_values(page, offers):
    page.goto("/aanbod/?leeftijd=abc&pijler=onbekend&sorteer=x&plek=nergens")
    assert_accessible(page)


def test_the_catalogue_fits_a_phone_and_shows_results_first(phone_page, offers):
    phone_page.goto("/aanbod/?kosten=gratis")
    assert phone_page.get_by_role("link", name="Spelnamiddag 00").is_visible()
    assert not phone_page.get_by_label("Leeftijd van je kind (in jaar)").is_visible()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_filtering_works_without_javascript(no_js_page, offers):
    no_js_page.goto("/aanbod/")
    no_js_page.get_by_text("Filters").first.click()
    no_js_page.get_by_label("Gratis").check()
    no_js_page.get_by_label("Leeftijd van je kind (in jaar)").fill("2")
    no_js_page.get_by_role("button", name="Toon resultaten").click()
    no_js_page.wait_for_url("**/aanbod/?*")
    query = parse_qs(urlsplit(no_js_page.url).query)
    assert query["kosten"] == ["gratis"]
    assert query["leeftijd"] == ["2"]
    assert no_js_page.get_by_role("heading", name="12 resultaten").is_visible()
    no_js_page.get_by_role("link", name="Filter verwijderen: Kosten: Gratis").click()
    assert no_js_page.get_by_role("heading", name="23 resultaten").is_visible()


def test_the_print_version_passes_axe(page, offers):
    page.goto("/aanbod/?afdrukken=1")
    assert page.get_by_role("button", name="Afdrukken").is_visible()
    assert_accessible(page)


def test_an_offer_page_passes_axe_on_desktop_and_phone(page, phone_page, offers):
    page.goto(offers[0].get_absolute_url())
    assert_accessible(page)
    phone_page.goto(offers[0].get_absolute_url())
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_the_report_form_passes_axe_with_and_without_errors(page, offers):
    page.goto(f"{offers[0].get_absolute_url()}klopt-er-iets-niet/")
    assert_accessible(page)
    page.get_by_role("button", name="Versturen").click()
    assert page.get_by_text("Dit veld is verplicht.").is_visible()
    assert_accessible(page)
    page.get_by_label("Wat klopt er niet?").fill("Het telefoonnummer is veranderd.")
    page.get_by_role("button", name="Versturen").click()
    assert page.get_by_role("heading", name="Bedankt, we kijken het na").is_visible()
    assert_accessible(page)
