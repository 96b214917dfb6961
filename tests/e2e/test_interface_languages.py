"""The public pages in every interface language, in a real browser: accessible, no sideways
scrolling at 360 px, working without JavaScript, and in Arabic laid out right to left with
Bootstrap's RTL stylesheet and arrows that point the way the text reads. And the language
switcher, which keeps the visitor on the same page.

Nothing here reads the translated texts: the pages are checked the same whichever catalogues
are there."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings

from aanbod.models import Language, Location
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.e2e.test_maps import places, tiles  # noqa: F401 (fixtures)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OFFER = "Speelpleinwerking"
PAGES = ["/", "/aanbod/", "/aanbod/speelpleinwerking/", "/agenda/", "/plekken/"]


def address(code, path):
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


def direction(code):
    return "rtl" if code == "ar" else "ltr"


@pytest.fixture
def site(db):
    """An offer at a Huis van het Kind, in several languages, with an upcoming activity."""
    partner = factories.make_partner("Gezinsbond vzw", slug="gezinsbond")
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo",
        kind=Location.Kind.HUIS_VAN_HET_KIND,
        postcode="3010",
        opening_hours="maandag tot vrijdag 9–12 uur",
    )
    offer = factories.make_offer(
        partner, OFFER, age_min_months=36, age_max_months=143, description="Spelen in de zomer."
    )
    offer.languages.add(
        Language.objects.create(code="ar", name="Arabisch", native_name="العربية"),
        Language.objects.create(code="uk", name="Oekraïens", native_name="Українська"),
    )
    factories.make_offer_location(offer, huis)
    factories.make_activity(offer, location=huis, title="Zomerspel")
    return offer


def assert_in_language(page, code):
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == direction(code)
    stylesheets = page.eval_on_selector_all(
        "link[rel=stylesheet]", "links => links.map(link => link.getAttribute('href'))"
    )
    bootstrap = [href for href in stylesheets if "/bootstrap/css/" in href]
    expected = "bootstrap.rtl.min.css" if code == "ar" else "bootstrap.min.css"
    assert [href.rsplit("/", 1)[1] for href in bootstrap] == [expected]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_public_pages_are_accessible_in_every_language(page, site, code):
    for path in PAGES:
        response = page.goto(address(code, path))
        assert response.status == 200
        assert_in_language(page, code)
        assert_accessible(page)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_public_pages_fit_a_phone_in_every_language(phone_page, site, code):
    for path in PAGES:
        phone_page.goto(address(code, path))
        assert_in_language(phone_page, code)
        assert_no_horizontal_scroll(phone_page)
        if code == "ar":
            assert_accessible(phone_page)  # the right-to-left layout, at 360 px too


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_public_pages_work_without_javascript_in_every_language(no_js_page, site, code):
    for path in PAGES:
        response = no_js_page.goto(address(code, path))
        assert response.status == 200
        assert_in_language(no_js_page, code)
        assert no_js_page.get_by_role("heading", level=1).is_visible()
    # The catalogue's search is a plain form.
    no_js_page.goto(address(code, "/aanbod/"))
    no_js_page.locator("#catalogue-form input[name=q]").first.fill(OFFER)
    no_js_page.locator("#catalogue-form input[name=q]").first.press("Enter")
    no_js_page.wait_for_url("**q=*")
    assert no_js_page.get_by_role("link", name=OFFER, exact=True).is_visible()
    no_js_page.get_by_role("link", name=OFFER, exact=True).click()
    assert urlsplit(no_js_page.url).path == address(code, site.get_absolute_url())


def summary_arrow(page):
    return page.eval_on_selector(
        ".filter-panel > summary", "el => getComputedStyle(el, '::before').content"
    )


def test_the_filter_arrow_points_the_way_the_text_reads(page, site):
    page.goto("/aanbod/")
    assert "▸" in summary_arrow(page)
    page.goto("/ar/aanbod/")
    assert "◂" in summary_arrow(page)
    page.locator(".filter-panel > summary").click()
    assert "▾" in summary_arrow(page), "open, it points down in both directions"


def test_the_arabic_header_reads_from_the_right(phone_page, site):
    phone_page.goto("/")
    name = phone_page.locator(".site-mark").bounding_box()
    assert name["x"] < 40, "in Dutch the site's name starts at the left edge"
    phone_page.goto("/ar/")
    name = phone_page.locator(".site-mark").bounding_box()
    assert name["x"] + name["width"] > 360 - 40, "in Arabic it starts at the right edge"


def choose_language(page, code):
    page.locator(".language-switcher summary").click()
    page.locator(f".language-switcher button[value={code}]").click()


@pytest.mark.parametrize("fixture", ["page", "no_js_page"])
def test_the_switcher_changes_the_language_and_keeps_the_page(request, site, fixture):
    page = request.getfixturevalue(fixture)
    page.goto("/agenda/")
    option = page.locator(".language-switcher button[value=ar]")
    assert option.text_content() == "العربية"
    assert option.get_attribute("lang") == "ar"

    choose_language(page, "ar")
    page.wait_for_url(lambda url: urlsplit(url).path == "/ar/agenda/")
    assert_in_language(page, "ar")
    arabic = page.locator(".language-switcher button[value=ar]")
    assert arabic.get_attribute("aria-current") == "true"

    choose_language(page, "tr")
    page.wait_for_url(lambda url: urlsplit(url).path == "/tr/agenda/")
    assert_in_language(page, "tr")

    choose_language(page, "nl")
    page.wait_for_url(lambda url: urlsplit(url).path == "/agenda/")
    assert_in_language(page, "nl")


def test_dutch_text_on_an_arabic_page_reads_left_to_right(page, site):
    factories.make_declaration()
    page.goto("/ar/over-ons/")
    declaration = page.locator(".declaration-text")
    assert declaration.get_attribute("lang") == "nl"
    assert declaration.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert page.locator("main").evaluate("el => getComputedStyle(el).direction") == "rtl"
    page.goto("/aanbod/speelpleinwerking/")
    arabic = page.locator("main [lang=ar]")
    assert arabic.inner_text() == "العربية"
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"


def test_the_map_works_right_to_left_on_a_phone(phone_page, tiles, places):  # noqa: F811
    phone_page.goto("/ar/plekken/")
    phone_page.locator("[data-map-show]").click()
    phone_page.locator(".leaflet-tile-loaded").first.wait_for()
    assert phone_page.locator(".leaflet-marker-icon").count() == 2
    canvas = phone_page.locator(".place-map-canvas").bounding_box()
    tile = phone_page.locator(".leaflet-tile-loaded").first.bounding_box()
    assert tile["x"] < canvas["x"] + canvas["width"] and tile["x"] + tile["width"] > canvas["x"]
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
