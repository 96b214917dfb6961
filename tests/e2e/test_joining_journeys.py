"""Becoming a partner in a real browser: an organisation applies on "Partner worden", a
coordinator approves it in the admin, the contact person follows the e-mailed invitation and
lands in the new partner's portal; and a manager signs a new version of the declaration. The
new pages pass axe, fit a phone and work without JavaScript."""

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from playwright.sync_api import expect

from partners.models import Application, Membership, Partner, Signature
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in

DECLARATION_2014 = (
    Path(settings.BASE_DIR) / "partners" / "data" / "engagementsverklaring-2014.txt"
).read_text(encoding="utf-8")
PASSWORD = "een lang en nieuw wachtwoord 7"


def field(label):
    """A form field's accessible name: its label, with the asterisk of a required field."""
    return re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$")


def wait_for_path(page, path):
    page.wait_for_url(lambda url: urlsplit(url).path == path)


@pytest.fixture(autouse=True)
def no_applications_counted():
    # The live server shares this process's cache, where the rate limit counts applications.
    cache.clear()


@pytest.fixture
def declaration(db):
    return factories.make_declaration(
        "2014",
        title="Engagementsverklaring Huis van het Kind Leuven",
        text=DECLARATION_2014,
        effective_from=date(2014, 11, 13),
    )


@pytest.fixture
def mailbox(mailoutbox):
    # The live server runs in this process and sends to the in-memory outbox.
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    return mailoutbox


def fill_application(page):
    page.get_by_label(field("Naam van de organisatie")).fill("Speelotheek De Ketter")
    page.get_by_label(field("Soort")).select_option("nonprofit")
    page.get_by_label(field("Adres")).fill("Diestsesteenweg 1, 3010 Kessel-Lo")
    page.get_by_label(field("Website")).fill("speelotheek.example.org")
    page.get_by_label(field("Wat biedt je organisatie gezinnen aan?")).fill(
        "Speelgoed lenen en samen spelen."
    )
    page.get_by_label("Spel en ontmoeting voor jonge kinderen").check()
    page.get_by_label(field("Contactpersoon")).fill("Lies Janssens")
    page.get_by_label(field("E-mailadres van de contactpersoon")).fill("lies@example.org")
    page.get_by_label(field("Naam van wie ondertekent")).fill("Jan Peeters")
    page.get_by_label(field("Functie van wie ondertekent")).fill("voorzitter")


