"""Forgotten passwords (reset by e-mail) and changing one's password."""

import re

from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from partners.forms import PASSWORD_RESETS_PER_ADDRESS, PASSWORD_RESETS_PER_CLIENT
from tests import factories
from tests.mail import committed

NEW_PASSWORD = "a brand new password 7"


def reset_link(message):
    match = re.search(r"https?://[^/\s]+(/account/nieuw-wachtwoord/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_reset_link_is_mailed_for_the_address_in_any_case(client, editor, mailoutbox):
    with committed():
        response = client.post(reverse("password_reset"), {"email": "EDITOR@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [editor.email]
    assert (
        message.subject == "Kies een nieuw wachtwoord voor het portaal van Huis van het Kind Leuven"
    )
    assert "Open deze link" in message.body


def test_the_link_sets_a_new_password(client, editor, mailoutbox):
    with committed():
        client.post(reverse("password_reset"), {"email": editor.email})
    link = reset_link(mailoutbox[0])

    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response["Location"] == reverse("password_reset_complete")
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    login = client.post(reverse("login"), {"username": editor.email, "password": NEW_PASSWORD})
    assert login.status_code == 302


def test_a_used_link_no_longer_works(client, editor, mailoutbox):
    with committed():
        client.post(reverse("password_reset"), {"email": editor.email})
    link = reset_link(mailoutbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert not response.context["validlink"]
    assert "werkt niet meer" in response.content.decode()


def test_the_account_is_found_as_the_login_finds_it(client, editor, mailoutbox):
    with committed():
        client.post(reverse("password_reset"), {"email": "EDITOR@ｅｘａｍｐｌｅ.ORG"})
    assert [message.to for message in mailoutbox] == [[editor.email]]


def test_a_lookalike_address_gets_no_mail(client, editor, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "edıtor@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mailoutbox == []


def test_an_unknown_address_gets_the_same_page_and_no_mail(client, db, mailoutbox):
    with committed():
        response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mailoutbox == []


def test_a_logged_in_person_changes_their_password(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "correct horse 42",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response["Location"] == reverse("password_change_done")
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    # Still logged in on this device.
    assert client.session[SESSION_KEY] == str(editor.pk)


def test_a_wrong_old_password_changes_nothing(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("old_password")
    editor.refresh_from_db()
    assert editor.check_password("correct horse 42")


def test_changing_the_password_needs_a_login(client, db):
    response = client.get(reverse("password_change"))
    assert response["Location"].startswith(reverse("login"))


def reset(client, email, **extra):
    with committed():
        return client.post(reverse("password_reset"), {"email": email}, **extra)


def test_one_address_gets_at_most_three_reset_mails_an_hour(client, editor, mailoutbox):
    spellings = [editor.email, editor.email.upper(), f" {editor.email} "]
    responses = [reset(client, spellings[n % 3], REMOTE_ADDR=f"192.0.2.{n}") for n in range(25)]
    assert len(mailoutbox) == PASSWORD_RESETS_PER_ADDRESS == 3
    # The page after it is the same every time: it tells nobody the limit was reached.
    assert {(r.status_code, r["Location"]) for r in responses} == {
        (302, reverse("password_reset_done"))
    }


def test_one_client_gets_at_most_ten_reset_requests_an_hour(client, db, mailoutbox):
    people = [factories.make_user(email=f"ouder{n}@example.org") for n in range(12)]
    responses = [reset(client, person.email) for person in people]
    assert len(mailoutbox) == PASSWORD_RESETS_PER_CLIENT == 10
    assert {r["Location"] for r in responses} == {reverse("password_reset_done")}
    other_client = reset(client, people[-1].email, REMOTE_ADDR="192.0.2.50")
    assert other_client["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 11


def test_requests_for_unknown_addresses_count_for_the_client_too(client, editor, mailoutbox):
    for number in range(10):
        reset(client, f"nobody{number}@example.org")
    reset(client, editor.email)
    assert mailoutbox == []


def test_a_forged_forwarded_entry_does_not_reset_the_client_count(client, db, mailoutbox, settings):
    settings.TRUSTED_PROXIES = 1
    people = [factories.make_user(email=f"ouder{n}@example.org") for n in range(12)]
    for number, person in enumerate(people):
        reset(client, person.email, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}, 198.51.100.7")
    assert len(mailoutbox) == 10
