"""The agenda, places, partners, 'over ons', a stale offer page and the report form in a real
browser: accessible at 1280 and at 360 px without sideways scrolling, working without
JavaScript, printable, asking no other host for anything, and never showing a draft offer."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from aanbod.models import (
    Activity,
    ErrorReport,
    Language,
    Location,
    Offer,
    ScheduleSlot,
    Theme,
    Weekday,
)
from partners.models import Declaration, Partner, Signature
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll

STALE_OFFER = "Infoavond slapen"
WALK_IN_OFFER = "Spelotheek De Speelbal"
DRAFT_OFFER = "Geheim concept"
DRAFT_SUMMARY = "Nog niet klaar om te tonen."
HUIS = "/plekken/huis-van-het-kind-kessel-lo/"
GEZINSBOND = "/partners/gezinsbond/"


def at(days, hour, minute=0):
    """`days` from today at a fixed clock time in Leuven, so every run shows the same times."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def add_activity(offer, location, days, hour, **kwargs):
    return Activity.objects.create(
        offer=offer,
        location=location,
        starts_at=at(days, hour),
        ends_at=at(days, hour + 2),
        **kwargs,
    )


@pytest.fixture
def site(db):
    """Two places, three partners (one former), a published offer last checked two years ago
    with an upcoming and a cancelled activity, a walk-in offer, a draft offer everywhere the
    published ones are, and the signed engagement declaration.

    Built per test: the live server's transactional database is emptied after each one.
    """
    gezinsbond = factories.make_partner(
        "Gezinsbond vzw",
        slug="gezinsbond",
        description="De Gezinsbond komt op voor alle gezinnen.",
        website="https://www.gezinsbond.be/",
        email="leuven@gezinsbond.be",
        phone="016 22 33 44",
        address="Naamsestraat 10, 3000 Leuven",
        partner_since=date(2014, 11, 13),
    )
    kind_en_gezin = factories.make_partner(
        "Kind en Gezin",
        slug="kind-en-gezin",
        kind=Partner.Kind.GOVERNMENT,
        partner_since=date(2014, 11, 13),
    )
    factories.make_partner("Buurtwerk 't Lampeke vzw", slug="lampeke", status="candidate")
    former = factories.make_partner("Vroeger vzw", slug="vroeger", status="former")

    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo",
        kind=Location.Kind.HUIS_VAN_HET_KIND,
        owner=kind_en_gezin,
        street="Stationsstraat 22",
        postcode="3010",
        latitude=Decimal("50.889100"),
        longitude=Decimal("4.722300"),
        wheelchair=Location.Wheelchair.YES,
        accessibility_notes="Lift naar de eerste verdieping.",
        public_transport="Bus 2 en 3, halte Kessel-Lo Station.",
        opening_hours="Maandag tot vrijdag: 9 tot 12 uur\nWoensdag ook 13 tot 17 uur",
        phone="016 24 00 00",
        email="kessel-lo@huisvanhetkind-leuven.be",
    )
    speelbal = factories.make_location(
        "Gezinsbond Leuven", owner=gezinsbond, street="Naamsestraat 10", postcode="3000"
    )

    arabic = Language.objects.create(code="ar", name="Arabisch", native_name="العربية")
    sleep = Theme.objects.create(name="Slapen", slug="slapen")
    stale = factories.make_offer(
        gezinsbond,
        STALE_OFFER,
        pillars=("groepsaanbod",),
        summary="Je baby slaapt slecht? Praat erover met een vroedvrouw en andere ouders.",
        description="We starten met koffie.\nDaarna vertelt de vroedvrouw.",
        age_max_months=36,
        registration=Offer.Registration.REQUIRED,
        registration_details="Schrijf je in via de website of bel ons.",
        contact_name="Sara Peeters",
        contact_phone="016 12 34 56",
        contact_email="slapen@gezinsbond.be",
        website="https://www.gezinsbond.be/slapen",
        reviewed_at=timezone.now() - timedelta(days=730),
    )
    stale.co_providers.add(kind_en_gezin)
    stale.languages.add(arabic)
    stale.themes.add(sleep)
    where = factories.make_offer_location(stale, huis, schedule="Elke eerste dinsdag van de maand")
    ScheduleSlot.objects.create(
        offer_location=where, weekday=Weekday.TUESDAY, start_time=time(19), end_time=time(21)
    )
    add_activity(
        stale,
        huis,
        days=3,
        hour=19,
        capacity=12,
        registration_url="https://www.gezinsbond.be/inschrijven",
    )
    add_activity(stale, huis, days=10, hour=19, is_cancelled=True)

    walk_in = factories.make_offer(
        gezinsbond,
        WALK_IN_OFFER,
        pillars=("spel-en-ontmoeting",),
        registration=Offer.Registration.WALK_IN,
        reviewed_at=timezone.now() - timedelta(days=30),
    )
    factories.make_offer_location(walk_in, speelbal, schedule="Elke woensdagnamiddag")
    add_activity(walk_in, speelbal, days=4, hour=14)

    draft = factories.make_offer(
        gezinsbond,
        DRAFT_OFFER,
        pillars=("groepsaanbod",),
        summary=DRAFT_SUMMARY,
        status=Offer.Status.DRAFT,
    )
    draft.co_providers.add(kind_en_gezin)
    factories.make_offer_location(draft, huis, schedule="Elke maandag")
    factories.make_offer_location(draft, speelbal)
    add_activity(draft, huis, days=3, hour=10)
    add_activity(draft, speelbal, days=4, hour=10)

    declaration = Declaration.objects.create(
        version="2014",
        title="Engagementsverklaring Huis van het Kind Leuven",
        text=(
            "Huis van het Kind Leuven vzw wil een **versterkt** en laagdrempelig aanbod.\n\n"
            "De partners engageren zich om:\n\n"
            "- gezinnen door te verwijzen;\n"
            "- informatie te delen.\n\n"
            "Deze engagementsverklaring gaat in op 13 november 2014."
        ),
        effective_from=date(2014, 11, 13),
    )
    for signer in (gezinsbond, kind_en_gezin, former):
        Signature.objects.create(
            declaration=declaration, partner=signer, signed_on=date(2014, 11, 13)
        )
    return {"stale": stale, "walk_in": walk_in, "draft": draft}


