"""Where and when an offer happens: places with their regular weekly times, edited on one page
that works without JavaScript (a fixed number of empty rows)."""

from datetime import time

import pytest

from aanbod.models import Location, OfferLocation, ScheduleSlot
from tests import factories
from tests.aanbod.staff import page_data, portal_url

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def offer(partner):
    return factories.make_offer(partner, "Babbelbox")


@pytest.fixture
def own_site(partner):
    return factories.make_location("Gezinsbond Heverlee", owner=partner, postcode="3001")


@pytest.fixture
def huis(db):
    return factories.make_location("Huis van het Kind Leuven", kind=Location.Kind.HUIS_VAN_HET_KIND)


def url(partner, offer):
    return portal_url("offer_locations", partner, offer.pk)


def test_a_place_is_added_with_its_weekly_times(client, editor, partner, offer, own_site):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data.update(
        {
            "places-0-location": str(own_site.pk),
            "places-0-schedule": "niet in de schoolvakanties",
            "places-0-slots-0-weekday": "2",
            "places-0-slots-0-start_time": "09:00",
            "places-0-slots-0-end_time": "12:00",
            "places-0-slots-1-weekday": "4",
            "places-0-slots-1-start_time": "13.30",
            "places-0-slots-1-end_time": "16:00",
        }
    )
    response = client.post(url(partner, offer), data)
    assert response.status_code == 302
    place = OfferLocation.objects.get()
    assert (place.offer, place.location, place.schedule) == (
        offer,
        own_site,
        "niet in de schoolvakanties",
    )
    assert [(s.weekday, s.start_time, s.end_time) for s in place.slots.all()] == [
        (2, time(9), time(12)),
        (4, time(13, 30), time(16)),
    ]
    offer.refresh_from_db()
    assert offer.version == 2
    assert offer.history.first().history_change_reason == "places"


def test_offers_can_happen_at_a_huis_van_het_kind_or_another_partners_site(
    client, editor, partner, offer, huis, other_partner
):
    theirs = factories.make_location("Wigwam", owner=other_partner)
    client.force_login(editor)
    form = client.get(url(partner, offer)).context["formset"].forms[0]
    groups = dict(form.fields["location"].choices[1:])
    assert [label for _pk, label in groups["Huizen van het Kind"]] == [
        "Huis van het Kind Leuven – Teststraat 1, 3000"
    ]
    assert theirs.pk in [pk for pk, _label in groups["Andere plekken"]]


def test_times_are_changed_and_removed(client, editor, partner, offer, own_site):
    place = factories.make_offer_location(offer, own_site)
    kept = ScheduleSlot.objects.create(
        offer_location=place, weekday=1, start_time=time(9), end_time=time(11)
    )
    dropped = ScheduleSlot.objects.create(
        offer_location=place, weekday=3, start_time=time(9), end_time=time(11)
    )
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data.update({"places-0-slots-0-end_time": "12:00", "places-0-slots-1-DELETE": "on"})
    assert client.post(url(partner, offer), data).status_code == 302
    kept.refresh_from_db()
    assert kept.end_time == time(12)
    assert not ScheduleSlot.objects.filter(pk=dropped.pk).exists()


def test_removing_a_place_removes_its_times(client, editor, partner, offer, own_site):
    place = factories.make_offer_location(offer, own_site)
    ScheduleSlot.objects.create(
        offer_location=place, weekday=1, start_time=time(9), end_time=time(11)
    )
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data["places-0-DELETE"] = "on"
    assert client.post(url(partner, offer), data).status_code == 302
    assert not OfferLocation.objects.exists()
    assert not ScheduleSlot.objects.exists()
    assert own_site in Location.objects.all()


def test_times_without_a_place_ask_for_the_place_and_save_nothing(client, editor, partner, offer):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data.update(
        {
            "places-0-slots-0-weekday": "2",
            "places-0-slots-0-start_time": "09:00",
            "places-0-slots-0-end_time": "12:00",
        }
    )
    response = client.post(url(partner, offer), data)
    assert response.status_code == 200
    form = response.context["formset"].forms[0]
    assert form.errors["location"] == ["Kies de plek van deze uren."]
    assert 'value="09:00"' in response.content.decode()
    assert not ScheduleSlot.objects.exists()
    offer.refresh_from_db()
    assert offer.version == 1


