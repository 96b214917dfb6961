"""Inviting a person to a partner's team, and following the e-mailed link."""

import re
import time
from datetime import timedelta
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.urls import reverse
from django.utils import timezone

from common import outbox
from common.models import OutgoingEmail
from partners.models import Invitation, Membership
from tests import factories
from tests.mail import committed

User = get_user_model()
PASSWORD = "a long and new password 9"


def invite(client, partner, email, role=Membership.Role.EDITOR):
    with committed():
        return client.post(
            reverse("portal:team", args=[partner.slug]), {"email": email, "role": role}
        )


def link_in(message):
    match = re.search(r"https?://[^/\s]+(/account/uitnodiging/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def make_invitation(partner, email="new@example.org", role=Membership.Role.EDITOR, **kwargs):
    return Invitation.objects.create(partner=partner, email=email, role=role, **kwargs)


def new_account_data(**overrides):
    return {
        "first_name": "An",
        "last_name": "Peeters",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }


class TestInviting:
    def test_a_manager_invites_a_person_by_email(self, client, manager, partner, mailoutbox):
        client.force_login(manager)
        response = invite(client, partner, " New.Person@Example.org ", Membership.Role.MANAGER)
        assert response.status_code == 302
        assert response["Location"] == reverse("portal:team", args=[partner.slug])
        invitation = Invitation.objects.get()
        assert invitation.email == "new.person@example.org"
        assert invitation.role == Membership.Role.MANAGER
        assert invitation.status == Invitation.Status.PENDING
        assert invitation.invited_by == manager
        assert len(mailoutbox) == 1
        message = mailoutbox[0]
        assert message.to == ["new.person@example.org"]
        assert partner.name in message.subject
        assert "Uitnodiging" in message.subject
        assert link_in(message) == invitation.get_accept_url()
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert invitation.get_accept_url() in html

    def test_the_team_page_shows_the_open_invitation(self, client, manager, partner):
        client.force_login(manager)
        invite(client, partner, "new@example.org")
        response = client.get(reverse("portal:team", args=[partner.slug]))
        assert list(response.context["invitations"]) == [Invitation.objects.get()]
        assert "new@example.org" in response.content.decode()

    def test_a_coordinator_invites_to_any_partner(self, client, coordinator, partner, mailoutbox):
        client.force_login(coordinator)
        assert invite(client, partner, "new@example.org").status_code == 302
        assert Invitation.objects.get().invited_by == coordinator
        assert len(mailoutbox) == 1

    def test_an_editor_cannot_invite(self, client, editor, partner, mailoutbox):
        client.force_login(editor)
        assert invite(client, partner, "new@example.org").status_code == 404
        assert not Invitation.objects.exists()
        assert mailoutbox == []

    @pytest.mark.parametrize(
        "address", ["editor@example.org", "EDITOR@Example.org", "editor@ｅｘａｍｐｌｅ.ORG"]
    )
    def test_inviting_a_member_gives_a_clear_message(
        self, client, manager, editor, partner, mailoutbox, address
    ):
        client.force_login(manager)
        response = invite(client, partner, address)
        assert response.status_code == 200
        assert response.context["form"].has_error("email", code="already_member")
        assert not Invitation.objects.exists()
        assert mailoutbox == []

    def test_the_address_is_stored_in_the_one_form_addresses_are_compared_in(
        self, client, manager, partner
    ):
        client.force_login(manager)
        invite(client, partner, " New@ｅｘａｍｐｌｅ.ORG ")
        assert Invitation.objects.get().email == "new@example.org"

    def test_a_member_of_another_partner_can_be_invited(self, client, manager, outsider, partner):
        client.force_login(manager)
        assert invite(client, partner, outsider.email).status_code == 302
        assert Invitation.objects.get().email == outsider.email

    def test_an_invalid_address_keeps_what_was_typed(self, client, manager, partner):
        client.force_login(manager)
        response = invite(client, partner, "not an address", Membership.Role.MANAGER)
        form = response.context["form"]
        assert form.has_error("email")
        assert form["role"].value() == Membership.Role.MANAGER
        assert 'value="not an address"' in response.content.decode()
        assert not Invitation.objects.exists()

    def test_inviting_again_replaces_the_open_invitation(
        self, client, manager, partner, mailoutbox
    ):
        client.force_login(manager)
        invite(client, partner, "new@example.org")
        invite(client, partner, "NEW@example.org", Membership.Role.MANAGER)
        first, second = Invitation.objects.order_by("pk")
        assert first.status == Invitation.Status.REPLACED
        assert second.status == Invitation.Status.PENDING
        assert second.role == Membership.Role.MANAGER
        assert len(mailoutbox) == 2
        response = client.get(link_in(mailoutbox[0]))
        assert response.status_code == 410
        assert response.context["reason"] == "replaced"

    def test_a_mail_server_failure_keeps_the_invitation_and_its_mail(
        self, client, manager, partner, settings, mailoutbox
    ):
        client.force_login(manager)
        settings.EMAIL_BACKEND = "tests.mail.FailingBackend"
        response = invite(client, partner, "new@example.org")
        assert response.status_code == 302
        assert Invitation.objects.get().status == Invitation.Status.PENDING
        page = client.get(response["Location"])
        assert [m.level_tag for m in page.context["messages"]] == ["success"]
        mail = OutgoingEmail.objects.get()
        assert (mail.recipients, mail.status, mail.attempts) == ("new@example.org", "pending", 1)
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        outbox.send_queued(now=mail.next_attempt_at)
        assert [m.to for m in mailoutbox] == [["new@example.org"]]

    def test_the_email_is_dutch_whatever_language_the_sender_uses(
        self, client, manager, partner, mailoutbox
    ):
        client.force_login(manager)
        with committed():
            client.post(
                "/en" + reverse("portal:team", args=[partner.slug]),
                {"email": "new@example.org", "role": "editor"},
            )
        assert "nodigt je uit" in mailoutbox[0].body
        assert "/en/" not in link_in(mailoutbox[0])


class TestAcceptingAsANewPerson:
    def test_it_asks_for_name_and_password(self, client, partner):
        invitation = make_invitation(partner)
        response = client.get(invitation.get_accept_url())
        assert response.status_code == 200
        assert set(response.context["form"].fields) == {
            "first_name",
            "last_name",
            "password1",
            "password2",
        }
        assert "new@example.org" in response.content.decode()

    def test_it_creates_the_account_and_the_membership(self, client, manager, partner, mailoutbox):
        client.force_login(manager)
        invite(client, partner, "New@Example.org", Membership.Role.MANAGER)
        client.post(reverse("logout"))
        url = link_in(mailoutbox[0])

        response = client.post(url, new_account_data())

        assert response.status_code == 302
        assert response["Location"] == reverse("portal:dashboard", args=[partner.slug])
        user = User.objects.get(email="new@example.org")
        assert user.username == "new@example.org"
        assert user.get_full_name() == "An Peeters"
        assert user.check_password(PASSWORD)
        assert Membership.objects.get(user=user).role == Membership.Role.MANAGER
        invitation = Invitation.objects.get()
        assert invitation.status == Invitation.Status.ACCEPTED
        assert invitation.accepted_by == user
        assert client.session[SESSION_KEY] == str(user.pk)
        assert client.get(response["Location"]).status_code == 200

    def test_the_new_person_can_log_in_afterwards(self, client, partner):
        invitation = make_invitation(partner)
        client.post(invitation.get_accept_url(), new_account_data())
        client.post(reverse("logout"))
        response = client.post(
            reverse("login"), {"username": "NEW@example.org", "password": PASSWORD}
        )
        assert response.status_code == 302

    def test_a_weak_password_is_refused_and_the_names_are_kept(self, client, partner):
        invitation = make_invitation(partner)
        response = client.post(
            invitation.get_accept_url(), new_account_data(password1="1234", password2="1234")
        )
        assert response.status_code == 200
        assert response.context["form"].has_error("password2")
        assert 'value="Peeters"' in response.content.decode()
        assert not User.objects.filter(email="new@example.org").exists()
        assert Invitation.objects.get().status == Invitation.Status.PENDING

    def test_different_passwords_are_refused(self, client, partner):
        invitation = make_invitation(partner)
        response = client.post(
            invitation.get_accept_url(), new_account_data(password2="another long password 9")
        )
        assert response.context["form"].has_error("password2", code="password_mismatch")
        assert not User.objects.filter(email="new@example.org").exists()

    def test_a_second_submit_creates_nothing_twice(self, client, partner):
        invitation = make_invitation(partner)
        url = invitation.get_accept_url()
        client.post(url, new_account_data())
        client.post(reverse("logout"))
        response = client.post(url, new_account_data())
        assert response.status_code == 410
        assert response.context["reason"] == "accepted"
        assert User.objects.filter(email="new@example.org").count() == 1
        assert Membership.objects.filter(partner=partner).count() == 1


class TestAcceptingWithAnExistingAccount:
    def test_it_asks_to_log_in_first(self, client, outsider, partner):
        invitation = make_invitation(partner, email="OUTSIDER@example.org")
        url = invitation.get_accept_url()
        response = client.get(url)
        assert response.status_code == 200
        assert "form" not in response.context
        assert response.context["login_url"] == f"{reverse('login')}?{urlencode({'next': url})}"

    def test_after_logging_in_the_person_accepts(self, client, outsider, partner):
        invitation = make_invitation(partner, email=outsider.email, role=Membership.Role.MANAGER)
        url = invitation.get_accept_url()
        login = client.post(
            reverse("login"),
            {"username": outsider.email, "password": "correct horse 42", "next": url},
        )
        assert login["Location"] == url
        assert client.get(url).status_code == 200
        assert not Membership.objects.filter(user=outsider, partner=partner).exists()

        response = client.post(url)

        assert response["Location"] == reverse("portal:dashboard", args=[partner.slug])
        assert Membership.objects.get(user=outsider, partner=partner).role == "manager"
        # Still a member of their first partner too.
        assert outsider.memberships.count() == 2
        assert Invitation.objects.get().status == Invitation.Status.ACCEPTED

    def test_the_invited_person_may_have_spelled_the_address_otherwise(
        self, client, outsider, partner
    ):
        invitation = make_invitation(partner, email="outsider@ｅｘａｍｐｌｅ.org")
        client.force_login(outsider)
        assert client.post(invitation.get_accept_url()).status_code == 302
        assert Membership.objects.filter(user=outsider, partner=partner).exists()

    def test_a_lookalike_address_is_someone_else(self, client, outsider, partner):
        invitation = make_invitation(partner, email="outsıder@example.org")
        client.force_login(outsider)
        assert client.post(invitation.get_accept_url()).status_code == 403
        assert not Membership.objects.filter(user=outsider, partner=partner).exists()

    def test_a_member_meanwhile_keeps_their_role(self, client, editor, partner):
        invitation = make_invitation(partner, email=editor.email, role=Membership.Role.MANAGER)
        client.force_login(editor)
        response = client.post(invitation.get_accept_url())
        assert response.status_code == 302
        assert Membership.objects.get(user=editor, partner=partner).role == "editor"
        assert Invitation.objects.get().status == Invitation.Status.ACCEPTED

    def test_someone_else_logged_in_cannot_accept(self, client, outsider, manager, partner):
        invitation = make_invitation(partner, email=outsider.email)
        client.force_login(manager)
        assert client.get(invitation.get_accept_url()).status_code == 403
        response = client.post(invitation.get_accept_url())
        assert response.status_code == 403
        assert not Membership.objects.filter(user=outsider, partner=partner).exists()
        assert Invitation.objects.get().status == Invitation.Status.PENDING

    def test_a_logged_in_person_cannot_take_an_invitation_for_a_new_address(
        self, client, outsider, partner
    ):
        invitation = make_invitation(partner, email="new@example.org")
        client.force_login(outsider)
        response = client.post(invitation.get_accept_url(), new_account_data())
        assert response.status_code == 403
        assert not User.objects.filter(email="new@example.org").exists()


class TestLinksThatNoLongerWork:
    def test_an_expired_link_gets_a_clear_page(self, client, partner):
        invitation = make_invitation(partner)
        eight_days_ago = time.time() - timedelta(days=8).total_seconds()
        with mock.patch("time.time", return_value=eight_days_ago):
            url = invitation.get_accept_url()
        response = client.get(url)
        assert response.status_code == 410
        assert response.context["reason"] == "expired"
        assert "verlopen" in response.content.decode()

    def test_an_old_invitation_has_expired_whatever_its_link(self, client, partner):
        invitation = make_invitation(partner, created_at=timezone.now() - timedelta(days=8))
        response = client.post(invitation.get_accept_url(), new_account_data())
        assert response.status_code == 410
        assert response.context["reason"] == "expired"
        assert not User.objects.filter(email="new@example.org").exists()

    def test_a_link_still_works_on_its_last_day(self, client, partner):
        invitation = make_invitation(partner, created_at=timezone.now() - timedelta(days=6))
        assert client.get(invitation.get_accept_url()).status_code == 200

    @pytest.mark.parametrize(
        "tamper",
        [
            lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
            lambda token: "999" + token[token.index(":") :],
            lambda token: token.split(":")[0],
            lambda token: "nonsense",
        ],
        ids=["signature", "invitation id", "no signature", "garbage"],
    )
    def test_a_changed_link_gets_a_clear_page(self, client, partner, tamper):
        invitation = make_invitation(partner)
        url = reverse("invitation_accept", args=[tamper(invitation.make_token())])
        response = client.get(url)
        assert response.status_code == 400
        assert response.context["reason"] == "invalid"
        assert client.post(url, new_account_data()).status_code == 400
        assert not User.objects.filter(email="new@example.org").exists()

    def test_a_used_link_gets_a_clear_page(self, client, partner):
        invitation = make_invitation(partner)
        client.post(invitation.get_accept_url(), new_account_data())
        response = client.get(invitation.get_accept_url())
        assert response.status_code == 410
        assert response.context["reason"] == "accepted"

    def test_a_withdrawn_link_gets_a_clear_page(self, client, manager, partner, mailoutbox):
        client.force_login(manager)
        invite(client, partner, "new@example.org")
        invitation = Invitation.objects.get()
        client.post(reverse("portal:invitation_revoke", args=[partner.slug, invitation.pk]))
        client.post(reverse("logout"))
        response = client.post(link_in(mailoutbox[0]), new_account_data())
        assert response.status_code == 410
        assert response.context["reason"] == "revoked"
        assert not User.objects.filter(email="new@example.org").exists()

    def test_a_link_to_a_deleted_invitation_gets_a_clear_page(self, client, partner):
        invitation = make_invitation(partner)
        url = invitation.get_accept_url()
        invitation.delete()
        assert client.get(url).status_code == 410

    def test_a_link_made_for_something_else_is_refused(self, client, partner):
        from django.core import signing

        token = signing.TimestampSigner(salt="another.purpose").sign("1")
        assert client.get(reverse("invitation_accept", args=[token])).status_code == 400


def test_an_account_made_meanwhile_is_not_duplicated(client, partner):
    invitation = make_invitation(partner)
    url = invitation.get_accept_url()
    factories.make_user(email="NEW@example.org")
    response = client.post(url, new_account_data())
    # The page now asks to log in instead of making a second account.
    assert response.status_code == 200
    assert "login_url" in response.context
    assert User.objects.filter(email__iexact="new@example.org").count() == 1