def check_at_both_widths(page, phone_page, path):
    """Open `path` at 1280 and at 360 px: no sideways scrolling, no axe-core violation."""
    for browser_page in (page, phone_page):
        response = browser_page.goto(path)
        assert response.status == 200, f"{path} answered {response.status}"
        assert_no_horizontal_scroll(browser_page)
        assert_accessible(browser_page)


def test_the_filtered_agenda_with_a_cancelled_activity_passes_axe_and_works_without_javascript(
    page, phone_page, no_js_page, site
):
    check_at_both_widths(page, phone_page, "/agenda/?pijler=groepsaanbod")
    for browser_page in (page, phone_page):
        cancelled = browser_page.locator(".agenda-item.is-cancelled")
        assert cancelled.count() == 1
        assert cancelled.get_by_text("Afgelast").is_visible()
        assert browser_page.get_by_role("link", name=STALE_OFFER, exact=True).count() == 2
        assert browser_page.get_by_role("link", name=WALK_IN_OFFER).count() == 0
        assert browser_page.get_by_label("Soort aanbod").input_value() == "groepsaanbod"

    no_js_page.goto("/agenda/")
    assert no_js_page.get_by_role("link", name=WALK_IN_OFFER).is_visible()
    no_js_page.get_by_label("Soort aanbod").select_option("groepsaanbod")
    no_js_page.get_by_role("button", name="Toon", exact=True).click()
    no_js_page.wait_for_url("**/agenda/?*")
    assert parse_qs(urlsplit(no_js_page.url).query)["pijler"] == ["groepsaanbod"]
    assert no_js_page.get_by_role("link", name=WALK_IN_OFFER).count() == 0
    assert no_js_page.get_by_role("link", name=STALE_OFFER, exact=True).count() == 2
    assert no_js_page.get_by_text("Afgelast").is_visible()


