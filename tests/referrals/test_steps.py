"""The life of a referral: opened, accepted, declined, passed on, contact made, closed,
withdrawn. Each step is taken by the right side only, the sender is e-mailed of each, both
sides see one timeline, and every view of the details is logged."""

import pytest
from django.core import mail
from django.urls import reverse

from referrals.models import AccessLogEntry, Referral
from tests import factories


def detail_url(partner, referral):
    return reverse("portal:referral_detail", args=[partner.slug, referral.pk])


def step_url(partner, referral, step):
    return reverse(f"portal:referral_{step}", args=[partner.slug, referral.pk])


@pytest.fixture
def receiver_client(client, receiver_staff):
    client.force_login(receiver_staff)
    return client


def test_the_receiver_opening_it_marks_it_opened_and_tells_the_sender(
    receiver_client, referral, other_partner, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = receiver_client.get(detail_url(other_partner, referral))
    assert response.status_code == 200
    assert "Amira" in response.text and "0470 12 34 56" in response.text
    referral.refresh_from_db()
    assert referral.status == "opened"
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert "geopend" in mail.outbox[0].subject
    assert "Amira" not in mail.outbox[0].body


def test_the_sender_viewing_it_does_not_open_it(client, editor, partner, referral):
    client.force_login(editor)
    assert client.get(detail_url(partner, referral)).status_code == 200
    referral.refresh_from_db()
    assert referral.status == "sent"


def test_every_view_of_the_details_is_logged_with_who_and_for_which_partner(
    client, editor, receiver_client, partner, other_partner, referral, receiver_staff
):
    receiver_client.get(detail_url(other_partner, referral))
    receiver_client.get(detail_url(other_partner, referral))
    client.force_login(editor)
    client.get(detail_url(partner, referral))
    log = list(AccessLogEntry.objects.order_by("pk").values_list("user", "partner", "action"))
    assert log == [
        (receiver_staff.pk, other_partner.pk, "viewed"),
        (receiver_staff.pk, other_partner.pk, "viewed"),
        (editor.pk, partner.pk, "viewed"),
    ]


def test_accept_contact_made_and_close_each_tell_the_sender_and_fill_the_timeline(
    receiver_client,
    client,
    editor,
    partner,
    other_partner,
    referral,
    django_capture_on_commit_callbacks,
):
    receiver_client.get(detail_url(other_partner, referral))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        receiver_client.post(step_url(other_partner, referral, "accept"))
        receiver_client.post(step_url(other_partner, referral, "contact_made"))
        response = receiver_client.post(
            step_url(other_partner, referral, "close"),
            {"close-outcome": "helped", "close-note": "Komt nu elke week."},
        )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == ("closed", "helped")
    assert referral.answered_at and referral.ended_at
    assert [message.to for message in mail.outbox] == [["editor@example.org"]] * 3
    assert "Komt nu" not in "".join(message.body for message in mail.outbox)
    client.force_login(editor)
    timeline = client.get(detail_url(partner, referral)).text
    for status in ("verstuurd", "geopend", "aanvaard", "contact gemaakt", "afgesloten"):
        assert status in timeline
    assert "het gezin is geholpen" in timeline and "Komt nu elke week." in timeline


def test_declining_needs_a_reason_and_keeps_the_referral_waiting_without_one(
    receiver_client, other_partner, referral
):
    response = receiver_client.post(step_url(other_partner, referral, "decline"), {})
    assert response.status_code == 400
    assert "Dit veld is verplicht" in response.text
    referral.refresh_from_db()
    assert referral.status in ("sent", "opened")
    receiver_client.post(
        step_url(other_partner, referral, "decline"), {"decline-reason": "no_place"}
    )
    referral.refresh_from_db()
    assert (referral.status, referral.events.last().reason) == ("declined", "no_place")


def test_passing_on_needs_the_familys_consent_and_moves_the_referral_to_the_new_partner(
    receiver_client,
    client,
    third_partner,
    third_staff,
    other_partner,
    referral,
    django_capture_on_commit_callbacks,
):
    url = step_url(other_partner, referral, "pass_on")
    refused = receiver_client.post(url, {"pass_on-passed_to": third_partner.pk})
    assert refused.status_code == 400
    assert "Geef alleen door als het gezin toestemming gaf" in refused.text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = receiver_client.post(
            url, {"pass_on-passed_to": third_partner.pk, "pass_on-consent": "on"}
        )
    assert response["Location"] == reverse("portal:referral_list", args=[other_partner.slug])
    referral.refresh_from_db()
    assert (referral.status, referral.receiver) == ("passed_on", third_partner)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "editor@example.org",
        "staff@kindengezin.test",
    ]
    # The partner that passed it on sees it no more; the new one does.
    assert receiver_client.get(detail_url(other_partner, referral)).status_code == 404
    client.force_login(third_staff)
    assert client.get(detail_url(third_partner, referral)).status_code == 200


