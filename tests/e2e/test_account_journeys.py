"""Accounts in a real browser: an invitation from e-mail to membership, logging in and out, and
the account and portal pages being accessible, fitting a phone and working without JavaScript."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from partners.models import Invitation, Membership
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in

PASSWORD = "correct horse 42"  # what tests.factories.make_user gives everyone
NEW_PASSWORD = "een lang en nieuw wachtwoord 7"


def field(label):
    """A form field's accessible name: its label, with the asterisk of a required field."""
    return re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$")


def wait_for_path(page, path):
    page.wait_for_url(lambda url: urlsplit(url).path == path)


def log_in_with_the_form(page, email, password):
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()


def link_in(message, path_pattern):
    """The path of the link in an e-mail whose path matches `path_pattern`."""
    match = re.search(rf"https?://[^/\s]+({path_pattern})", message.body)
    assert match, message.body
    return match.group(1)


@pytest.fixture
def mailbox(mailoutbox):
    """What the site sends: the live server runs in this process, and pytest-django's test
    settings send mail to the in-memory outbox."""
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    return mailoutbox


@pytest.fixture
def busy_team(partner, manager):
    """A team with a colleague and an open invitation, so both tables have rows."""
    factories.make_member(
        partner, email="marie-louise.vandenbroeck@example.org", first_name="Marie-Louise"
    )
    Invitation.objects.create(
        partner=partner, email="iemand.met.een.lang.adres@example.org", invited_by=manager
    )


def anonymous_pages():
    """Account pages for people who are not logged in, as (path, heading)."""
    return [
        ("/account/inloggen/", "Aanmelden voor partners"),
        ("/account/wachtwoord-vergeten/", "Wachtwoord vergeten?"),
    ]


def member_pages(partner):
    """Portal and account pages of a logged-in manager, as (path, heading)."""
    return [
        ("/mijn/", "Mijn organisatie"),
        (f"/mijn/{partner.slug}/", partner.name),
        (f"/mijn/{partner.slug}/team/", f"Team van {partner.name}"),
        (f"/mijn/{partner.slug}/profiel/", f"Profiel van {partner.name}"),
        ("/account/wachtwoord-wijzigen/", "Wachtwoord wijzigen"),
    ]


def open_page(page, path, heading):
    response = page.goto(path)
    assert response.status == 200, path
    assert page.get_by_role("heading", level=1).inner_text() == heading


def test_an_invitation_is_accepted_end_to_end(new_page, live_server, manager, partner, mailbox):
    inviter = new_page()
    log_in(inviter, live_server, manager)
    inviter.goto(f"/mijn/{partner.slug}/team/")
    invite = inviter.get_by_role("region", name="Iemand uitnodigen")
    invite.get_by_label("E-mailadres").fill("An.Peeters@example.org")
    invite.get_by_label("Rol").select_option("editor")
    inviter.get_by_role("button", name="Uitnodiging versturen").click()
    expect(
        inviter.get_by_text("Er is een uitnodiging naar an.peeters@example.org gestuurd.")
    ).to_be_visible()
    (invitation,) = mailbox
    assert invitation.to == ["an.peeters@example.org"]
    link = link_in(invitation, r"/account/uitnodiging/\S+/")

    page = new_page()
    open_page(page, link, f"Word lid van het team van {partner.name}")
    assert_accessible(page)
    page.get_by_label("Voornaam").fill("An")
    page.get_by_label("Achternaam").fill("Peeters")
    page.get_by_label(field("Wachtwoord")).fill(NEW_PASSWORD)
    page.get_by_label(field("Bevestiging wachtwoord")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Account maken en lid worden").click()
    wait_for_path(page, f"/mijn/{partner.slug}/")
    expect(page.get_by_text(f"Welkom in het team van {partner.name}.")).to_be_visible()
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()

    person = get_user_model().objects.get(email="an.peeters@example.org")
    assert person.get_full_name() == "An Peeters"
    assert person.check_password(NEW_PASSWORD)
    assert person.memberships.get().partner == partner
    assert person.memberships.get().role == Membership.Role.EDITOR

    # The link worked once: following it again explains that, it does not log anyone in.
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Deze uitnodiging is al aanvaard")


def test_an_editor_logs_in_with_email_and_password_and_logs_out(page, editor, partner):
    page.goto(f"/mijn/{partner.slug}/")
    wait_for_path(page, "/account/inloggen/")
    log_in_with_the_form(page, "Editor@Example.org", PASSWORD)
    wait_for_path(page, f"/mijn/{partner.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(partner.name)

    page.get_by_role("button", name="Afmelden").click()
    wait_for_path(page, "/")
    expect(page.get_by_role("link", name="Mijn organisatie")).to_have_count(0)
    expect(page.get_by_role("link", name="Netwerk", exact=True)).to_have_count(0)
    page.goto("/mijn/")
    wait_for_path(page, "/account/inloggen/")


def test_every_account_page_passes_axe(page, live_server, manager, partner, busy_team):
    for path, heading in anonymous_pages():
        open_page(page, path, heading)
        assert_accessible(page)

    page.goto("/account/inloggen/")
    log_in_with_the_form(page, "manager@example.org", "not the password")
    expect(
        page.get_by_text("Dit e-mailadres en dit wachtwoord komen niet overeen.")
    ).to_be_visible()
    assert_accessible(page)

    log_in(page, live_server, manager)
    for path, heading in member_pages(partner):
        open_page(page, path, heading)
        assert_accessible(page)


def test_every_account_page_fits_a_phone(phone_page, live_server, manager, partner, busy_team):
    for path, heading in anonymous_pages():
        open_page(phone_page, path, heading)
        assert_no_horizontal_scroll(phone_page)
    log_in(phone_page, live_server, manager)
    for path, heading in member_pages(partner):
        open_page(phone_page, path, heading)
        assert_no_horizontal_scroll(phone_page)
        if path.endswith("/team/"):
            # Its table and forms change most on a phone: axe it there too.
            assert_accessible(phone_page)


def test_accounts_work_without_javascript(no_js_page, manager, partner, mailbox):
    page = no_js_page
    page.goto("/account/wachtwoord-vergeten/")
    page.get_by_label("E-mailadres").fill("manager@example.org")
    page.get_by_role("button", name="Link versturen").click()
    wait_for_path(page, "/account/wachtwoord-vergeten/verstuurd/")
    (reset,) = mailbox
    assert reset.to == ["manager@example.org"]
    page.goto(link_in(reset, r"/account/nieuw-wachtwoord/\S+/"))
    page.get_by_label(field("Nieuw wachtwoord")).fill(NEW_PASSWORD)
    page.get_by_label(field("Nieuw wachtwoord bevestigen")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Nieuw wachtwoord bewaren").click()
    wait_for_path(page, "/account/nieuw-wachtwoord/klaar/")

    page.goto("/account/inloggen/")
    log_in_with_the_form(page, "manager@example.org", NEW_PASSWORD)
    wait_for_path(page, "/mijn/")
    for path, heading in member_pages(partner):
        open_page(page, path, heading)

    page.goto(f"/mijn/{partner.slug}/team/")
    page.get_by_role("region", name="Iemand uitnodigen").get_by_label("E-mailadres").fill(
        "nieuw@example.org"
    )
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(
        page.get_by_text("Er is een uitnodiging naar nieuw@example.org gestuurd.")
    ).to_be_visible()
    assert mailbox[-1].to == ["nieuw@example.org"]

    page.get_by_role("button", name="Afmelden").click()
    wait_for_path(page, "/")
    expect(page.get_by_role("button", name="Afmelden")).to_have_count(0)