def test_the_places_pass_axe(page, phone_page, site):
    check_at_both_widths(page, phone_page, "/plekken/")
    groups = page.get_by_role("heading", level=2).all_inner_texts()
    assert groups == ["Huizen van het Kind", "Andere plekken"]
    assert page.get_by_role("link", name="Aanbod in Huis van het Kind Kessel-Lo (1)").is_visible()

    check_at_both_widths(page, phone_page, HUIS)
    assert page.get_by_text("Woensdag ook 13 tot 17 uur").is_visible()
    route = page.get_by_role("link", name="Route naar Huis van het Kind Kessel-Lo op OpenStreetMap")
    assert route.get_attribute("href").startswith("https://www.openstreetmap.org/directions?to=")
    assert phone_page.locator(".activity-list .is-cancelled").get_by_text("Afgelast").is_visible()


def test_the_partner_pages_and_over_ons_pass_axe(page, phone_page, site):
    check_at_both_widths(page, phone_page, "/partners/")
    # Sorted: the view's query counts offers with GROUP BY, and Django leaves Meta.ordering out
    # of such queries, so the partners come in no guaranteed order.
    names = sorted(page.get_by_role("heading", level=2).all_inner_texts())
    assert names == ["Buurtwerk 't Lampeke vzw", "Gezinsbond vzw", "Kind en Gezin"]
    assert page.get_by_text("kandidaat-partner").is_visible()

    check_at_both_widths(page, phone_page, GEZINSBOND)
    assert page.get_by_text("partner sinds 13 november 2014").is_visible()
    assert page.get_by_role("link", name="016 22 33 44").is_visible()
    assert page.get_by_role("link", name=STALE_OFFER).is_visible()

    check_at_both_widths(page, phone_page, "/partners/kind-en-gezin/")
    assert page.get_by_role("heading", name="Samen met andere partners").is_visible()
    assert page.get_by_role("link", name=STALE_OFFER).is_visible()

    check_at_both_widths(page, phone_page, "/over-ons/")
    declaration = page.locator(".declaration-text")
    assert declaration.locator("strong").inner_text() == "versterkt"
    assert declaration.get_by_role("listitem").count() == 2
    signatories = page.locator(".signatories li")
    assert signatories.count() == 3
    assert page.get_by_role("link", name="Gezinsbond vzw").is_visible()
    assert page.get_by_role("link", name="Vroeger vzw").count() == 0, "former partners: no link"


def test_a_stale_offer_and_its_report_form_pass_axe(page, phone_page, site):
    check_at_both_widths(page, phone_page, site["stale"].get_absolute_url())
    checked = timezone.localtime(site["stale"].reviewed_at)
    for browser_page in (page, phone_page):
        notice = browser_page.locator(".review-notice")
        assert notice.is_visible()
        assert "meer dan een jaar geleden" in notice.inner_text()
        assert str(checked.year) in notice.inner_text()
        assert browser_page.get_by_text("Afgelast").is_visible()

    # The report form at 360 px; test_catalogue_pages checks its three states at 1280 px.
    cache.clear()  # the live server shares this process's cache: start with no reports counted
    phone_page.goto(f"{site['stale'].get_absolute_url()}klopt-er-iets-niet/")
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)

    phone_page.get_by_role("button", name="Versturen").tap()
    expect(phone_page.get_by_text("Kijk de velden hieronder na.")).to_be_visible()
    assert phone_page.get_by_label("Wat klopt er niet?").get_attribute("aria-invalid") == "true"
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)

    phone_page.get_by_label("Wat klopt er niet?").fill("De infoavond is nu op donderdag.")
    phone_page.get_by_role("button", name="Versturen").tap()
    expect(phone_page.get_by_role("heading", name="Bedankt, we kijken het na")).to_be_visible()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    assert ErrorReport.objects.get().message == "De infoavond is nu op donderdag."


