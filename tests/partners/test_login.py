"""Logging in with the e-mail address, logging out, and the lockout after failed attempts."""

from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest
from django.test import RequestFactory
from django.urls import reverse

from common.client import client_ip_address
from partners.backends import EmailBackend, axes_username, normalise_address
from tests import factories

PASSWORD = "correct horse 42"


def post_login(client, username, password=PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


def logged_in_user_id(client):
    return client.session.get(SESSION_KEY)


def full_width(text):
    """The text in full-width letters (ｅｄｉｔｏｒ), which NFKC turns back into ASCII."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def test_it_shows_the_login_page_in_dutch(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "E-mailadres" in response.content.decode()


def test_it_logs_in_with_the_email_address_in_any_case(client, editor):
    response = post_login(client, "  EDITOR@Example.ORG ")
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:index")
    assert logged_in_user_id(client) == str(editor.pk)


def test_it_goes_to_the_page_asked_for_after_login(client, editor, partner):
    target = reverse("portal:profile", args=[partner.slug])
    response = client.post(
        reverse("login"), {"username": editor.email, "password": PASSWORD, "next": target}
    )
    assert response["Location"] == target


def test_it_refuses_a_next_url_on_another_site(client, editor):
    response = client.post(
        reverse("login"),
        {"username": editor.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("portal:index")


def test_a_wrong_password_gives_a_clear_message(client, editor):
    response = post_login(client, editor.email, "wrong password")
    assert response.status_code == 200
    assert logged_in_user_id(client) is None
    errors = response.context["form"].non_field_errors().as_data()
    assert [error.code for error in errors] == ["invalid_login"]
    assert "komen niet overeen" in response.content.decode()


def test_an_unknown_address_gets_the_same_message(client, db):
    response = post_login(client, "nobody@example.org")
    errors = response.context["form"].non_field_errors().as_data()
    assert [error.code for error in errors] == ["invalid_login"]


def test_an_inactive_account_cannot_log_in(client, db):
    factories.make_user(email="gone@example.org", is_active=False)
    response = post_login(client, "gone@example.org")
    assert response.status_code == 200
    assert logged_in_user_id(client) is None


def test_logged_in_people_are_sent_on_from_the_login_page(client, editor):
    client.force_login(editor)
    response = client.get(reverse("login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:index")


def test_logout_needs_a_post(client, editor):
    client.force_login(editor)
    assert client.get(reverse("logout")).status_code == 405
    assert logged_in_user_id(client) == str(editor.pk)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert logged_in_user_id(client) is None


def test_the_test_client_logs_in_when_given_a_request(client, editor):
    # django-axes needs a request in authenticate(); tests pass an empty one (or force_login).
    assert client.login(request=HttpRequest(), username=editor.email, password=PASSWORD)


class TestLockout:
    def test_it_locks_out_after_five_failures(self, client, editor, settings):
        assert settings.AXES_FAILURE_LIMIT == 5
        for _ in range(4):
            assert post_login(client, editor.email, "wrong").status_code == 200
        response = post_login(client, editor.email, "wrong")
        assert response.status_code == 429
        assert "registration/locked_out.html" in [t.name for t in response.templates]
        assert "15 minuten" in response.content.decode()

    def test_a_locked_out_person_cannot_log_in_with_the_right_password(self, client, editor):
        for _ in range(5):
            post_login(client, editor.email, "wrong")
        response = post_login(client, editor.email)
        assert response.status_code == 429
        assert logged_in_user_id(client) is None

    def test_failures_count_for_the_address_in_any_case(self, client, editor):
        for variant in ["editor@example.org", "EDITOR@example.org", "Editor@Example.org "] * 2:
            response = post_login(client, variant, "wrong")
        assert response.status_code == 429
        assert AccessAttempt.objects.get().username == "editor@example.org"

    def test_another_address_can_still_log_in(self, client, editor, manager):
        for _ in range(5):
            post_login(client, editor.email, "wrong")
        assert post_login(client, manager.email).status_code == 302

    def test_the_same_account_can_log_in_from_another_network(self, client, editor):
        for _ in range(5):
            post_login(client, editor.email, "wrong", REMOTE_ADDR="192.0.2.10")
        response = post_login(client, editor.email, REMOTE_ADDR="192.0.2.99")
        assert response.status_code == 302

    def test_a_success_resets_the_count(self, client, editor):
        for _ in range(4):
            post_login(client, editor.email, "wrong")
        assert post_login(client, editor.email).status_code == 302
        client.post(reverse("logout"))
        for _ in range(4):
            assert post_login(client, editor.email, "wrong").status_code == 200

    def test_the_admin_login_is_locked_out_too(self, client, coordinator):
        url = reverse("admin:login")
        for _ in range(5):
            response = client.post(url, {"username": coordinator.email, "password": "wrong"})
        assert response.status_code == 429

    @pytest.mark.parametrize("url_name", ["login", "admin:login"])
    def test_every_spelling_of_the_account_counts_on_one_counter(
        self, client, editor, coordinator, url_name
    ):
        account = editor if url_name == "login" else coordinator
        email = account.email
        for variant in [email.upper(), full_width(email), email.title(), f" {email} ", email]:
            response = client.post(reverse(url_name), {"username": variant, "password": "wrong"})
        assert response.status_code == 429
        for variant in [account.email, full_width(account.email), account.email.upper()]:
            response = client.post(reverse(url_name), {"username": variant, "password": PASSWORD})
            assert response.status_code == 429, variant
        assert AccessAttempt.objects.get().username == account.email
        # PostgreSQL finds the account for the dotless ı too; it must not get in that way.
        lookalike = account.email.replace("i", "ı")
        client.post(reverse(url_name), {"username": lookalike, "password": PASSWORD})
        assert logged_in_user_id(client) is None

    @pytest.mark.parametrize("lookalike", ["edıtor@example.org", "EDİTOR@example.org"])
    def test_a_lookalike_address_is_not_the_account(self, client, editor, lookalike):
        # PostgreSQL folds the dotless ı to I; the address is another one all the same.
        response = post_login(client, lookalike)
        assert response.status_code == 200
        assert logged_in_user_id(client) is None

    def test_no_spelling_gets_more_than_five_guesses_at_a_password(self, client, editor):
        spellings = [
            "editor@example.org",
            "EDITOR@EXAMPLE.ORG",
            full_width("editor@example.org"),
            "edıtor@example.org",
            "EDİTOR@example.org",
            "ｅdıtor@example.org",
            "EdItOr@ExAmPlE.oRg ",
            "\u212aim@example.org",
        ]
        with mock.patch.object(
            type(editor), "check_password", autospec=True, return_value=False
        ) as check_password:
            for _ in range(3):
                for spelling in spellings:
                    post_login(client, spelling, "wrong")
        checked = [call.args[0].pk for call in check_password.call_args_list]
        assert checked.count(editor.pk) == 5

    def test_a_success_on_another_spelling_resets_the_accounts_count(self, client, editor):
        for _ in range(4):
            post_login(client, editor.email, "wrong")
        assert post_login(client, full_width(editor.email)).status_code == 302
        client.post(reverse("logout"))
        for _ in range(4):
            assert post_login(client, editor.email, "wrong").status_code == 200

    def test_a_lookalike_that_logs_in_does_not_unlock_the_account(self, client, editor):
        lookalike = factories.make_user(email="edıtor@example.org")
        for _ in range(5):
            post_login(client, editor.email, "wrong")
        assert post_login(client, lookalike.email).status_code == 302
        client.post(reverse("logout"))
        assert post_login(client, editor.email).status_code == 429


@pytest.mark.parametrize("url_name", ["login", "admin:login"])
def test_a_login_name_longer_than_an_email_address_is_a_form_error(client, db, url_name):
    response = client.post(reverse(url_name), {"username": "a" * 300, "password": "x"})
    assert response.status_code == 200
    errors = response.context["form"].errors["username"]
    assert "254" in errors[0]
    assert not AccessAttempt.objects.exists()


class TestEmailBackend:
    def authenticate(self, username, password=PASSWORD):
        return EmailBackend().authenticate(HttpRequest(), username=username, password=password)

    def test_it_finds_the_account_by_address(self, editor):
        assert self.authenticate("Editor@Example.org") == editor

    def test_an_old_username_still_works(self, db):
        admin = factories.make_user(email="root@example.org", username="admin")
        assert self.authenticate("admin") == admin

    def test_accounts_differing_only_in_case_need_the_exact_address(self, db):
        lower = factories.make_user(email="jan@example.org")
        upper = factories.make_user(email="Jan@example.org")
        assert self.authenticate("JAN@example.org") is None
        assert self.authenticate("jan@example.org") == lower
        assert self.authenticate("Jan@example.org") == upper

    def test_it_needs_the_password(self, editor):
        assert self.authenticate(editor.email, "wrong") is None
        assert self.authenticate(editor.email, None) is None


def test_axes_counts_unknown_addresses_normalised(db):
    assert axes_username(None, {"username": " Jan@Example.ORG "}) == "jan@example.org"
    assert axes_username(None, {"username": "ｊａｎ@example.org"}) == "jan@example.org"
    assert axes_username(None, {"username": ""}) is None


def test_axes_counts_an_account_by_its_own_name(db):
    admin = factories.make_user(email="root@example.org", username="Admin")
    assert axes_username(None, {"username": "ROOT@example.org"}) == "admin"
    assert axes_username(None, {"username": admin.username}) == "admin"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  KIM@Example.ORG ", "kim@example.org"),
        ("ｋｉｍ＠ｅｘａｍｐｌｅ．ｏｒｇ", "kim@example.org"),
        ("\u212aim@example.org", "kim@example.org"),  # the Kelvin sign
        ("kım@example.org", "kım@example.org"),
        ("KİM@example.org", "ki\u0307m@example.org"),
        ("Straße@example.org", "strasse@example.org"),
        ("", ""),
    ],
)
def test_addresses_are_compared_in_one_form(typed, expected):
    assert normalise_address(typed) == expected


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5, 198.51.100.7", "10.0.0.1"),
        (1, "203.0.113.5, 198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.5, 198.51.100.7", "203.0.113.5"),
        (2, "forged, 203.0.113.5, 198.51.100.7", "203.0.113.5"),
        (2, "198.51.100.7", "198.51.100.7"),
        (1, "", "10.0.0.1"),
        (1, "not an address", "10.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_address_the_outermost_trusted_proxy_saw(
    settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXIES = proxies
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip_address(request) == expected


def test_a_forged_forwarded_entry_gives_no_more_guesses(client, editor, settings):
    # Behind one proxy, which adds the address it saw; what came before is the client's.
    settings.TRUSTED_PROXIES = 1
    for number in range(5):
        forwarded = f"203.0.113.{number}, 198.51.100.7"
        post_login(client, editor.email, "wrong", HTTP_X_FORWARDED_FOR=forwarded)
    response = post_login(client, editor.email, HTTP_X_FORWARDED_FOR="192.0.2.1, 198.51.100.7")
    assert response.status_code == 429


def test_behind_two_proxies_clients_are_counted_apart(client, editor, settings):
    # A content delivery network in front of our own proxy: its address is the last entry.
    settings.TRUSTED_PROXIES = 2
    for _ in range(5):
        post_login(client, editor.email, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.5, 192.0.2.9")
    response = post_login(client, editor.email, HTTP_X_FORWARDED_FOR="198.51.100.7, 192.0.2.9")
    assert response.status_code == 302
