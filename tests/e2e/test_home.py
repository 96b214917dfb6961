"""The home page in a real browser: accessible, usable on a phone and without JavaScript."""

from urllib.parse import parse_qs, urlsplit

from aanbod.models import Location, Pillar
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll


def add_a_huis():
    return factories.make_location(
        "Huis van het Kind Leuven-centrum",
        kind=Location.Kind.HUIS_VAN_HET_KIND,
        opening_hours="maandag tot vrijdag van 9 tot 12 uur",
    )


def test_the_home_page_passes_axe(page):
    add_a_huis()
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page)


def test_it_shows_the_pillars_from_the_database(page):
    page.goto("/")
    # In the words parents use (the declaration's names are on "Over ons").
    names = list(Pillar.objects.order_by("order").values_list("plain_name", flat=True))
    assert len(names) == 6
    headings = page.locator("#pillars-title + ul h3").all_inner_texts()
    assert headings == names


def test_it_fits_a_360_pixel_phone_screen(phone_page):
    add_a_huis()
    phone_page.goto("/")
    assert phone_page.get_by_role("heading", level=1).is_visible()
    assert phone_page.get_by_role("searchbox").is_visible()
    assert phone_page.get_by_text("maandag tot vrijdag van 9 tot 12 uur").is_visible()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_searching_works_without_javascript(no_js_page):
    no_js_page.goto("/")
    no_js_page.get_by_label("Wat zoek je?").fill("slapen")
    no_js_page.get_by_role("button", name="Zoeken").click()
    no_js_page.wait_for_url("**/aanbod/?*")
    url = urlsplit(no_js_page.url)
    assert url.path == "/aanbod/"
    assert parse_qs(url.query)["q"] == ["slapen"]


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.get_attribute("class") == "skip-link"
    assert skip_link.is_visible(), "the skip link shows when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_language_switcher_changes_to_english_and_back(page):
    page.goto("/")
    page.locator("summary", has_text="Taal van de website").click()
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Support for your family in Leuven"

    page.locator("summary", has_text="Website language").click()
    page.get_by_role("button", name="Nederlands").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/")
    assert page.locator("html").get_attribute("lang") == "nl"


def test_the_language_switcher_works_without_javascript(no_js_page):
    no_js_page.goto("/en/")
    no_js_page.locator("summary", has_text="Website language").click()
    no_js_page.get_by_role("button", name="Nederlands").click()
    no_js_page.wait_for_url(lambda url: urlsplit(url).path == "/")
    assert no_js_page.locator("html").get_attribute("lang") == "nl"


def test_it_makes_no_third_party_requests(new_page):
    """The `new_page` fixture fails the test on any request to another host; record ours too."""
    page = new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto("/", wait_until="networkidle")
    assert hosts == {urlsplit(page.url).netloc}
    assert page.evaluate("document.styleSheets.length") >= 2, "our own CSS loaded"