def test_the_public_pages_work_without_javascript(no_js_page, site):
    page = no_js_page
    page.goto("/plekken/")
    page.get_by_role("link", name="Huis van het Kind Kessel-Lo", exact=True).click()
    page.wait_for_url(f"**{HUIS}")
    assert page.get_by_role("heading", level=1).inner_text() == "Huis van het Kind Kessel-Lo"
    page.get_by_role("link", name="Alle activiteiten in Huis van het Kind Kessel-Lo").click()
    page.wait_for_url("**/agenda/?plek=*")
    assert page.get_by_label("Plek").input_value() == "huis-van-het-kind-kessel-lo"
    assert page.get_by_role("link", name=WALK_IN_OFFER).count() == 0

    page.goto("/partners/")
    page.get_by_role("link", name="Gezinsbond vzw").click()
    page.wait_for_url(f"**{GEZINSBOND}")
    assert page.get_by_role("heading", name="Contact").is_visible()

    page.goto("/over-ons/")
    assert page.get_by_role("heading", name="Ondertekend door").is_visible()
    assert page.locator(".signatories li").count() == 3

    cache.clear()
    page.goto(site["stale"].get_absolute_url())
    assert page.locator(".review-notice").is_visible()
    page.get_by_role("link", name="Laat het ons weten").click()
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_text("Kijk de velden hieronder na.")).to_be_visible()
    page.get_by_label("Wat klopt er niet?").fill("Het telefoonnummer is veranderd.")
    page.get_by_label("Je e-mailadres of telefoonnummer (niet verplicht)").fill("0470 12 34 56")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", name="Bedankt, we kijken het na")).to_be_visible()
    report = ErrorReport.objects.get()
    assert (report.offer, report.contact) == (site["stale"], "0470 12 34 56")


def is_hidden(page, selector):
    return page.eval_on_selector(selector, "element => getComputedStyle(element).display") == "none"


def after_content(page, selector):
    """What the print style sheet adds after a link: its address, or "none"."""
    return page.eval_on_selector(
        selector, "element => getComputedStyle(element, '::after').content"
    )


