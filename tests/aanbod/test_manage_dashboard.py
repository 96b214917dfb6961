"""A partner's page in the portal: its offers and how fresh they are, its coming activities,
and the reports from the public to handle."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod.models import ErrorReport, Offer
from tests import factories
from tests.aanbod.staff import portal_url

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def offers(partner):
    return {
        "fresh": factories.make_offer(partner, "Vers", reviewed_at=days_ago(10)),
        "stale": factories.make_offer(partner, "Oud nagekeken", reviewed_at=days_ago(200)),
        "never": factories.make_offer(partner, "Nooit nagekeken", reviewed_at=None),
        "draft": factories.make_offer(partner, "Kladje", status=Offer.Status.DRAFT),
        "archived": factories.make_offer(partner, "In het archief", status="archived"),
    }


def test_it_shows_the_offers_to_check_first_with_their_status(client, editor, partner, offers):
    client.force_login(editor)
    response = client.get(portal_url("dashboard", partner))
    listed = response.context["offers"]
    assert [offer.title for offer in listed] == [
        "Nooit nagekeken",
        "Oud nagekeken",
        "Kladje",
        "Vers",
    ]
    assert [offer.needs_review for offer in listed] == [True, True, False, False]
    assert response.context["review_count"] == 2
    html = response.content.decode()
    assert html.count("Graag nakijken") == 2
    assert "Concept" in html and "Gepubliceerd" in html
    assert "In het archief" not in html


def test_the_review_period_comes_from_the_settings(client, editor, partner, offers, settings):
    settings.OFFER_REVIEW_MONTHS = 12
    client.force_login(editor)
    listed = client.get(portal_url("dashboard", partner)).context["offers"]
    assert [o.title for o in listed if o.needs_review] == ["Nooit nagekeken"]


def test_still_correct_from_the_dashboard_takes_the_offer_off_the_list_to_check(
    client, editor, partner, offers
):
    client.force_login(editor)
    stale = offers["stale"]
    response = client.post(
        portal_url("offer_reviewed", partner, stale.pk),
        {"next": portal_url("dashboard", partner)},
        follow=True,
    )
    assert "is vandaag bevestigd als correct" in response.content.decode()
    assert [o.title for o in response.context["offers"] if o.needs_review] == ["Nooit nagekeken"]


def test_it_shows_coming_activities_of_the_partner_only(
    client, editor, partner, other_partner, offers
):
    factories.make_activity(offers["fresh"], title="Voorleesuur")
    factories.make_activity(offers["fresh"], starts_in=timedelta(days=-3), title="Voorbij")
    factories.make_activity(offers["archived"], title="Gearchiveerd")
    factories.make_activity(factories.make_offer(other_partner), title="Van Wigwam")
    client.force_login(editor)
    activities = client.get(portal_url("dashboard", partner)).context["activities"]
    assert [s.title for s in activities] == ["Voorleesuur"]


def test_it_shows_open_reports_about_the_partners_offers(
    client, editor, partner, other_partner, offers
):
    ErrorReport.objects.create(offer=offers["fresh"], message="Het adres klopt niet.")
    ErrorReport.objects.create(
        offer=offers["fresh"], message="Al opgelost", status=ErrorReport.Status.HANDLED
    )
    ErrorReport.objects.create(offer=factories.make_offer(other_partner), message="Bij Wigwam")
    client.force_login(editor)
    response = client.get(portal_url("dashboard", partner))
    assert [r.message for r in response.context["reports"]] == ["Het adres klopt niet."]
    assert "Het adres klopt niet." in response.content.decode()


def test_a_report_is_marked_handled_with_who_and_when(client, editor, partner, offers):
    report = ErrorReport.objects.create(offer=offers["fresh"], message="Fout uur")
    client.force_login(editor)
    response = client.post(portal_url("report_handled", partner, report.pk))
    assert response["Location"] == portal_url("dashboard", partner)
    report.refresh_from_db()
    assert report.status == ErrorReport.Status.HANDLED
    assert report.handled_by == editor
    assert report.handled_at > days_ago(1)


def test_marking_a_report_handled_twice_changes_nothing(client, editor, manager, partner, offers):
    report = ErrorReport.objects.create(offer=offers["fresh"], message="Fout uur")
    client.force_login(editor)
    client.post(portal_url("report_handled", partner, report.pk))
    client.force_login(manager)
    response = client.post(portal_url("report_handled", partner, report.pk), follow=True)
    assert "Deze melding was al afgehandeld" in response.content.decode()
    report.refresh_from_db()
    assert report.handled_by == editor


def test_the_report_list_shows_open_and_handled_reports(client, editor, partner, offers):
    ErrorReport.objects.create(offer=offers["fresh"], message="Nog te doen")
    ErrorReport.objects.create(
        offer=offers["fresh"],
        message="Gedaan",
        status=ErrorReport.Status.HANDLED,
        handled_at=timezone.now(),
        handled_by=editor,
    )
    client.force_login(editor)
    response = client.get(portal_url("report_list", partner))
    assert [r.message for r in response.context["open_reports"]] == ["Nog te doen"]
    assert [r.message for r in response.context["handled_reports"]] == ["Gedaan"]
    assert "Afgehandeld door editor@example.org" in response.content.decode()


@pytest.mark.parametrize("person", ["editor", "coordinator"])
def test_the_dashboard_has_a_constant_number_of_queries(
    request, client, partner, person, django_assert_max_num_queries
):
    for number in range(10):
        offer = factories.make_offer(partner, f"Aanbod {number}")
        factories.make_activity(offer, location=factories.make_location())
        ErrorReport.objects.create(offer=offer, message="Klopt niet")
    client.force_login(request.getfixturevalue(person))
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(portal_url("dashboard", partner))
    assert len(response.context["offers"]) == 10
    assert len(response.context["activities"]) == 10
    assert len(response.context["reports"]) == 10


def test_a_coordinator_sees_any_partners_dashboard(client, coordinator, partner, offers):
    client.force_login(coordinator)
    response = client.get(portal_url("dashboard", partner))
    assert response.status_code == 200
    assert len(response.context["offers"]) == 4


def test_the_referrals_link_is_there_for_the_partners_staff_only(
    client, editor, coordinator, partner
):
    referrals = reverse("portal:referral_list", args=[partner.slug])
    client.force_login(editor)
    assert f'href="{referrals}"' in client.get(portal_url("dashboard", partner)).text
    # A coordinator keeps every partner's offers right, but sees no partner's referrals: the
    # link would lead to "not found".
    client.force_login(coordinator)
    assert f'href="{referrals}"' not in client.get(portal_url("dashboard", partner)).text
    assert client.get(referrals).status_code == 404
