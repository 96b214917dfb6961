"""Coordinators see anonymous counts, and, only through the logged subject access search, one
person's referrals to export or erase (GDPR articles 15 and 17). The access log is
read-only."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from referrals.models import AccessLogEntry, Referral
from referrals.services import referral_step
from tests import factories

SEARCH = reverse("admin:referrals_referral_subject_access")


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_the_counts_page_shows_counts_by_partner_pillar_status_and_outcome_and_no_details(
    coordinator_client, referral, partner, other_partner, django_assert_max_num_queries
):
    offer = factories.make_offer(other_partner, "Spelotheek")
    second = factories.make_referral(partner, other_partner, offer=offer, first_name="Zoë")
    referral_step(referral=second, step="accept", partner=other_partner)
    referral_step(referral=second, step="close", partner=other_partner, outcome="helped")
    with django_assert_max_num_queries(12):
        response = coordinator_client.get(reverse("admin:referrals_referral_changelist"))
    assert response.status_code == 200
    text = response.text
    assert "Wigwam vzw" in text and "Laagdrempelig onthaal- en informatieaanbod" in text
    assert "het gezin is geholpen" in text and "2 doorverwijzingen, 1 beantwoord" in text
    for personal in ("Amira", "Zoë", "0470", "Arabisch"):
        assert personal not in text
    assert not AccessLogEntry.objects.exists()


def test_a_coordinator_cannot_open_a_referral_in_the_admin(coordinator_client, referral):
    url = reverse("admin:referrals_referral_change", args=[referral.pk])
    assert coordinator_client.get(url).status_code == 403


def test_the_search_finds_one_persons_referrals_however_the_number_is_typed_and_logs_it(
    coordinator_client, coordinator, referral, partner, other_partner
):
    factories.make_referral(partner, other_partner, contact_detail="0499 99 99 99")
    response = coordinator_client.get(SEARCH, {"contact": "+32 470 12.34.56"})
    assert response.status_code == 200
    assert "1 doorverwijzing gevonden" in response.text
    assert "Amira" in response.text
    assert list(AccessLogEntry.objects.values_list("user", "referral", "action")) == [
        (coordinator.pk, referral.pk, "searched")
    ]


@pytest.mark.parametrize("typed", ["", "12", "amira@", "x" * 201])
def test_a_bad_search_gets_a_message_and_shows_nothing(coordinator_client, referral, typed):
    response = coordinator_client.get(SEARCH, {"contact": typed})
    assert response.status_code == 200
    assert 'class="errornote"' in response.text
    assert "Amira" not in response.text
    assert not AccessLogEntry.objects.exists()


def test_the_export_holds_everything_about_the_person_and_is_logged(coordinator_client, referral):
    response = coordinator_client.post(SEARCH, {"contact": "0470123456", "action": "export"})
    assert response["Content-Type"].startswith("application/json")
    rows = json.loads(response.content)
    assert [row["first_name"] for row in rows] == ["Amira"]
    assert rows[0]["question"].startswith("Zoekt") and rows[0]["steps"][0]["status"] == "verstuurd"
    assert AccessLogEntry.objects.get().action == "exported"


def test_erasing_clears_the_persons_details_and_is_logged(coordinator_client, referral):
    response = coordinator_client.post(
        SEARCH, {"contact": "0470123456", "action": "erase"}, follow=True
    )
    assert "De persoonsgegevens van 1 doorverwijzingen zijn gewist" in response.text
    referral.refresh_from_db()
    assert referral.erased_at and referral.first_name == "" and referral.contact_lookup == ""
    assert AccessLogEntry.objects.get().action == "erased"


def test_without_the_delete_permission_nothing_is_erased(client, referral):
    viewer = factories.make_user(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_referral"))
    client.force_login(viewer)
    response = client.post(SEARCH, {"contact": "0470123456", "action": "erase"})
    assert response.status_code == 403
    assert Referral.objects.get(pk=referral.pk).first_name == "Amira"


def test_partner_staff_cannot_reach_the_search(client, editor, referral):
    client.force_login(editor)
    response = client.get(SEARCH, {"contact": "0470123456"})
    assert response.status_code == 302
    assert not AccessLogEntry.objects.exists()


def test_the_access_log_is_read_only_for_coordinators(
    coordinator_client, receiver_staff, other_partner, referral
):
    staff = Client()
    staff.force_login(receiver_staff)
    staff.get(reverse("portal:referral_detail", args=[other_partner.slug, referral.pk]))
    entry = AccessLogEntry.objects.get()
    changelist = coordinator_client.get(reverse("admin:referrals_accesslogentry_changelist"))
    assert "outsider@example.org" in changelist.text
    assert "Amira" not in changelist.text
    change = reverse("admin:referrals_accesslogentry_change", args=[entry.pk])
    assert coordinator_client.get(change).status_code == 200
    coordinator_client.post(change, {"action": "erased"})
    assert AccessLogEntry.objects.get().action == "viewed"
    add = coordinator_client.get(reverse("admin:referrals_accesslogentry_add"))
    assert add.status_code == 403