def test_printed_pages_show_links_and_phone_numbers_once_without_navigation_or_filters(
    page, site, live_server
):
    page.emulate_media(media="print")
    page.goto(site["stale"].get_absolute_url())
    for chrome in (".skip-link", ".site-header", ".site-nav", ".site-footer", ".share"):
        assert is_hidden(page, chrome), f"{chrome} is printed"
    assert not page.get_by_role("link", name="Laat het ons weten").is_visible()
    assert page.get_by_text("Stationsstraat 22, 3010 Kessel-Lo").first.is_visible()
    assert page.get_by_role("link", name="016 12 34 56").is_visible()
    assert page.get_by_text("slapen@gezinsbond.be").is_visible()
    # A link named in words gets its address printed after it; a link whose text is the
    # address already does not get it twice.
    registration = "a[href='https://www.gezinsbond.be/inschrijven']"
    assert "https://www.gezinsbond.be/inschrijven" in after_content(page, registration)
    assert page.get_by_role("link", name="https://www.gezinsbond.be/slapen").is_visible()
    # (It goes through the counting redirect to the offer's website.)
    website = f"a[href='/aanbod/{site['stale'].slug}/naar/website/']"
    assert after_content(page, website) == "none"
    assert page.locator(".print-only", has_text=page.url).is_visible()

    # The print version of a filtered list (with its compact cards), and the list itself
    # printed as it is.
    for path, cards in (
        ("/aanbod/?pijler=groepsaanbod&pijler=spel-en-ontmoeting&afdrukken=1", ".offer-print-card"),
        ("/aanbod/?pijler=groepsaanbod&pijler=spel-en-ontmoeting", ".offer-card"),
    ):
        page.goto(path)
        for chrome in (".site-header", ".site-nav", ".site-footer", "#catalogue-form"):
            assert is_hidden(page, chrome), f"{chrome} is printed on {path}"
        assert page.locator(cards).count() == 2
        for offer in (site["stale"], site["walk_in"]):
            card = page.locator(cards, has_text=offer.title)
            assert card.get_by_text(f"{live_server.url}{offer.get_absolute_url()}").is_visible()
        assert page.get_by_role("link", name="016 12 34 56").is_visible()
    assert is_hidden(page, ".filter-chips") and is_hidden(page, ".results-tools")

    for path, number in ((HUIS, "016 24 00 00"), ("/plekken/", "016 24 00 00")):
        page.goto(path)
        assert page.get_by_role("link", name=number).is_visible()
        assert after_content(page, "main a[href^='tel:']") == "none", path
    page.goto(GEZINSBOND)
    assert page.get_by_role("link", name="016 22 33 44").is_visible()
    assert after_content(page, "main a[href^='tel:']") == "none"
    assert page.get_by_role("link", name="https://www.gezinsbond.be/").is_visible()
    assert after_content(page, "a[href='https://www.gezinsbond.be/']") == "none"

    page.goto("/agenda/?pijler=groepsaanbod")
    assert is_hidden(page, ".agenda-filters"), "the filter heading is printed without its form"
    assert page.get_by_role("link", name=STALE_OFFER, exact=True).first.is_visible()


def test_public_pages_show_no_draft_and_ask_no_other_host(new_page, live_server, site):
    page = new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    # Each page with what it does show, so an empty or broken page cannot pass for a clean one.
    shown = {
        "/aanbod/": STALE_OFFER,
        "/aanbod/?q=Geheim": "Geen resultaten voor ‘Geheim’",
        "/aanbod/?kosten=gratis&afdrukken=1": WALK_IN_OFFER,
        "/agenda/": WALK_IN_OFFER,
        "/plekken/": "Aanbod in Huis van het Kind Kessel-Lo (1)",
        HUIS: STALE_OFFER,
        "/plekken/gezinsbond-leuven/": WALK_IN_OFFER,
        "/partners/": "Aanbod: 2",
        GEZINSBOND: WALK_IN_OFFER,
        "/partners/kind-en-gezin/": STALE_OFFER,
        "/over-ons/": "Ondertekend door",
        site["stale"].get_absolute_url(): STALE_OFFER,
        f"{site['stale'].get_absolute_url()}klopt-er-iets-niet/": STALE_OFFER,
    }
    for path, text in shown.items():
        page.goto(path)
        assert text in page.locator("main").inner_text(), f"{path} does not show {text!r}"
        html = page.content()
        assert DRAFT_OFFER not in html and DRAFT_SUMMARY not in html, f"the draft shows on {path}"
        assert page.locator(f"a[href*='{site['draft'].slug}']").count() == 0, path
    assert page.goto(site["draft"].get_absolute_url()).status == 404
    assert hosts == {urlsplit(live_server.url).netloc}


def test_the_missing_page_passes_axe_at_both_widths_and_works_without_javascript(
    page, phone_page, no_js_page
):
    for browser_page in (page, phone_page):
        response = browser_page.goto("/bestaat-niet/")
        assert response.status == 404
        assert_no_horizontal_scroll(browser_page)
        assert_accessible(browser_page)
    no_js_page.goto("/bestaat-niet/")
    no_js_page.get_by_role("link", name="Zoek in het aanbod voor gezinnen").click()
    no_js_page.wait_for_url("**/aanbod/")
    assert no_js_page.get_by_role("heading", level=1).inner_text() == "Aanbod voor gezinnen"
