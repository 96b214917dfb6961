"""The design's measurable promises, in a real browser: compact result cards, a one-row phone
header, button labels that never wrap, folded agenda filters on a phone, no console error."""

import re
from datetime import timedelta

import pytest
from django.conf import settings

from aanbod.models import Language, Offer
from partners.models import Membership
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in

# A card on a 360 px phone, and twenty results on a 1280 px screen, at most this tall.
CARD_MAX_HEIGHT = 200
TWENTY_RESULTS_MAX_PAGE_HEIGHT = 3500
PHONE_HEADER_MAX_HEIGHT = 120
BUTTON_WIDTHS = [768, 1024, 1280, 1440]


@pytest.fixture
def catalogue(db):
    """24 offers as full as a card gets: two places, two languages, cost details, a date."""
    provider = factories.make_partner("Kind en Gezin", slug="kind-en-gezin")
    dutch = Language.objects.create(code="nl", name="Nederlands")
    arabic = Language.objects.create(code="ar", name="Arabisch")
    kessel_lo = factories.make_location("Huis van het Kind Kessel-Lo", postcode="3010")
    heverlee = factories.make_location("Buurthuis Heverlee", postcode="3001")
    offers = []
    for number in range(24):
        offer = factories.make_offer(
            provider,
            f"Spelnamiddag voor peuters en hun ouders {number:02d}",
            pillars=("spel-en-ontmoeting", "groepsaanbod"),
            summary="Samen spelen met je peuter, andere ouders ontmoeten en een koffie drinken "
            "terwijl de kinderen ravotten in de grote speelzaal.",
            age_min_months=18,
            age_max_months=72,
            for_expecting=number % 3 == 0,
            cost=Offer.Cost.SOCIAL,
            cost_details="€ 2, of € 0,50 met sociaal tarief",
            registration=Offer.Registration.REQUIRED,
            contact_phone="016 12 34 56",
        )
        offer.languages.add(dutch, arabic)
        factories.make_offer_location(offer, kessel_lo, schedule="Elke woensdag van 14 tot 16 uur")
        factories.make_offer_location(offer, heverlee)
        factories.make_activity(offer, starts_in=timedelta(days=number + 1))
        offers.append(offer)
    return offers


def test_a_result_card_is_at_most_200_pixels_tall_on_a_phone(phone_page, catalogue):
    phone_page.goto("/aanbod/")
    heights = phone_page.locator(".offer-card").evaluate_all(
        "cards => cards.map(card => card.getBoundingClientRect().height)"
    )
    assert len(heights) == 20
    assert max(heights) <= CARD_MAX_HEIGHT, heights
    card = phone_page.locator(".offer-card").first
    for fact in ("18 maanden tot 6 jaar", "Sociaal tarief", "+1", "Arabisch"):
        assert card.get_by_text(fact).first.is_visible(), fact
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_the_whole_card_opens_the_offer(phone_page, catalogue):
    phone_page.goto("/aanbod/")
    card = phone_page.locator(".offer-card").first
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    # Tap the card's lower right corner: far from the title, on a chip.
    phone_page.mouse.click(box["x"] + box["width"] - 10, box["y"] + box["height"] - 10)
    phone_page.wait_for_url("**/aanbod/spelnamiddag-*/")
    assert phone_page.get_by_role("heading", level=1).inner_text().startswith("Spelnamiddag")


def test_twenty_results_fit_in_3500_pixels_at_1280(page, catalogue):
    page.goto("/aanbod/")
    assert page.locator(".offer-card").count() == 20
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= TWENTY_RESULTS_MAX_PAGE_HEIGHT, f"{height} px for twenty results"


def test_printing_keeps_the_compact_cards(new_page, catalogue):
    # An A4 page's width at 96 dpi, less the margins.
    page = new_page(viewport={"width": 680, "height": 1000})
    page.emulate_media(media="print")
    # The list as it is, printed from the browser (?afdrukken=1 has print cards of its own).
    page.goto("/aanbod/")
    card = page.locator(".offer-card").first
    assert card.locator(".fact-chips").is_visible()
    assert card.get_by_text("Georganiseerd door Kind en Gezin").is_visible()
    assert card.get_by_role("link", name="016 12 34 56").is_visible()
    heights = page.locator(".offer-card").evaluate_all(
        "cards => cards.map(card => card.getBoundingClientRect().height)"
    )
    assert len(heights) == 20 and max(heights) <= CARD_MAX_HEIGHT, heights


