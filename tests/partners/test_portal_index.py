"""'Mijn organisatie': the partners a person works for, and each partner's overview page."""

from django.urls import reverse

from partners.models import Membership
from tests import factories


def test_a_member_sees_their_partners_with_their_role(client, editor, partner, other_partner):
    second = factories.make_partner("Bakermat vzw")
    Membership.objects.create(user=editor, partner=second, role=Membership.Role.MANAGER)
    client.force_login(editor)
    response = client.get(reverse("portal:index"))
    assert response.status_code == 200
    assert [(p.name, str(role)) for p, role in response.context["partners"]] == [
        ("Bakermat vzw", "beheerder"),
        ("Gezinsbond vzw", "redacteur"),
    ]
    content = response.content.decode()
    assert reverse("portal:team", args=[partner.slug]) in content
    assert reverse("portal:profile", args=[partner.slug]) in content
    assert other_partner.name not in content
    assert reverse("admin:index") not in content


def test_a_coordinator_sees_every_partner_and_the_admin(
    client, coordinator, django_assert_max_num_queries
):
    for _ in range(22):
        factories.make_partner()
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("portal:index"))
    assert len(response.context["partners"]) == 22
    assert all(role is None for _, role in response.context["partners"])
    assert reverse("admin:index") in response.content.decode()


def test_someone_without_a_team_is_told_how_to_get_one(client, db):
    client.force_login(factories.make_user())
    response = client.get(reverse("portal:index"))
    assert response.context["partners"] == []
    assert "uit te nodigen" in response.content.decode()


def test_the_partner_overview_links_to_team_and_profile(
    client, editor, partner, django_assert_max_num_queries
):
    client.force_login(editor)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("portal:dashboard", args=[partner.slug]))
    assert response.status_code == 200
    content = response.content.decode()
    assert partner.name in content
    assert reverse("portal:team", args=[partner.slug]) in content
    assert reverse("portal:profile", args=[partner.slug]) in content


def test_a_coordinator_opens_any_partners_overview(client, coordinator, partner):
    client.force_login(coordinator)
    response = client.get(reverse("portal:dashboard", args=[partner.slug]))
    assert response.status_code == 200
    assert response.context["can_manage"]


def test_an_unknown_partner_is_not_found(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("portal:dashboard", args=["does-not-exist"])).status_code == 404


def test_the_header_offers_the_portal_and_logging_out(client, editor):
    client.force_login(editor)
    content = client.get(reverse("home")).content.decode()
    assert reverse("portal:index") in content
    assert f'action="{reverse("logout")}"' in content


def test_anonymous_visitors_find_the_login_in_the_footer(client, db):
    content = client.get(reverse("home")).content.decode()
    assert reverse("login") in content
    assert f'action="{reverse("logout")}"' not in content