def test_the_sender_may_withdraw_and_the_receivers_staff_are_told(
    client, editor, partner, referral, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(step_url(partner, referral, "withdraw"))
    referral.refresh_from_db()
    assert referral.status == "withdrawn"
    assert sorted(message.to[0] for message in mail.outbox) == [
        "chef@wigwam.test",
        "outsider@example.org",
    ]


@pytest.mark.parametrize("step", ["accept", "decline", "pass_on", "contact_made", "close"])
def test_the_sender_cannot_take_the_receivers_steps(client, editor, partner, referral, step):
    client.force_login(editor)
    response = client.post(step_url(partner, referral, step), follow=True)
    assert "Deze stap kan niet meer" in response.text
    referral.refresh_from_db()
    assert referral.status == "sent"


def test_the_receiver_cannot_withdraw(receiver_client, other_partner, referral):
    receiver_client.post(step_url(other_partner, referral, "withdraw"))
    referral.refresh_from_db()
    assert referral.status != "withdrawn"


def test_a_step_after_the_end_is_refused_with_a_message(receiver_client, other_partner, referral):
    receiver_client.post(step_url(other_partner, referral, "decline"), {"decline-reason": "other"})
    response = receiver_client.post(step_url(other_partner, referral, "accept"), follow=True)
    assert "Deze stap kan niet meer" in response.text
    referral.refresh_from_db()
    assert referral.status == "declined"


def test_a_step_needs_post(receiver_client, other_partner, referral):
    response = receiver_client.get(step_url(other_partner, referral, "accept"))
    assert response.status_code == 405


def test_a_third_partners_staff_and_a_coordinator_get_404_everywhere(
    client, third_staff, third_partner, coordinator, partner, other_partner, referral
):
    for person in (third_staff, coordinator):
        client.force_login(person)
        for slug in (partner.slug, other_partner.slug, third_partner.slug):
            url = reverse("portal:referral_detail", args=[slug, referral.pk])
            assert client.get(url).status_code == 404, (person, url)
    assert not AccessLogEntry.objects.exists()


def test_the_list_shows_received_and_sent_referrals_of_this_partner_only(
    client, editor, partner, other_partner, third_partner, referral
):
    elsewhere = factories.make_referral(other_partner, third_partner, first_name="Zoë")
    client.force_login(editor)
    response = client.get(reverse("portal:referral_list", args=[partner.slug]))
    assert detail_url(partner, referral) in response.text
    assert f"/{elsewhere.pk}/" not in response.text
    assert "Amira" not in response.text  # the list names no family


def test_the_list_takes_the_same_queries_for_one_or_many_referrals(
    client, editor, partner, other_partner, referral, django_assert_max_num_queries
):
    client.force_login(editor)
    url = reverse("portal:referral_list", args=[partner.slug])
    with django_assert_max_num_queries(8):
        client.get(url)
    for _ in range(10):
        factories.make_referral(partner, other_partner)
        factories.make_referral(other_partner, partner)
    with django_assert_max_num_queries(8):
        client.get(url)
    assert Referral.objects.count() == 21
