"""The team page: members and roles, changing roles, removing members, open invitations."""

import pytest
from django.urls import reverse

from partners.models import Invitation, Membership
from tests import factories


def team_url(partner):
    return reverse("portal:team", args=[partner.slug])


def membership_of(user, partner):
    return Membership.objects.get(user=user, partner=partner)


def set_role(client, partner, membership, role):
    return client.post(
        reverse("portal:member_role", args=[partner.slug, membership.pk]),
        {f"m{membership.pk}-role": role},
    )


def remove(client, partner, membership):
    return client.post(reverse("portal:member_remove", args=[partner.slug, membership.pk]))


def message_levels(client, response):
    return [m.level_tag for m in client.get(response["Location"]).context["messages"]]


class TestTeamPage:
    def test_a_manager_sees_members_roles_and_forms(self, client, manager, editor, partner):
        client.force_login(manager)
        response = client.get(team_url(partner))
        assert response.status_code == 200
        assert response.context["can_manage"]
        assert [m.user for m, _ in response.context["members"]] == [editor, manager]
        content = response.content.decode()
        assert editor.email in content
        assert (
            reverse("portal:member_remove", args=[partner.slug, membership_of(editor, partner).pk])
            in content
        )
        assert response.context["form"] is not None

    def test_an_editor_sees_the_team_read_only(self, client, manager, editor, partner):
        Invitation.objects.create(partner=partner, email="secret@example.org")
        client.force_login(editor)
        response = client.get(team_url(partner))
        assert response.status_code == 200
        assert not response.context["can_manage"]
        content = response.content.decode()
        assert manager.email in content
        assert "/verwijderen/" not in content
        assert "/rol/" not in content
        assert "secret@example.org" not in content
        assert response.context["form"] is None

    def test_a_coordinator_manages_any_team(self, client, coordinator, partner):
        client.force_login(coordinator)
        response = client.get(team_url(partner))
        assert response.status_code == 200
        assert response.context["can_manage"]

    def test_anonymous_people_are_asked_to_log_in(self, client, partner):
        response = client.get(team_url(partner))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))

    def test_the_query_count_does_not_grow_with_the_team(
        self, client, manager, partner, django_assert_max_num_queries
    ):
        for number in range(15):
            factories.make_member(partner)
            Invitation.objects.create(partner=partner, email=f"invited{number}@example.org")
        client.force_login(manager)
        with django_assert_max_num_queries(10):
            response = client.get(team_url(partner))
        assert len(response.context["members"]) == 16


class TestChangingRoles:
    def test_a_manager_makes_an_editor_manager(self, client, manager, editor, partner):
        client.force_login(manager)
        response = set_role(client, partner, membership_of(editor, partner), "manager")
        assert response.status_code == 302
        assert response["Location"] == team_url(partner)
        assert membership_of(editor, partner).role == "manager"
        assert message_levels(client, response) == ["success"]

    def test_the_change_is_in_the_history_with_who_did_it(self, client, manager, editor, partner):
        client.force_login(manager)
        membership = membership_of(editor, partner)
        set_role(client, partner, membership, "manager")
        latest = membership.history.first()
        assert latest.role == "manager"
        assert latest.history_user == manager

    def test_the_last_manager_cannot_be_made_editor(self, client, manager, editor, partner):
        client.force_login(manager)
        response = set_role(client, partner, membership_of(manager, partner), "editor")
        assert response.status_code == 302
        assert membership_of(manager, partner).role == "manager"
        assert message_levels(client, response) == ["error"]

    def test_a_manager_can_step_down_when_another_manager_remains(self, client, manager, partner):
        other = factories.make_member(partner, role=Membership.Role.MANAGER)
        client.force_login(manager)
        set_role(client, partner, membership_of(manager, partner), "editor")
        assert membership_of(manager, partner).role == "editor"
        assert membership_of(other, partner).role == "manager"
        # Now an editor: the team page is read-only.
        assert not client.get(team_url(partner)).context["can_manage"]

    def test_an_unknown_role_changes_nothing(self, client, manager, editor, partner):
        client.force_login(manager)
        response = set_role(client, partner, membership_of(editor, partner), "owner")
        assert membership_of(editor, partner).role == "editor"
        assert message_levels(client, response) == ["error"]

    def test_an_editor_cannot_change_roles(self, client, editor, manager, partner):
        client.force_login(editor)
        response = set_role(client, partner, membership_of(editor, partner), "manager")
        assert response.status_code == 404
        assert membership_of(editor, partner).role == "editor"

    def test_a_membership_of_another_partner_is_not_found(
        self, client, manager, outsider, other_partner, partner
    ):
        client.force_login(manager)
        response = set_role(client, partner, membership_of(outsider, other_partner), "manager")
        assert response.status_code == 404
        assert membership_of(outsider, other_partner).role == "editor"

    def test_changing_needs_a_post(self, client, manager, editor, partner):
        client.force_login(manager)
        url = reverse("portal:member_role", args=[partner.slug, membership_of(editor, partner).pk])
        assert client.get(url).status_code == 405


