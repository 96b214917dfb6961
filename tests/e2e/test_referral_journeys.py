"""A referral in a real browser: Gezinsbond's editor records the family's consent and sends it
to Wigwam's offer; the e-mail reaches Wigwam's staff, who open it, accept it, note the contact
and close it; a third partner's staff get 404. Every referral page passes axe, fits a phone
and works without JavaScript."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from referrals.models import Referral
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in


@pytest.fixture
def sender(partner):
    return factories.make_member(
        partner, email="jan@example.org", first_name="Jan", last_name="Claes"
    )


@pytest.fixture
def receiver(other_partner):
    return factories.make_member(
        other_partner, email="sara@wigwam.test", first_name="Sara", last_name="Peeters"
    )


@pytest.fixture
def third(db):
    return factories.make_member(
        factories.make_partner("Kind en Gezin", slug="kind-en-gezin"), email="an@kg.test"
    )


@pytest.fixture
def offer(other_partner):
    return factories.make_offer(other_partner, "Spelotheek")


def fill_consent(page, offer, *, consent="Ja, ze gaven toestemming"):
    page.get_by_label("Doorverwijzen naar").select_option(f"o-{offer.pk}")
    page.get_by_label(consent).check()
    page.get_by_label("0 tot 3 jaar").check()
    page.get_by_label("een ouder").check()
    page.get_by_label("mondeling").check()
    page.get_by_label("Ze gaven toestemming dat de gegevens").check()
    page.get_by_role("button", name="Volgende").click()


def fill_details(page):
    page.get_by_label("Voornaam of initialen").fill("Amira")
    page.get_by_label("telefoon", exact=True).check()
    page.get_by_label("Telefoonnummer, e-mail of adres").fill("0470 12 34 56")
    page.get_by_label("Voorkeurstaal").fill("Arabisch")
    page.get_by_label("Er is een tolk nodig").check()
    page.get_by_label("De vraag").fill("Zoekt andere ouders om samen te spelen.")
    page.get_by_role("button", name="De doorverwijzing versturen").click()


def test_a_referral_from_consent_to_closing_and_a_third_partner_gets_not_found(
    new_page, live_server, partner, other_partner, offer, sender, receiver, third
):
    page = new_page()
    log_in(page, live_server, sender)
    page.goto(f"/mijn/{partner.slug}/")
    page.get_by_role("link", name="Doorverwijzingen").click()
    page.get_by_role("link", name="Nieuwe doorverwijzing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe doorverwijzing: toestemming")
    fill_consent(page, offer)
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe doorverwijzing: de gegevens")
    expect(page.get_by_text("Spelotheek (Wigwam vzw)")).to_be_visible()
    fill_details(page)
    expect(page.get_by_text("De doorverwijzing is verstuurd naar Wigwam vzw.")).to_be_visible()
    referral = Referral.objects.get()

    # The mailbox: one e-mail to Wigwam's staff, with the link and no details of the family.
    [message] = mail.outbox
    assert message.to == ["sara@wigwam.test"]
    link = re.search(r"https?://\S+(/mijn/\S+)", message.body)[1]
    assert "Amira" not in message.body and "0470" not in message.body

    wigwam = new_page()
    log_in(wigwam, live_server, receiver)
    wigwam.goto(link)
    expect(wigwam.get_by_text("0470 12 34 56")).to_be_visible()
    expect(wigwam.get_by_text("geopend").first).to_be_visible()
    wigwam.get_by_role("button", name="Aanvaarden").click()
    expect(wigwam.get_by_text("Je aanvaardde de doorverwijzing.")).to_be_visible()
    wigwam.get_by_role("button", name="Contact gemaakt met het gezin").click()
    expect(wigwam.get_by_text("Genoteerd: er is contact gemaakt")).to_be_visible()
    wigwam.get_by_label("het gezin is geholpen").check()
    wigwam.get_by_role("button", name="De doorverwijzing afsluiten").click()
    expect(wigwam.get_by_text("De doorverwijzing is afgesloten.")).to_be_visible()
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == ("closed", "helped")
    # The sender heard of every step: opened, accepted, contact made, closed.
    assert [m.to for m in mail.outbox[1:]] == [["jan@example.org"]] * 4

    # Both sides see one timeline.
    page.goto(f"/mijn/{partner.slug}/doorverwijzingen/{referral.pk}/")
    timeline = page.get_by_role("region", name="Verloop")
    for status in ("verstuurd", "geopend", "aanvaard", "contact gemaakt", "afgesloten"):
        expect(timeline.get_by_text(status, exact=True)).to_be_visible()

    outsider = new_page()
    log_in(outsider, live_server, third)
    for slug in (partner.slug, other_partner.slug, "kind-en-gezin"):
        assert outsider.goto(f"/mijn/{slug}/doorverwijzingen/{referral.pk}/").status == 404
    assert outsider.goto(f"/mijn/{partner.slug}/doorverwijzingen/").status == 404


def test_without_consent_the_flow_stops_on_what_to_do_instead(
    page, live_server, partner, offer, sender
):
    log_in(page, live_server, sender)
    page.goto(f"/mijn/{partner.slug}/doorverwijzingen/nieuw/")
    page.get_by_label("Doorverwijzen naar").select_option(f"o-{offer.pk}")
    page.get_by_label("Nee, of nog niet gevraagd").check()
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Geen doorverwijzing zonder toestemming"
    )
    expect(page.get_by_role("link", name="De pagina van ‘Spelotheek’")).to_be_visible()
    assert_accessible(page)
    assert not Referral.objects.exists()


def referral_pages(page, partner, offer):
    """Walk through every page of a sender, also with errors: yields on each page."""
    base = f"/mijn/{partner.slug}/doorverwijzingen"
    page.goto(f"{base}/")
    yield
    page.goto(f"{base}/zonder-toestemming/?naar=o-{offer.pk}")
    yield
    page.goto(f"{base}/nieuw/")
    yield
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_text("Er is niets bewaard.")).to_be_visible()
    yield
    fill_consent(page, offer)
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuwe doorverwijzing: de gegevens")
    yield
    page.get_by_role("button", name="De doorverwijzing versturen").click()
    expect(page.get_by_text("Er is niets bewaard.")).to_be_visible()
    yield
    fill_details(page)
    expect(page.get_by_text("De doorverwijzing is verstuurd")).to_be_visible()
    yield


def test_every_referral_page_passes_axe_and_fits_a_phone(
    page, phone_page, live_server, partner, other_partner, offer, sender, receiver
):
    for browser_page in (page, phone_page):
        log_in(browser_page, live_server, sender)
        for _ in referral_pages(browser_page, partner, offer):
            assert_accessible(browser_page)
            assert_no_horizontal_scroll(browser_page)
    # The receiver's page, with the forms to answer, and one with an error.
    log_in(phone_page, live_server, receiver)
    referral = Referral.objects.first()
    phone_page.goto(f"/mijn/{other_partner.slug}/doorverwijzingen/{referral.pk}/")
    assert_accessible(phone_page)
    assert_no_horizontal_scroll(phone_page)
    phone_page.get_by_role("button", name="Weigeren").click()
    expect(phone_page.get_by_text("Er is niets bewaard.")).to_be_visible()
    assert_accessible(phone_page)
    assert_no_horizontal_scroll(phone_page)


def test_a_referral_is_sent_and_answered_without_javascript(
    new_page, live_server, partner, other_partner, offer, sender, receiver
):
    page = new_page(java_script_enabled=False)
    log_in(page, live_server, sender)
    page.goto(f"/mijn/{partner.slug}/doorverwijzingen/nieuw/")
    fill_consent(page, offer)
    fill_details(page)
    expect(page.get_by_text("De doorverwijzing is verstuurd")).to_be_visible()
    referral = Referral.objects.get()

    wigwam = new_page(java_script_enabled=False)
    log_in(wigwam, live_server, receiver)
    wigwam.goto(f"/mijn/{other_partner.slug}/doorverwijzingen/{referral.pk}/")
    wigwam.get_by_label("niet wat wij aanbieden").check()
    wigwam.get_by_role("button", name="Weigeren").click()
    expect(wigwam.get_by_text("Je weigerde de doorverwijzing.")).to_be_visible()
    referral.refresh_from_db()
    assert referral.status == "declined"


def test_the_coordinators_referral_pages_load_within_the_policy(
    new_page, live_server, coordinator, partner, other_partner, sender
):
    factories.make_referral(partner, other_partner, sent_by=sender)
    page = new_page()
    log_in(page, live_server, coordinator)
    for path in [
        "/admin/referrals/referral/",
        "/admin/referrals/referral/gegevensvraag/",
        "/admin/referrals/referral/gegevensvraag/?contact=0470123456",
        "/admin/referrals/accesslogentry/",
    ]:
        assert page.goto(path).status == 200, path
    expect(page.get_by_role("cell", name="gevonden bij een inzageverzoek")).to_be_visible()