def test_an_application_becomes_a_partner_whose_contact_lands_in_its_portal(
    new_page, live_server, coordinator, declaration, mailbox
):
    applicant = new_page()
    applicant.goto("/")
    applicant.get_by_role("link", name="Partner worden").click()
    wait_for_path(applicant, "/partner-worden/")
    expect(applicant.get_by_role("heading", level=1)).to_have_text("Partner worden")
    expect(
        applicant.get_by_text("Deze engagementsverklaring gaat in op 13 november 2014.")
    ).to_be_visible()
    assert_accessible(applicant)

    # Forgetting the tick loses nothing: the message says what is missing.
    fill_application(applicant)
    applicant.get_by_role("button", name="Ondertekenen en aanvraag versturen").click()
    expect(
        applicant.get_by_text("Vink dit vakje aan om de engagementsverklaring te ondertekenen.")
    ).to_be_visible()
    expect(applicant.get_by_label(field("Contactpersoon"))).to_have_value("Lies Janssens")
    assert_accessible(applicant)
    assert not Application.objects.exists()

    applicant.get_by_label(
        "Namens Speelotheek De Ketter onderteken ik de engagementsverklaring (versie 2014)."
    ).check()
    applicant.get_by_role("button", name="Ondertekenen en aanvraag versturen").click()
    expect(applicant.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanvraag")
    assert_accessible(applicant)
    application = Application.objects.get()

    admin = new_page()
    log_in(admin, live_server, coordinator)
    admin.goto("/admin/partners/application/")
    admin.get_by_role("link", name="Speelotheek De Ketter").click()
    admin.get_by_role(
        "button", name="Goedkeuren: partner aanmaken en contactpersoon uitnodigen"
    ).click()
    expect(admin.get_by_text("Speelotheek De Ketter is nu een actieve partner.")).to_be_visible()
    partner = Partner.objects.get()
    assert partner.status == Partner.Status.ACTIVE
    assert Signature.objects.get(partner=partner).declaration == declaration
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED

    (invitation,) = mailbox
    assert invitation.to == ["lies@example.org"]
    link = re.search(r"https?://[^/\s]+(/account/uitnodiging/\S+/)", invitation.body).group(1)

    person = new_page()
    person.goto(link)
    person.get_by_label("Voornaam").fill("Lies")
    person.get_by_label("Achternaam").fill("Janssens")
    person.get_by_label(field("Wachtwoord")).fill(PASSWORD)
    person.get_by_label(field("Bevestiging wachtwoord")).fill(PASSWORD)
    person.get_by_role("button", name="Account maken en lid worden").click()
    wait_for_path(person, f"/mijn/{partner.slug}/")
    expect(person.get_by_role("heading", level=1)).to_have_text("Speelotheek De Ketter")
    expect(person.get_by_text("Welkom in het team van Speelotheek De Ketter.")).to_be_visible()
    # It signed the current version with its application: nothing to sign now.
    expect(person.get_by_text("Nieuwe versie van de engagementsverklaring")).to_have_count(0)
    lies = get_user_model().objects.get(email="lies@example.org")
    assert lies.memberships.get().partner == partner
    assert lies.memberships.get().role == Membership.Role.MANAGER


@pytest.fixture
def new_version(declaration, partner):
    Signature.objects.create(declaration=declaration, partner=partner, signed_on=date(2014, 11, 13))
    return factories.make_declaration(
        "2026",
        title="Engagementsverklaring Huis van het Kind Leuven 2026",
        text="Engagementsverklaring Huis van het Kind Leuven 2026\n\nDe partners engageren "
        "zich om:\n\n- gezinnen **vraaggericht** te ondersteunen;\n- samen te werken.",
        effective_from=date(2026, 1, 1),
    )


def test_a_manager_signs_a_new_version_in_the_portal(
    page, live_server, manager, partner, new_version
):
    log_in(page, live_server, manager)
    page.goto(f"/mijn/{partner.slug}/")
    banner = page.get_by_role("status").filter(
        has_text="Nieuwe versie van de engagementsverklaring"
    )
    expect(banner).to_be_visible()
    assert_accessible(page)
    banner.get_by_role("link", name="Lees en onderteken de nieuwe versie").click()
    wait_for_path(page, f"/mijn/{partner.slug}/engagementsverklaring/")
    assert_accessible(page)

    page.get_by_label(field("Naam van wie ondertekent")).fill("Mieke Claes")
    page.get_by_role("button", name="Ondertekenen").click()
    expect(page.get_by_text("Er is niets ondertekend.")).to_be_visible()
    assert_accessible(page)
    expect(page.get_by_label(field("Naam van wie ondertekent"))).to_have_value("Mieke Claes")

    page.get_by_label(field("Functie van wie ondertekent")).fill("directeur")
    page.get_by_label(
        "Namens Gezinsbond vzw onderteken ik de engagementsverklaring (versie 2026)."
    ).check()
    page.get_by_role("button", name="Ondertekenen").click()
    wait_for_path(page, f"/mijn/{partner.slug}/")
    expect(
        page.get_by_text("Gezinsbond vzw heeft de engagementsverklaring ondertekend (versie 2026).")
    ).to_be_visible()
    expect(banner).to_have_count(0)

    page.goto("/over-ons/")
    expect(page.locator(".signatories li").filter(has_text="Gezinsbond vzw")).to_contain_text(
        "versie 2026, ondertekend op"
    )
    assert_accessible(page)


def test_the_new_pages_fit_a_phone(phone_page, live_server, manager, partner, new_version):
    phone_page.goto("/partner-worden/")
    assert_no_horizontal_scroll(phone_page)
    phone_page.get_by_role("button", name="Ondertekenen en aanvraag versturen").click()
    expect(phone_page.get_by_text("Er is niets verstuurd.")).to_be_visible()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)

    log_in(phone_page, live_server, manager)
    for path in (f"/mijn/{partner.slug}/", f"/mijn/{partner.slug}/engagementsverklaring/"):
        phone_page.goto(path)
        assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_applying_and_signing_work_without_javascript(
    no_js_page, live_server, manager, partner, new_version
):
    page = no_js_page
    page.goto("/partner-worden/")
    expect(page.get_by_text("Versie 2026, van kracht sinds")).to_be_visible()
    fill_application(page)
    page.get_by_label(re.compile(r"onderteken ik de engagementsverklaring \(versie 2026\)")).check()
    page.get_by_role("button", name="Ondertekenen en aanvraag versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je aanvraag")
    assert Application.objects.get().declaration == new_version

    log_in(page, live_server, manager)
    page.goto(f"/mijn/{partner.slug}/engagementsverklaring/")
    page.get_by_label(field("Naam van wie ondertekent")).fill("Mieke Claes")
    page.get_by_label(field("Functie van wie ondertekent")).fill("directeur")
    page.get_by_label(re.compile(r"onderteken ik de engagementsverklaring \(versie 2026\)")).check()
    page.get_by_role("button", name="Ondertekenen").click()
    wait_for_path(page, f"/mijn/{partner.slug}/")
    assert new_version.signatures.filter(partner=partner).exists()
