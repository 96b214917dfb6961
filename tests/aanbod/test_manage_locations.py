"""Partner staff add and edit their own sites; the Huizen van het Kind are the coordinators'."""

from decimal import Decimal

import pytest

from aanbod.models import Location
from tests import factories
from tests.aanbod.staff import page_data, portal_url

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def site(partner):
    return factories.make_location("Gezinsbond Heverlee", owner=partner, postcode="3001")


def new_place_data(client, partner, **changes):
    data = page_data(client.get(portal_url("location_create", partner)))
    data.update(name="Gezinsbond Kessel-Lo", street="Diestsesteenweg 1", postcode="3010")
    data.update(changes)
    return data


def test_a_new_place_is_a_site_of_the_partner(client, editor, partner):
    client.force_login(editor)
    response = client.post(
        portal_url("location_create", partner),
        new_place_data(client, partner, latitude="50.8899991234", longitude="4.7300001"),
    )
    assert response["Location"] == portal_url("location_list", partner)
    place = Location.objects.get()
    assert place.owner == partner
    assert place.kind == Location.Kind.PARTNER_SITE
    assert place.slug == "gezinsbond-kessel-lo"
    assert place.latitude == Decimal("50.889999")
    assert place.history.get().history_user == editor


def test_a_double_click_adds_the_place_once(client, editor, partner):
    client.force_login(editor)
    data = new_place_data(client, partner)
    client.post(portal_url("location_create", partner), data)
    second = client.post(portal_url("location_create", partner), data)
    assert second.status_code == 302
    assert Location.objects.count() == 1


def test_a_postcode_outside_leuven_and_half_coordinates_are_refused(client, editor, partner):
    client.force_login(editor)
    data = new_place_data(client, partner, postcode="1000", latitude="50.88")
    response = client.post(portal_url("location_create", partner), data)
    errors = response.context["form"].errors
    assert "postcode" in errors
    assert errors["longitude"] == ["Vul beide getallen in, of geen van beide."]
    assert not Location.objects.exists()


def test_the_partner_edits_its_site(client, editor, partner, site):
    client.force_login(editor)
    data = page_data(client.get(portal_url("location_edit", partner, site.pk)))
    data.update(opening_hours="Maandag 9–12 uur", wheelchair="yes")
    assert client.post(portal_url("location_edit", partner, site.pk), data).status_code == 302
    site.refresh_from_db()
    assert site.opening_hours == "Maandag 9–12 uur"
    assert site.wheelchair == "yes"


def test_saving_an_unchanged_place_says_so_and_records_nothing(client, editor, partner, site):
    client.force_login(editor)
    before = site.history.count()
    data = page_data(client.get(portal_url("location_edit", partner, site.pk)))
    response = client.post(portal_url("location_edit", partner, site.pk), data, follow=True)
    assert "Er is niets veranderd" in response.content.decode()
    assert site.history.count() == before


def test_a_huis_van_het_kind_of_the_partner_is_not_found_by_its_editor(client, editor, partner):
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo", owner=partner, kind=Location.Kind.HUIS_VAN_HET_KIND
    )
    client.force_login(editor)
    assert client.get(portal_url("location_edit", partner, huis.pk)).status_code == 404
    assert (
        client.post(portal_url("location_edit", partner, huis.pk), {"name": "X"}).status_code == 404
    )
    assert huis not in client.get(portal_url("location_list", partner)).context["locations"]
    huis.refresh_from_db()
    assert huis.name == "Huis van het Kind Kessel-Lo"


def test_a_coordinator_may_edit_a_huis_van_het_kind(client, coordinator, partner):
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo", owner=partner, kind=Location.Kind.HUIS_VAN_HET_KIND
    )
    client.force_login(coordinator)
    data = page_data(client.get(portal_url("location_edit", partner, huis.pk)))
    data["opening_hours"] = "Elke dag"
    assert client.post(portal_url("location_edit", partner, huis.pk), data).status_code == 302
    huis.refresh_from_db()
    assert (huis.opening_hours, huis.kind) == ("Elke dag", Location.Kind.HUIS_VAN_HET_KIND)


def test_the_list_names_the_offers_at_a_place_but_not_other_partners_drafts(
    client, editor, partner, other_partner, site
):
    factories.make_offer_location(factories.make_offer(partner, "Eigen aanbod"), site)
    factories.make_offer_location(factories.make_offer(other_partner, "Hun aanbod"), site)
    factories.make_offer_location(
        factories.make_offer(other_partner, "Hun kladje", status="draft"), site
    )
    client.force_login(editor)
    html = client.get(portal_url("location_list", partner)).content.decode()
    assert "Eigen aanbod" in html
    assert "Hun aanbod" in html
    assert "Hun kladje" not in html


def test_the_list_has_a_constant_number_of_queries(
    client, editor, partner, django_assert_max_num_queries
):
    for number in range(8):
        place = factories.make_location(f"Plek {number}", owner=partner)
        factories.make_offer_location(factories.make_offer(partner), place)
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(portal_url("location_list", partner))
    assert len(response.context["locations"]) == 8
