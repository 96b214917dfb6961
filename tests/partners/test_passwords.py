"""Forgotten passwords (reset by e-mail) and changing one's password."""

import re

from django.contrib.auth import SESSION_KEY
from django.urls import reverse

NEW_PASSWORD = "a brand new password 7"


def reset_link(message):
    match = re.search(r"https?://[^/\s]+(/account/nieuw-wachtwoord/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_reset_link_is_mailed_for_the_address_in_any_case(client, editor, mailoutbox):
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
    client.post(reverse("password_reset"), {"email": "EDITOR@ｅｘａｍｐｌｅ.ORG"})
    assert [message.to for message in mailoutbox] == [[editor.email]]


def test_a_lookalike_address_gets_no_mail(client, editor, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "edıtor@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mailoutbox == []


def test_an_unknown_address_gets_the_same_page_and_no_mail(client, db, mailoutbox):
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
