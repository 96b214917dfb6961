"""Who changed what: the change list of an offer for partner staff, and putting back an
earlier version in the admin (coordinators)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Activity, Location, Offer, OfferLocation, Theme
from tests import factories
from tests.aanbod.staff import form_data, page_data, portal_url

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def offer(partner):
    return factories.make_offer(partner, "Babbelbox", summary="Samen spelen.", status="draft")


def edit(client, partner, offer, **changes):
    url = portal_url("offer_edit", partner, offer.pk)
    return client.post(url, {**page_data(client.get(url)), **changes})


def test_the_change_list_says_who_changed_what(client, editor, partner, offer):
    place = factories.make_location("Zaal Kessel-Lo", owner=partner)
    client.force_login(editor)
    edit(client, partner, offer, title="Babbelbox op woensdag")
    locations_url = portal_url("offer_locations", partner, offer.pk)
    client.post(
        locations_url, {**page_data(client.get(locations_url)), "places-0-location": str(place.pk)}
    )
    client.post(portal_url("offer_publish", partner, offer.pk))

    response = client.get(portal_url("offer_history", partner, offer.pk))

    events = response.context["events"]
    assert [event.what for event in events[:3]] == [
        "Publiceerde het aanbod",
        "Voegde de plek Zaal Kessel-Lo toe",
        "Wijzigde het aanbod",
    ]
    assert {event.who for event in events[:3]} == {editor}
    changed = events[2].changes
    assert [(c.label, c.before, c.after) for c in changed if c.name == "title"] == [
        ("Titel", "Babbelbox", "Babbelbox op woensdag")
    ]
    assert "editor@example.org" in response.content.decode()


def test_the_change_list_includes_activities(client, editor, partner, offer):
    activity = factories.make_activity(offer, title="Voorleesuur")
    activity.is_cancelled = True
    activity.save()
    client.force_login(editor)
    events = client.get(portal_url("offer_history", partner, offer.pk)).context["events"]
    cancelled = events[0]
    assert cancelled.what.startswith("Wijzigde de activiteit van")
    assert [(c.before, c.after) for c in cancelled.changes] == [("nee", "ja")]


@pytest.mark.parametrize("person", ["editor", "coordinator"])
def test_the_change_list_has_a_constant_number_of_queries(
    request, client, editor, partner, offer, person, django_assert_max_num_queries
):
    client.force_login(editor)
    for number in range(5):
        edit(client, partner, offer, title=f"Titel {number}")
        place = OfferLocation.objects.create(offer=offer, location=factories.make_location())
        place.delete()
        factories.make_activity(offer, starts_in=timedelta(days=number + 1))
    client.force_login(request.getfixturevalue(person))
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(portal_url("offer_history", partner, offer.pk))
    assert len(response.context["events"]) > 15


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_coordinator_puts_back_an_earlier_version_in_the_admin(
    client, coordinator, editor, partner, offer
):
    client.force_login(editor)
    edit(client, partner, offer, title="Verkeerde titel")
    # The portal form someone still has open, made from version 2.
    stale_form = page_data(client.get(portal_url("offer_edit", partner, offer.pk)))
    first = offer.history.order_by("history_date", "history_id").first()
    admin = admin_client(coordinator)
    url = reverse("admin:aanbod_offer_simple_history", args=[offer.pk, first.history_id])
    page = admin.get(url)
    assert page.status_code == 200

    response = admin.post(url, form_data(page.context["adminform"].form))

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Babbelbox"
    assert offer.version == 3
    assert offer.history.first().history_user == coordinator
    refused = client.post(portal_url("offer_edit", partner, offer.pk), stale_form)
    assert refused.status_code == 409


def test_a_change_in_the_admin_raises_the_version(coordinator, offer):
    admin = admin_client(coordinator)
    url = reverse("admin:aanbod_offer_change", args=[offer.pk])
    data = form_data(admin.get(url).context["adminform"].form)
    data.update(
        {
            "title": "Via het beheer",
            "offer_locations-TOTAL_FORMS": "0",
            "offer_locations-INITIAL_FORMS": "0",
            "activities-TOTAL_FORMS": "0",
            "activities-INITIAL_FORMS": "0",
        }
    )
    response = admin.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    offer.refresh_from_db()
    assert (offer.title, offer.version) == ("Via het beheer", 2)


@pytest.mark.parametrize("model", [Offer, Location, Activity, OfferLocation])
def test_the_admin_shows_the_history_of(coordinator, partner, model):
    offer = factories.make_offer(partner)
    objects = {
        Offer: offer,
        Location: factories.make_location(),
        Activity: factories.make_activity(offer),
        OfferLocation: factories.make_offer_location(offer),
    }
    obj = objects[model]
    name = f"admin:aanbod_{model._meta.model_name}_history"
    response = admin_client(coordinator).get(reverse(name, args=[obj.pk]))
    assert response.status_code == 200
    assert obj.history.exists()


def test_the_last_change_is_shown_on_the_place_page(client, editor, partner):
    site = factories.make_location("Zaal", owner=partner)
    site.opening_hours = "Altijd"
    site._history_user = editor
    site._history_date = timezone.now()
    site.save()
    client.force_login(editor)
    html = client.get(portal_url("location_edit", partner, site.pk)).content.decode()
    assert "Laatst gewijzigd door editor@example.org op" in html


def test_changes_from_the_other_side_of_a_list_are_recorded_on_the_offers(partner, offer):
    theme = Theme.objects.create(name="Slapen", slug="slapen")
    other = factories.make_offer(partner, "Koffieklets")
    before = offer.history.count()
    theme.offers.add(offer, other)
    assert offer.history.count() == before + 1
    assert [row.theme for row in offer.history.first().themes.all()] == [theme]
    theme.offers.clear()
    assert list(offer.history.first().themes.all()) == []
    assert list(other.history.first().themes.all()) == []
    partner.co_offers.add(other)
    assert [row.partner for row in other.history.first().co_providers.all()] == [partner]


def test_changing_an_activity_in_the_admin_raises_the_offers_version(coordinator, offer):
    activity = factories.make_activity(offer, title="Voorleesuur")
    admin = admin_client(coordinator)
    url = reverse("admin:aanbod_activity_change", args=[activity.pk])
    data = form_data(admin.get(url).context["adminform"].form)
    data["title"] = "Voorleesuur (verzet)"
    response = admin.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    offer.refresh_from_db()
    assert offer.version == 2
