"""An offer's dated activities: added, changed, cancelled and removed on one page."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from aanbod.models import Activity
from tests import factories
from tests.aanbod.staff import page_data, portal_url

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def offer(partner):
    return factories.make_offer(partner, "Infoavond slapen")


def url(partner, offer):
    return portal_url("offer_activities", partner, offer.pk)


def next_week():
    return timezone.localdate() + timedelta(days=7)


def test_an_activity_is_added_with_its_day_and_hours(client, editor, partner, offer):
    place = factories.make_location("Zaal", owner=partner)
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    day = next_week()
    data.update(
        {
            "activities-0-date": day.strftime("%d-%m-%Y"),
            "activities-0-start_time": "19:30",
            "activities-0-end_time": "21:30",
            "activities-0-title": "Slapen zonder tranen",
            "activities-0-location": str(place.pk),
            "activities-0-capacity": "20",
            "activities-0-registration_url": "example.org/inschrijven",
        }
    )
    response = client.post(url(partner, offer), data)
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.offer == offer
    assert timezone.localtime(activity.starts_at) == timezone.make_aware(
        datetime.combine(day, time(19, 30))
    )
    assert timezone.localtime(activity.ends_at).time() == time(21, 30)
    assert activity.location == place
    assert activity.capacity == 20
    assert activity.registration_url == "https://example.org/inschrijven"
    assert activity.history.get().history_user == editor


def test_an_activity_is_cancelled_and_its_calendar_sequence_raised(client, editor, partner, offer):
    activity = factories.make_activity(offer)
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data["activities-0-is_cancelled"] = "on"
    assert client.post(url(partner, offer), data).status_code == 302
    activity.refresh_from_db()
    assert activity.is_cancelled
    assert activity.sequence == 1


def test_an_unchanged_activity_stays_as_it_was(client, editor, partner, offer):
    activity = factories.make_activity(offer)
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    assert client.post(url(partner, offer), data).status_code == 302
    activity.refresh_from_db()
    assert activity.sequence == 0
    assert activity.history.count() == 1


def test_an_activity_is_removed(client, editor, partner, offer):
    factories.make_activity(offer)
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data["activities-0-DELETE"] = "on"
    assert client.post(url(partner, offer), data).status_code == 302
    assert not Activity.objects.exists()


def test_a_date_in_the_past_and_an_end_before_the_start_are_refused(client, editor, partner, offer):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data.update(
        {
            "activities-0-date": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "activities-0-start_time": "19:00",
            "activities-0-end_time": "21:00",
            "activities-1-date": next_week().isoformat(),
            "activities-1-start_time": "21:00",
            "activities-1-end_time": "19:00",
        }
    )
    response = client.post(url(partner, offer), data)
    forms = response.context["formset"].forms
    assert forms[0].errors["date"] == ["Deze datum is al voorbij."]
    assert forms[1].errors["end_time"] == ["Het einduur moet na het beginuur liggen."]
    assert not Activity.objects.exists()


def test_nonsense_in_the_date_is_a_message_not_an_error(client, editor, partner, offer):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data.update(
        {
            "activities-0-date": "31-02-2027",
            "activities-0-start_time": "25:00",
            "activities-0-end_time": "19:00",
        }
    )
    response = client.post(url(partner, offer), data)
    assert response.status_code == 200
    errors = response.context["formset"].forms[0].errors
    assert errors["date"] == ["Voer een geldige datum in."]
    assert errors["start_time"] == ["Voer een geldige tijd in."]


def test_another_offers_activity_cannot_be_changed_through_this_page(
    client, editor, partner, offer, other_partner
):
    theirs = factories.make_activity(factories.make_offer(other_partner), title="Van Wigwam")
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data.update(
        {
            "activities-TOTAL_FORMS": "1",
            "activities-INITIAL_FORMS": "1",
            "activities-0-id": str(theirs.pk),
            "activities-0-date": next_week().isoformat(),
            "activities-0-start_time": "10:00",
            "activities-0-end_time": "11:00",
            "activities-0-title": "Overgenomen",
        }
    )
    response = client.post(url(partner, offer), data)
    assert response.status_code == 200
    assert "Iemand anders verwijderde deze activiteit intussen" in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.title == "Van Wigwam"
    assert theirs.offer.provider == other_partner


def test_a_double_click_adds_the_activity_once(client, editor, partner, offer):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    data.update(
        {
            "activities-0-date": next_week().isoformat(),
            "activities-0-start_time": "19:00",
            "activities-0-end_time": "21:00",
        }
    )
    client.post(url(partner, offer), data)
    second = client.post(url(partner, offer), data)
    assert second.status_code == 302
    assert Activity.objects.count() == 1


def test_past_activities_are_listed_but_not_edited(client, editor, partner, offer):
    factories.make_activity(offer, starts_in=timedelta(days=-10), title="Vorige keer")
    factories.make_activity(offer, title="Volgende keer")
    client.force_login(editor)
    response = client.get(url(partner, offer))
    assert [f.instance.title for f in response.context["formset"].initial_forms] == [
        "Volgende keer"
    ]
    assert [s.title for s in response.context["past_activities"]] == ["Vorige keer"]


def test_the_page_has_a_constant_number_of_queries(
    client, editor, partner, offer, django_assert_max_num_queries
):
    place = factories.make_location("Zaal", owner=partner)
    for day in range(1, 13):
        factories.make_activity(offer, starts_in=timedelta(days=day), location=place)
        factories.make_activity(offer, starts_in=timedelta(days=-day), location=place)
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url(partner, offer))
    assert len(response.context["formset"].forms) == 14


def test_ten_thousand_activities_are_refused_with_a_message(
    client, editor, partner, offer, django_assert_max_num_queries
):
    client.force_login(editor)
    data = page_data(client.get(url(partner, offer)))
    # Rows that claim to be stored activities are checked even when empty.
    data["activities-TOTAL_FORMS"] = data["activities-INITIAL_FORMS"] = "10000"
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.post(url(partner, offer), data)
    assert response.status_code == 200
    assert response.context["formset"].forms == []
    message = (
        "Een aanbod kan hier ten hoogste 50 komende activiteiten hebben. Verwijder er enkele, "
        "of voeg er meer toe als er enkele voorbij zijn."
    )
    assert response.context["formset"].non_form_errors() == [message]
    assert message in response.text
    assert not Activity.objects.exists()


def test_an_offer_with_many_upcoming_activities_shows_and_saves_the_first_ones(
    client, editor, partner, offer
):
    for day in range(1, 56):
        factories.make_activity(offer, starts_in=timedelta(days=day), title=f"Keer {day}")
    client.force_login(editor)
    response = client.get(url(partner, offer))
    forms = response.context["formset"].forms
    assert [f.instance.title for f in forms] == [f"Keer {day}" for day in range(1, 51)]
    assert "Deze pagina toont ten hoogste 50 komende activiteiten." in response.text
    data = page_data(response)
    data["activities-0-title"] = "Eerste keer"
    assert client.post(url(partner, offer), data).status_code == 302
    assert Activity.objects.filter(title="Eerste keer").count() == 1
    assert Activity.objects.count() == 55