class TestRemovingMembers:
    def test_a_manager_removes_an_editor(self, client, manager, editor, partner):
        client.force_login(manager)
        membership = membership_of(editor, partner)
        response = remove(client, partner, membership)
        assert response["Location"] == team_url(partner)
        assert not Membership.objects.filter(pk=membership.pk).exists()
        deleted = Membership.history.filter(id=membership.pk).first()
        assert deleted.history_type == "-"
        assert deleted.history_user == manager

    def test_the_last_manager_cannot_be_removed(self, client, manager, partner):
        client.force_login(manager)
        response = remove(client, partner, membership_of(manager, partner))
        assert Membership.objects.filter(user=manager, partner=partner).exists()
        assert message_levels(client, response) == ["error"]

    def test_a_coordinator_cannot_remove_the_last_manager_either(
        self, client, coordinator, manager, partner
    ):
        client.force_login(coordinator)
        remove(client, partner, membership_of(manager, partner))
        assert Membership.objects.filter(user=manager, partner=partner).exists()

    def test_a_manager_can_leave_when_another_manager_remains(self, client, manager, partner):
        factories.make_member(partner, role=Membership.Role.MANAGER)
        client.force_login(manager)
        response = remove(client, partner, membership_of(manager, partner))
        assert response["Location"] == reverse("portal:index")
        assert not Membership.objects.filter(user=manager, partner=partner).exists()
        assert client.get(team_url(partner)).status_code == 404

    def test_an_editor_cannot_remove_anyone(self, client, editor, manager, partner):
        client.force_login(editor)
        assert remove(client, partner, membership_of(manager, partner)).status_code == 404
        assert Membership.objects.filter(partner=partner).count() == 2

    def test_removing_needs_a_post(self, client, manager, editor, partner):
        client.force_login(manager)
        url = reverse(
            "portal:member_remove", args=[partner.slug, membership_of(editor, partner).pk]
        )
        assert client.get(url).status_code == 405
        assert Membership.objects.filter(user=editor).exists()


class TestWithdrawingInvitations:
    @pytest.fixture
    def invitation(self, partner):
        return Invitation.objects.create(partner=partner, email="new@example.org")

    def revoke(self, client, partner, invitation):
        return client.post(reverse("portal:invitation_revoke", args=[partner.slug, invitation.pk]))

    def test_a_manager_withdraws_an_invitation(self, client, manager, partner, invitation):
        client.force_login(manager)
        response = self.revoke(client, partner, invitation)
        invitation.refresh_from_db()
        assert invitation.status == Invitation.Status.REVOKED
        assert invitation.closed_at is not None
        assert message_levels(client, response) == ["success"]

    def test_withdrawing_twice_says_it_was_no_longer_open(
        self, client, manager, partner, invitation
    ):
        client.force_login(manager)
        assert message_levels(client, self.revoke(client, partner, invitation)) == ["success"]
        assert message_levels(client, self.revoke(client, partner, invitation)) == ["info"]

    def test_an_accepted_invitation_stays_accepted(self, client, manager, partner, invitation):
        Invitation.objects.filter(pk=invitation.pk).update(status=Invitation.Status.ACCEPTED)
        client.force_login(manager)
        self.revoke(client, partner, invitation)
        invitation.refresh_from_db()
        assert invitation.status == Invitation.Status.ACCEPTED

    def test_an_editor_cannot_withdraw(self, client, editor, partner, invitation):
        client.force_login(editor)
        assert self.revoke(client, partner, invitation).status_code == 404
        invitation.refresh_from_db()
        assert invitation.status == Invitation.Status.PENDING

    def test_an_expired_invitation_is_marked(self, client, manager, partner, invitation):
        from datetime import timedelta

        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=invitation.created_at - timedelta(days=8)
        )
        client.force_login(manager)
        response = client.get(team_url(partner))
        assert "verlopen" in response.content.decode()