def header_height(page):
    return page.locator(".site-header").evaluate("header => header.getBoundingClientRect().height")


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "logged-in"])
def test_the_phone_header_is_one_row_of_at_most_120_pixels(
    phone_page, live_server, catalogue, logged_in
):
    if logged_in:
        partner = factories.make_partner("Gezinsbond vzw", slug="gezinsbond")
        log_in(phone_page, live_server, factories.make_member(partner, Membership.Role.MANAGER))
    agenda_link = phone_page.locator(".site-header").get_by_role("link", name="Agenda", exact=True)
    for path in ("/", "/aanbod/", catalogue[0].get_absolute_url(), "/agenda/", "/plekken/"):
        phone_page.goto(path)
        height = header_height(phone_page)
        assert height <= PHONE_HEADER_MAX_HEIGHT, f"{path}: the header is {height} px"
        assert not agenda_link.is_visible()

    phone_page.get_by_text("Menu", exact=True).click()
    assert agenda_link.is_visible()
    if logged_in:
        assert phone_page.get_by_role("button", name="Afmelden").is_visible()
    assert header_height(phone_page) <= PHONE_HEADER_MAX_HEIGHT, "the open menu lies over the page"
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_the_phone_menu_works_without_javascript(new_page):
    page = new_page(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page.goto("/")
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Plekken").click()
    page.wait_for_url("**/plekken/")
    assert page.get_by_role("heading", level=1).is_visible()


def test_the_desktop_header_shows_its_links_without_a_menu_button(page, live_server):
    partner = factories.make_partner("Gezinsbond vzw", slug="gezinsbond")
    log_in(page, live_server, factories.make_member(partner, Membership.Role.MANAGER))
    page.goto("/agenda/")
    assert not page.get_by_text("Menu", exact=True).is_visible()
    header = page.locator(".site-header")
    assert (
        header.get_by_role("link", name="Agenda", exact=True).get_attribute("aria-current")
        == "page"
    )
    for name in ("Aanbod", "Plekken", "Netwerk", "Analyse"):
        assert header.get_by_role("link", name=name, exact=True).is_visible(), name
    assert page.get_by_role("button", name="Afmelden").is_visible()
    assert_accessible(page)


# For every visible button, whether its words take more than one line: the text's line boxes
# (words hidden for all but screen readers, in a 1 px box, do not count).
WRAPPED_LABELS = """() => {
  const wrapped = [];
  for (const element of document.querySelectorAll('button, .btn, summary')) {
    if (!element.checkVisibility()) continue;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const tops = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const box = node.parentElement.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width <= 0) continue;
        if (!tops.some(top => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
      }
    }
    if (tops.length > 1) wrapped.push(element.innerText.trim());
  }
  return wrapped;
}"""


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("width", BUTTON_WIDTHS)
def test_no_button_label_wraps(new_page, catalogue, language, width):
    page = new_page(viewport={"width": width, "height": 900})
    prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
    for path in ("/", "/aanbod/", catalogue[0].get_absolute_url(), "/agenda/", "/plekken/"):
        page.goto(prefix + path)
        assert page.locator("html").get_attribute("lang") == language
        assert page.evaluate(WRAPPED_LABELS) == [], f"wrapped button labels on {page.url}"


def test_the_agenda_folds_its_filters_on_a_phone(phone_page, catalogue):
    phone_page.goto("/agenda/")
    assert not phone_page.get_by_label("Soort aanbod").is_visible()
    first = phone_page.locator(".agenda-item").first
    assert first.bounding_box()["y"] + 40 < 740, "the first activity shows on the first screen"
    assert_accessible(phone_page)

    phone_page.get_by_text("Toon alleen").click()
    phone_page.get_by_label("Soort aanbod").select_option("groepsaanbod")
    phone_page.get_by_role("button", name="Toon", exact=True).click()
    phone_page.wait_for_url("**/agenda/?*")
    assert phone_page.get_by_label("Soort aanbod").is_visible(), "a chosen filter stays in sight"


def test_the_agenda_shows_its_filters_on_a_wide_screen(page, catalogue):
    page.goto("/agenda/")
    assert page.get_by_label("Soort aanbod").is_visible()
    assert not page.get_by_text("Toon alleen").is_visible()


def test_the_offer_page_starts_with_where_and_when(phone_page, catalogue):
    offer = catalogue[0]
    phone_page.goto(offer.get_absolute_url())
    headings = phone_page.locator("main h2, main h3").evaluate_all(
        "hs => hs.map(h => h.tagName + ' ' + h.innerText.trim())"
    )
    assert headings[0] == "H2 Waar en wanneer"
    assert "H3 Georganiseerd door" in headings and "H3 Contact" in headings
    box = phone_page.locator(".where-when")
    place = re.compile("Huis van het Kind Kessel-Lo|Buurthuis Heverlee")
    assert box.get_by_role("link", name=place).first.is_visible()
    assert box.get_by_role("link", name="Routebeschrijving naar").is_visible()
    assert box.get_by_text("Inschrijven nodig").is_visible()
    assert box.get_by_text("Sociaal tarief mogelijk: € 2, of € 0,50 met sociaal").is_visible()
    assert box.get_by_text("Volgende keer:").is_visible()
    assert box.bounding_box()["y"] < 740, "where and when starts on the first screen"
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_two_language_controls_have_different_names(page):
    page.goto("/aanbod/?taal=ar")
    assert page.get_by_text("Taal van de website").count() == 1
    assert page.get_by_label("Taal van het aanbod").is_visible()
    assert page.get_by_label("Taal", exact=True).count() == 0


def test_pages_log_no_console_error_and_have_a_favicon(new_page, catalogue):
    page = new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    failed = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    for path in ("/", "/aanbod/", catalogue[0].get_absolute_url(), "/agenda/", "/plekken/"):
        page.goto(path, wait_until="networkidle")
    assert errors == [] and failed == []

    icon = page.locator("link[rel=icon]").first.get_attribute("href")
    assert page.request.get(icon).headers["content-type"] == "image/svg+xml"
    response = page.request.get("/favicon.ico")
    assert response.ok
    assert response.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
