"""The analysis pages in a real browser: accessible, on a phone, without JavaScript, and the
yearly report laid out for A4."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aanbod.models import FilterLog, Location, Offer, SearchLog, Theme
from analyse.models import NeedSignal
from common import usage
from common.models import UsageCount
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in

PHONE_BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
PAGES = {
    "/mijn/analyse/": "Analyse van het aanbod",
    "/mijn/analyse/dekking/?kosten=gratis": "Dekking en leemtes",
    "/mijn/analyse/actualiteit/": "Actualiteit en volledigheid",
    "/mijn/analyse/zoekvragen/": "Wat gezinnen zoeken en niet vinden",
    "/mijn/analyse/deelname/": "Deelname aan het netwerk",
    "/mijn/analyse/gebruik/": "Gebruik van de site",
    "/mijn/analyse/doorverwijzingen/": "Doorverwijzingen tussen partners",
    "/mijn/analyse/noden/nieuw/": "Noteer een nood die je hoorde",
    "/mijn/analyse/jaarverslag/": "Analyse van het gezinsondersteunend aanbod",
}


@pytest.fixture
def analysis_data(partner, other_partner):
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo", kind=Location.Kind.HUIS_VAN_HET_KIND, postcode="3010"
    )
    offer = factories.make_offer(partner, "Babykaffee", age_max_months=35)
    factories.make_offer_location(offer, huis)
    factories.make_offer(other_partner, "Huiswerkklas", reviewed_at=timezone.now())
    last_month = timezone.localdate().replace(day=1) - timedelta(days=3)
    SearchLog.objects.create(query="zwemles", result_count=0, searched_on=last_month)
    SearchLog.objects.create(query="babymassage", result_count=4, searched_on=last_month)
    FilterLog.objects.create(
        filters="gemeente=3012&voor=12-18", result_count=0, searched_on=last_month
    )
    theme = Theme.objects.create(name="Vrije tijd", slug="vrije-tijd")
    NeedSignal.objects.create(
        partner=partner,
        theme=theme,
        description="Tieners zoeken een ontmoetingsplek.",
        heard_on=last_month,
    )
    today = timezone.localdate()
    for kind, page, count, offer_id in (
        ("view", "aanbod:offer_list", 40, None),
        ("view", "aanbod:offer_detail", 12, offer.pk),
        ("phone", "aanbod:offer_contact", 3, offer.pk),
        ("calendar", "aanbod:agenda_ical", 2, None),
    ):
        UsageCount.objects.create(day=today, kind=kind, page=page, count=count, offer_id=offer_id)
    factories.make_referral(partner, other_partner, offer=offer)


def open_page(page, path, heading):
    page.goto(path)
    assert page.locator("h1").first.inner_text().startswith(heading), path


def test_every_analysis_page_passes_axe(page, live_server, analysis_data, coordinator):
    log_in(page, live_server, coordinator)
    for path, heading in PAGES.items():
        open_page(page, path, heading)
        assert_accessible(page)


def test_every_analysis_page_fits_a_phone(phone_page, live_server, analysis_data, coordinator):
    log_in(phone_page, live_server, coordinator)
    for path, heading in PAGES.items():
        open_page(phone_page, path, heading)
        assert_no_horizontal_scroll(phone_page)


def test_every_analysis_page_works_without_javascript(
    no_js_page, live_server, analysis_data, manager
):
    page = no_js_page
    log_in(page, live_server, manager)
    for path, heading in PAGES.items():
        if "jaarverslag" not in path:
            open_page(page, path, heading)
    # The filters are a plain form: choosing one reloads the page with it.
    page.goto("/mijn/analyse/dekking/")
    page.get_by_label("Kosten").select_option("gratis")
    page.get_by_role("button", name="Toon").click()
    assert "kosten=gratis" in page.url
    assert page.locator("#table-dekking td a[href*='kosten=gratis']").count() == 6 * 8 * 6
    # A need is recorded without a script.
    page.goto("/mijn/analyse/noden/nieuw/")
    page.get_by_label("Thema").select_option(label="Vrije tijd")
    page.get_by_label("Wat gezinnen vragen of nodig hebben").fill(
        "Ouders vragen naar een babysitdienst."
    )
    page.get_by_role("button", name="Bewaren").click()
    assert page.locator("#table-noden", has_text="babysitdienst").is_visible()


def test_the_yearly_report_prints_on_a4_without_navigation_and_within_the_page(
    page, live_server, analysis_data, coordinator
):
    log_in(page, live_server, coordinator)
    page.goto("/mijn/analyse/jaarverslag/")
    page.emulate_media(media="print")
    for section in (
        "coverage",
        "gaps",
        "needs",
        "freshness",
        "participation",
        "use",
        "referrals",
    ):
        assert page.locator(f"#section-{section}").is_visible(), section
    for chrome in (".site-header", ".analyse-nav", ".downloads", "#year-form"):
        assert page.locator(chrome).first.is_hidden(), f"{chrome} is printed"
    # An A4 page less 1.5 cm margins is 18 cm wide, 680 CSS pixels: nothing may be wider.
    page.set_viewport_size({"width": 680, "height": 1000})
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('#report table, #report svg')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= 680
    assert page.evaluate("document.documentElement.scrollWidth") <= 680
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_an_offers_contact_links_work_without_javascript_and_are_counted(new_page, partner):
    """The phone and e-mail links go through the counting redirect; a browser that follows
    the website link lands on the offer's own website (here a page of this site)."""
    page = new_page(java_script_enabled=False, user_agent=PHONE_BROWSER)
    offer = factories.make_offer(
        partner, "Babbelbox", contact_phone="016 12 34 56", contact_email="babbelbox@example.org"
    )
    page.goto("/")
    website = page.url.rstrip("/") + "/plekken/"
    Offer.objects.filter(pk=offer.pk).update(website=website)
    page.goto("/aanbod/babbelbox/")
    assert page.get_by_role("link", name="016 12 34 56").get_attribute("href") == (
        "/aanbod/babbelbox/naar/telefoon/"
    )
    assert page.get_by_role("link", name="babbelbox@example.org").get_attribute("href") == (
        "/aanbod/babbelbox/naar/e-mail/"
    )
    page.get_by_role("link", name=website).click()
    page.wait_for_url(website)
    assert page.locator("h1").first.inner_text() == "Plekken"
    usage.flush()
    counted = UsageCount.objects.filter(offer_id=offer.pk)
    assert sorted(counted.values_list("kind", "count")) == [("view", 1), ("website", 1)]
