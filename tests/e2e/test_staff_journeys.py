"""Partner staff keep their offers right in a real browser: an editor logs in, edits and
publishes an offer and sees it on the public page; another partner's editor gets 404; every
portal page for offers, places, activities and reports passes axe, fits a phone and works
without JavaScript."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from aanbod.models import Activity, ErrorReport, Location, Offer, ScheduleSlot
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in

PASSWORD = "correct horse 42"  # what tests.factories.make_user gives everyone


@pytest.fixture
def member(partner):
    return factories.make_member(
        partner, email="jan@example.org", first_name="Jan", last_name="Claes"
    )


@pytest.fixture
def portal(partner, other_partner, member):
    """A partner with a published offer that needs checking, a draft with a place, times and
    an activity, its own site, a Huis van het Kind and an open report."""
    site = factories.make_location("Gezinsbond Heverlee", owner=partner, postcode="3001")
    factories.make_location("Huis van het Kind Leuven", kind=Location.Kind.HUIS_VAN_HET_KIND)
    factories.make_location("Wigwam Kessel-Lo", owner=other_partner, postcode="3010")
    published = factories.make_offer(
        partner,
        "Babbelbox",
        summary="Samen spelen met je peuter en andere ouders ontmoeten.",
        age_min_months=18,
        age_max_months=72,
        reviewed_at=timezone.now() - timedelta(days=300),
    )
    draft = factories.make_offer(
        partner,
        "Infoavond slapen",
        status=Offer.Status.DRAFT,
        summary="Hoe slaapt je baby beter?",
        description="Met **tips** van een vroedvrouw.\n- tas koffie\n- vragen stellen",
        age_min_months=0,
        age_max_months=12,
    )
    place = factories.make_offer_location(draft, site, schedule="niet in juli")
    ScheduleSlot.objects.create(
        offer_location=place, weekday=2, start_time=time(19), end_time=time(21)
    )
    factories.make_activity(draft, title="Eerste avond", location=site)
    ErrorReport.objects.create(offer=published, message="Het telefoonnummer klopt niet.")
    return {"published": published, "draft": draft, "site": site}


def portal_pages(partner, portal):
    """Every portal page for offers, places, activities and reports, as (path, heading)."""
    base = f"/mijn/{partner.slug}"
    draft = portal["draft"]
    return [
        (f"{base}/", "Gezinsbond vzw"),
        (f"{base}/aanbod/", "Aanbod van Gezinsbond vzw"),
        (f"{base}/aanbod/nieuw/", "Nieuw aanbod"),
        (f"{base}/aanbod/{draft.pk}/", "Infoavond slapen"),
        (f"{base}/aanbod/{draft.pk}/plekken-en-uren/", "Infoavond slapen"),
        (f"{base}/aanbod/{draft.pk}/activiteiten/", "Infoavond slapen"),
        (f"{base}/aanbod/{draft.pk}/voorbeeld/", "Infoavond slapen"),
        (f"{base}/aanbod/{draft.pk}/geschiedenis/", "Infoavond slapen"),
        (f"{base}/plekken/", "Plekken van Gezinsbond vzw"),
        (f"{base}/plekken/nieuw/", "Nieuwe plek"),
        (f"{base}/plekken/{portal['site'].pk}/", "Gezinsbond Heverlee"),
        (f"{base}/meldingen/", "Meldingen over het aanbod van Gezinsbond vzw"),
    ]


def open_page(page, path, heading):
    response = page.goto(path)
    assert response.status == 200, path
    assert page.get_by_role("heading", level=1).inner_text() == heading


def labelled_for(label, title):
    """The accessible name of a button that repeats the item it is for in hidden text."""
    return re.compile(rf"^{re.escape(label)}\s*:\s*{re.escape(title)}$")


def test_an_editor_edits_and_publishes_an_offer_and_sees_it_on_the_public_page(
    page, partner, portal, member
):
    draft = portal["draft"]
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill("jan@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/mijn/")

    page.get_by_role("link", name="Gezinsbond vzw").first.click()
    page.wait_for_url(f"**/mijn/{partner.slug}/")
    page.get_by_role("link", name="Infoavond slapen", exact=True).click()
    page.wait_for_url(f"**/mijn/{partner.slug}/aanbod/{draft.pk}/")

    page.get_by_label("Titel").fill("Infoavond: beter slapen")
    page.get_by_label("Details kostprijs").fill("Gratis voor leden")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.get_by_text("Je wijzigingen zijn bewaard.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Infoavond: beter slapen")
    expect(page.get_by_text("Laatst gewijzigd door Jan Claes op")).to_be_visible()

    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("‘Infoavond: beter slapen’ is gepubliceerd")).to_be_visible()

    response = page.goto(Offer.objects.get(pk=draft.pk).get_absolute_url())
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Infoavond: beter slapen")
    expect(page.get_by_text("Gratis voor leden")).to_be_visible()
    expect(page.locator("strong", has_text="tips")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="tas koffie")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Eerste avond")).to_be_visible()


def test_an_editor_of_another_partner_gets_not_found(
    new_page, live_server, partner, other_partner, portal, outsider
):
    page = new_page()
    log_in(page, live_server, outsider)
    draft = portal["draft"]
    for path, _heading in portal_pages(partner, portal):
        assert page.goto(path).status == 404, path
    # Its own partner's address with the other partner's offer: not found either.
    assert page.goto(f"/mijn/{other_partner.slug}/aanbod/{draft.pk}/").status == 404
    draft.refresh_from_db()
    assert draft.title == "Infoavond slapen"


def test_still_correct_and_handling_a_report_from_the_dashboard(
    page, live_server, partner, portal, member
):
    log_in(page, live_server, member)
    page.goto(f"/mijn/{partner.slug}/")
    expect(page.get_by_text("1 aanbod moet nagekeken worden.")).to_be_visible()
    page.get_by_role("button", name=labelled_for("Nog steeds correct", "Babbelbox")).click()
    expect(page.get_by_text("‘Babbelbox’ is vandaag bevestigd als correct.")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Afgehandeld\s*:")).click()
    expect(page.get_by_text("De melding over ‘Babbelbox’ staat op afgehandeld.")).to_be_visible()
    expect(page.get_by_text("Er zijn geen open meldingen.")).to_be_visible()


def test_every_portal_page_passes_axe(page, live_server, partner, portal, member):
    log_in(page, live_server, member)
    for path, heading in portal_pages(partner, portal):
        open_page(page, path, heading)
        assert_accessible(page)


def test_forms_with_errors_pass_axe(page, live_server, partner, portal, member):
    log_in(page, live_server, member)
    open_page(page, f"/mijn/{partner.slug}/aanbod/nieuw/", "Nieuw aanbod")
    page.get_by_role("button", name="Bewaren als concept").click()
    expect(page.get_by_text("Er is niets bewaard.")).to_be_visible()
    assert_accessible(page)

    draft = portal["draft"]
    open_page(page, f"/mijn/{partner.slug}/aanbod/{draft.pk}/activiteiten/", "Infoavond slapen")
    page.locator("#id_activities-1-start_time").fill("21:00")
    page.locator("#id_activities-1-end_time").fill("19:00")
    page.locator("#id_activities-1-date").fill(
        (timezone.localdate() + timedelta(days=9)).isoformat()
    )
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.get_by_text("Het einduur moet na het beginuur liggen.")).to_be_visible()
    assert_accessible(page)


def test_a_refused_save_passes_axe(page, live_server, partner, portal, member):
    draft = portal["draft"]
    log_in(page, live_server, member)
    open_page(page, f"/mijn/{partner.slug}/aanbod/{draft.pk}/", "Infoavond slapen")
    # Someone else saves in the meantime.
    Offer.objects.filter(pk=draft.pk).update(version=2, title="Van een collega")
    page.get_by_label("Korte uitleg").fill("Mijn nieuwe uitleg")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.get_by_text("Iemand anders bewaarde dit aanbod")).to_be_visible()
    expect(page.get_by_label("Korte uitleg")).to_have_value("Mijn nieuwe uitleg")
    assert_accessible(page)


def test_every_portal_page_fits_a_phone(phone_page, live_server, partner, portal, member):
    log_in(phone_page, live_server, member)
    for path, heading in portal_pages(partner, portal):
        open_page(phone_page, path, heading)
        assert_no_horizontal_scroll(phone_page)
        assert_accessible(phone_page)


def test_the_forms_work_without_javascript(no_js_page, live_server, partner, portal, member):
    page = no_js_page
    log_in(page, live_server, member)

    open_page(page, f"/mijn/{partner.slug}/aanbod/nieuw/", "Nieuw aanbod")
    page.get_by_label("Titel").fill("Babymassage")
    page.get_by_label("Korte uitleg").fill("Leer je baby masseren.")
    page.get_by_label("Voor aanstaande ouders (tijdens de zwangerschap)").check()
    page.get_by_label("Spel en ontmoeting voor jonge kinderen").check()
    page.get_by_role("button", name="Bewaren als concept").click()
    expect(page.get_by_text("‘Babymassage’ is bewaard als concept.")).to_be_visible()
    offer = Offer.objects.get(title="Babymassage")

    # The fixed empty rows: one new place with two new times.
    page.locator("#id_places-0-location").select_option(
        label="Huis van het Kind Leuven – Teststraat 1, 3000"
    )
    page.locator("#id_places-0-slots-0-weekday").select_option(label="woensdag")
    page.locator("#id_places-0-slots-0-start_time").fill("09:30")
    page.locator("#id_places-0-slots-0-end_time").fill("11:00")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.get_by_text("De plekken en uren zijn bewaard.")).to_be_visible()
    place = offer.offer_locations.get()
    assert place.location.name == "Huis van het Kind Leuven"
    assert place.slots.get().start_time == time(9, 30)

    page.get_by_role("link", name="Activiteiten", exact=True).click()
    day = timezone.localdate() + timedelta(days=14)
    page.locator("#id_activities-0-date").fill(day.isoformat())
    page.locator("#id_activities-0-start_time").fill("10:00")
    page.locator("#id_activities-0-end_time").fill("11:30")
    page.locator("#id_activities-0-title").fill("Proefles")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.get_by_text("De activiteiten zijn bewaard.")).to_be_visible()
    assert Activity.objects.get(offer=offer).title == "Proefles"

    page.get_by_role("link", name="Gegevens", exact=True).click()
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("‘Babymassage’ is gepubliceerd")).to_be_visible()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED

    open_page(page, f"/mijn/{partner.slug}/plekken/nieuw/", "Nieuwe plek")
    page.get_by_label("Naam").fill("Gezinsbond Wilsele")
    page.get_by_label("Straat en nummer").fill("Kerkstraat 2")
    page.get_by_label("Postcode").select_option("3012")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.get_by_text("De plek ‘Gezinsbond Wilsele’ is toegevoegd.")).to_be_visible()
    assert Location.objects.get(name="Gezinsbond Wilsele").owner == partner