def test_an_end_before_the_start_is_refused_next_to_the_end(
    client, editor, partner, offer, own_site
):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data.update(
        {
            "places-0-location": str(own_site.pk),
            "places-0-slots-0-weekday": "2",
            "places-0-slots-0-start_time": "12:00",
            "places-0-slots-0-end_time": "09:00",
        }
    )
    response = client.post(url(partner, offer), data)
    slot_form = response.context["formset"].forms[0].slots.forms[0]
    assert slot_form.errors["end_time"] == ["Het einduur moet na het beginuur liggen."]
    assert "Er is niets bewaard" in response.content.decode()
    assert not OfferLocation.objects.exists()


def test_the_same_place_twice_is_refused(client, editor, partner, offer, own_site):
    factories.make_offer_location(offer, own_site)
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data["places-1-location"] = str(own_site.pk)
    response = client.post(url(partner, offer), data)
    assert response.status_code == 200
    assert OfferLocation.objects.count() == 1
    assert response.context["formset"].non_form_errors()


def test_an_unknown_place_is_refused(client, editor, partner, offer):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data["places-0-location"] = "999999"
    response = client.post(url(partner, offer), data)
    assert "location" in response.context["formset"].forms[0].errors
    assert not OfferLocation.objects.exists()


def test_a_double_click_saves_once(client, editor, partner, offer, own_site):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data["places-0-location"] = str(own_site.pk)
    first = client.post(url(partner, offer), data)
    second = client.post(url(partner, offer), data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert OfferLocation.objects.count() == 1


def test_the_page_has_a_constant_number_of_queries(
    client, editor, partner, offer, django_assert_max_num_queries
):
    for number in range(4):
        place = factories.make_offer_location(offer, factories.make_location(f"Plek {number}"))
        for weekday in (1, 2, 3):
            ScheduleSlot.objects.create(
                offer_location=place, weekday=weekday, start_time=time(9), end_time=time(10)
            )
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url(partner, offer))
    assert len(response.context["formset"].forms) == 5


def claim_forms(data, prefix, forms):
    """The management data of a browser that claims to send `forms` stored rows: the formset
    would build and check a form for each, empty or not."""
    data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = str(forms)


def test_ten_thousand_places_are_refused_with_a_message(
    client, editor, partner, offer, django_assert_max_num_queries
):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    claim_forms(data, "places", 10_000)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.post(url(partner, offer), data)
    assert response.status_code == 200
    assert response.context["formset"].forms == []
    message = "Een aanbod kan op ten hoogste 20 plekken doorgaan."
    assert response.context["formset"].non_form_errors() == [message]
    assert message in response.text
    assert not OfferLocation.objects.exists()


def test_ten_thousand_times_of_each_place_are_refused_with_a_message(
    client, editor, partner, offer, own_site, django_assert_max_num_queries
):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    claim_forms(data, "places", 20)
    for place in range(20):
        data[f"places-{place}-location"] = str(own_site.pk)
        claim_forms(data, f"places-{place}-slots", 10_000)
    # One query per place checks that the place exists.
    with django_assert_max_num_queries(MAX_QUERIES + 20):
        response = client.post(url(partner, offer), data)
    assert response.status_code == 200
    slots = response.context["formset"].forms[0].slots
    assert slots.forms == []
    message = "Een plek kan ten hoogste 14 tijden hebben."
    assert slots.non_form_errors() == [message]
    assert message in response.text
    assert not OfferLocation.objects.exists()
    assert not ScheduleSlot.objects.exists()


def test_a_place_with_fourteen_times_shows_no_empty_rows_and_saves(
    client, editor, partner, offer, own_site
):
    place = factories.make_offer_location(offer, own_site)
    for weekday in range(1, 8):
        for start, end in ((time(9), time(12)), (time(14), time(16))):
            ScheduleSlot.objects.create(
                offer_location=place, weekday=weekday, start_time=start, end_time=end
            )
    client.force_login(editor)
    response = client.get(url(partner, offer))
    assert len(response.context["formset"].forms[0].slots.forms) == 14
    data = page_data(response)
    data["places-0-schedule"] = "altijd"
    assert client.post(url(partner, offer), data).status_code == 302
    assert OfferLocation.objects.get().schedule == "altijd"
