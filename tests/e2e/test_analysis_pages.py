"""The analysis pages in a real browser: accessible, on a phone, without JavaScript, and the
yearly report laid out for A4."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aanbod.models import FilterLog, Location, SearchLog, Theme
from analyse.models import NeedSignal
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in

PAGES = {
    "/mijn/analyse/": "Analyse van het aanbod",
    "/mijn/analyse/dekking/?kosten=gratis": "Dekking en leemtes",
    "/mijn/analyse/actualiteit/": "Actualiteit en volledigheid",
    "/mijn/analyse/zoekvragen/": "Wat gezinnen zoeken en niet vinden",
    "/mijn/analyse/deelname/": "Deelname aan het netwerk",
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
    for section in ("coverage", "gaps", "needs", "freshness", "participation"):
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
