"""What coordinators do in the admin: partners, memberships and invitations, history, people."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from partners.models import Invitation, Membership, Partner, is_coordinator
from tests import factories
from tests.mail import committed


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:partners_partner_changelist",
        "admin:partners_membership_changelist",
        "admin:partners_invitation_changelist",
        "admin:partners_invitation_add",
        "admin:axes_accessattempt_changelist",
    ],
)
def test_a_coordinator_uses_the_admin(client, coordinator, partner, manager, url_name):
    Invitation.objects.create(partner=partner, email="new@example.org")
    client.force_login(coordinator)
    assert client.get(reverse(url_name)).status_code == 200


def test_the_coordinators_group_holds_the_new_permissions(db):
    codenames = set(
        Group.objects.get(name="Coordinators").permissions.values_list("codename", flat=True)
    )
    assert {
        "add_invitation",
        "change_invitation",
        "view_historicalpartner",
        "delete_accessattempt",
    } <= codenames


def test_a_coordinator_invites_from_the_admin(client, coordinator, partner, mailoutbox):
    client.force_login(coordinator)
    with committed():
        response = client.post(
            reverse("admin:partners_invitation_add"),
            {"partner": partner.pk, "email": "New@Example.org", "role": "manager"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "new@example.org",
        "manager",
        coordinator,
    )
    assert len(mailoutbox) == 1
    assert invitation.get_accept_url() in mailoutbox[0].body


def test_the_admin_refuses_to_invite_a_member(client, coordinator, editor, partner, mailoutbox):
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:partners_invitation_add"),
        {"partner": partner.pk, "email": editor.email, "role": "editor"},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("email", code="already_member")
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_the_admin_withdraws_and_resends_invitations(client, coordinator, partner, mailoutbox):
    invitation = Invitation.objects.create(partner=partner, email="new@example.org")
    client.force_login(coordinator)
    changelist = reverse("admin:partners_invitation_changelist")
    client.post(changelist, {"action": "revoke_selected", "_selected_action": [invitation.pk]})
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED

    with committed():
        client.post(changelist, {"action": "send_again", "_selected_action": [invitation.pk]})
    assert Invitation.objects.pending().get().email == "new@example.org"
    assert len(mailoutbox) == 1


def test_the_partner_history_can_be_opened_to_revert(client, coordinator, editor, partner):
    client.force_login(editor)
    client.post(reverse("portal:profile", args=[partner.slug]), {"description": "Nieuwe tekst"})
    client.force_login(coordinator)
    history = client.get(reverse("admin:partners_partner_history", args=[partner.pk]))
    assert history.status_code == 200
    assert editor.email in history.content.decode()
    first = partner.history.earliest()
    revert = client.get(
        reverse("admin:partners_partner_simple_history", args=[partner.pk, first.history_id])
    )
    assert revert.status_code == 200


def test_a_coordinator_cannot_make_anyone_superuser(client, coordinator, editor):
    client.force_login(coordinator)
    url = reverse("admin:auth_user_change", args=[editor.pk])
    response = client.get(url)
    assert response.status_code == 200
    form_fields = response.context["adminform"].form.fields
    assert "is_superuser" not in form_fields
    assert "user_permissions" not in form_fields
    assert "groups" in form_fields


def test_a_coordinator_cannot_change_a_superuser(client, coordinator):
    root = factories.make_user(email="root@example.org", is_staff=True, is_superuser=True)
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:auth_user_change", args=[root.pk]),
        {"username": "root@example.org", "email": "taken@example.org"},
    )
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.email == "root@example.org"


def test_membership_changes_in_the_admin_are_in_the_history(client, coordinator, editor, partner):
    membership = Membership.objects.get(user=editor)
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:partners_membership_change", args=[membership.pk]),
        {"user": editor.pk, "partner": partner.pk, "role": "manager"},
    )
    assert response.status_code == 302
    assert membership.history.first().history_user == coordinator


class TestMakeCoordinatorCommand:
    def test_it_makes_a_person_coordinator(self, editor, capsys):
        call_command("make_coordinator", "EDITOR@example.org")
        editor.refresh_from_db()
        assert editor.is_staff
        assert is_coordinator(editor)
        assert Partner.objects.for_user(editor).count() == Partner.objects.count()
        assert "coordinator" in capsys.readouterr().out

    def test_it_takes_the_role_away(self, coordinator):
        call_command("make_coordinator", coordinator.email, "--remove")
        coordinator.refresh_from_db()
        assert not coordinator.is_staff
        assert not is_coordinator(coordinator)

    def test_an_unknown_address_is_an_error(self, db):
        with pytest.raises(CommandError, match="invite"):
            call_command("make_coordinator", "nobody@example.org")


def test_the_groups_permissions_cover_the_admin_pages(coordinator):
    # Staff without the group see nothing of the partner models.
    plain_staff = factories.make_user(is_staff=True)
    assert not plain_staff.has_perm("partners.view_invitation")
    assert coordinator.has_perm("partners.add_invitation")
    assert Permission.objects.filter(codename="add_invitation").exists()
