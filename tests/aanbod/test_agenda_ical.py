"""The agenda as an iCalendar feed: stable UIDs, sequence numbers, cancellations, time zone."""

from datetime import UTC, datetime, time, timedelta
from urllib.parse import quote_from_bytes, urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from aanbod.models import Activity, Location, Offer
from tests import factories

pytestmark = pytest.mark.django_db

FEED_MAX_QUERIES = 4
URL = reverse("aanbod:agenda_ical")


def at(days, hour=10):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def make_activity(offer, days=3, hour=10, **kwargs):
    return Activity.objects.create(
        offer=offer, starts_at=at(days, hour), ends_at=at(days, hour + 2), **kwargs
    )


def fetch(client, query=None):
    response = client.get(URL, query or {})
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def huis(db):
    return factories.make_location(
        "Huis van het Kind Leuven-centrum",
        kind=Location.Kind.HUIS_VAN_HET_KIND,
        street="Brusselsestraat 63",
        postcode="3000",
    )


@pytest.fixture
def workshop(partner):
    return factories.make_offer(
        partner,
        "Workshop babymassage",
        summary="Leer je baby masseren, samen met andere ouders.",
        pillars=("groepsaanbod",),
    )


@pytest.fixture
def activity(workshop, huis):
    return make_activity(workshop, location=huis)


def test_it_is_a_calendar_with_the_right_content_type_and_properties(client, activity):
    response = client.get(URL)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert "Huis van het Kind Leuven" in str(calendar["PRODID"])
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["X-WR-CALNAME"] == "Agenda Huis van het Kind Leuven"
    assert calendar["X-PUBLISHED-TTL"] == "PT6H"
    assert "UID" not in calendar, "a random calendar UID would change on every download"


def test_each_activity_is_an_event_with_its_details(client, activity, workshop):
    event = events(fetch(client))[f"activity-{activity.pk}@huisvanhetkind-leuven.be"]

    assert event["SUMMARY"] == "Workshop babymassage"
    assert event["LOCATION"] == "Huis van het Kind Leuven-centrum, Brusselsestraat 63, 3000 Leuven"
    assert event["DESCRIPTION"] == "Leer je baby masseren, samen met andere ouders."
    assert event["URL"] == "http://testserver/aanbod/workshop-babymassage/"
    assert event["STATUS"] == "CONFIRMED"
    assert event["SEQUENCE"] == 0
    assert event.start == activity.starts_at
    assert event.end == activity.ends_at


def test_times_are_in_the_brussels_time_zone_with_its_definition(client, activity):
    response = client.get(URL)
    calendar = Calendar.from_ical(response.content)
    event = calendar.walk("VEVENT")[0]

    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert event["DTEND"].params["TZID"] == "Europe/Brussels"
    assert b"DTSTART;TZID=Europe/Brussels:" in response.content
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    local_start = timezone.localtime(activity.starts_at)
    assert event["DTSTART"].dt.hour == local_start.hour == 10


def test_the_time_stamp_is_in_utc(client, activity):
    event = fetch(client).walk("VEVENT")[0]

    assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)
    assert abs(event["DTSTAMP"].dt - datetime.now(UTC)) < timedelta(minutes=5)


def test_an_online_activity_says_so_as_location(client, workshop):
    make_activity(workshop)
    assert fetch(client).walk("VEVENT")[0]["LOCATION"] == "Online"


def test_the_uid_stays_the_same_and_the_sequence_grows_when_an_activity_moves(
    client, activity, huis
):
    uid = f"activity-{activity.pk}@huisvanhetkind-leuven.be"
    assert uid in events(fetch(client))

    activity.title = "Babymassage (nieuwe naam)"
    activity.save()
    renamed = events(fetch(client))[uid]
    assert renamed["SUMMARY"] == "Babymassage (nieuwe naam)"
    assert renamed["SEQUENCE"] == 0, "a new title alone is no reschedule"

    activity.starts_at += timedelta(days=1)
    activity.ends_at += timedelta(days=1)
    activity.save()
    moved = events(fetch(client))[uid]
    assert moved["SEQUENCE"] == 1
    assert moved.start == activity.starts_at

    activity.location = factories.make_location("Bibliotheek Tweebronnen")
    activity.save()
    assert events(fetch(client))[uid]["SEQUENCE"] == 2


def test_a_cancelled_activity_stays_in_the_feed_marked_cancelled(client, activity):
    activity.is_cancelled = True
    activity.save()

    event = events(fetch(client))[f"activity-{activity.pk}@huisvanhetkind-leuven.be"]

    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1
    assert event["SUMMARY"] == "Afgelast: Workshop babymassage"


def test_the_feed_speaks_english_under_en(client, activity):
    activity.is_cancelled = True
    activity.save()

    response = client.get("/en" + URL)

    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event["SUMMARY"] == "Cancelled: Workshop babymassage"


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.ARCHIVED])
def test_activities_of_unpublished_offers_never_appear(client, partner, activity, status):
    hidden = factories.make_offer(partner, "Nog niet klaar", status=status)
    make_activity(hidden)

    feed = client.get(URL).content.decode()

    assert "Nog niet klaar" not in feed
    assert "Workshop babymassage" in feed


def test_it_keeps_last_months_activities_and_drops_older_ones(client, workshop):
    last_week = make_activity(workshop, days=-7)
    two_months_ago = make_activity(workshop, days=-60)

    uids = events(fetch(client))

    assert f"activity-{last_week.pk}@huisvanhetkind-leuven.be" in uids
    assert f"activity-{two_months_ago.pk}@huisvanhetkind-leuven.be" not in uids


def test_it_applies_the_same_filters_as_the_page(client, partner, activity, huis):
    consult = factories.make_offer(partner, "Consultatiebureau", pillars=("consultatie",))
    make_activity(consult, location=factories.make_location("Elders", postcode="3001"))

    by_pillar = {
        str(e["SUMMARY"]) for e in fetch(client, {"pijler": "groepsaanbod"}).walk("VEVENT")
    }
    by_place = {str(e["SUMMARY"]) for e in fetch(client, {"plek": huis.slug}).walk("VEVENT")}
    by_postcode = {str(e["SUMMARY"]) for e in fetch(client, {"gemeente": "3001"}).walk("VEVENT")}

    assert by_pillar == {"Workshop babymassage"}
    assert by_place == {"Workshop babymassage"}
    assert by_postcode == {"Consultatiebureau"}


def test_an_empty_feed_is_still_a_valid_calendar(client):
    calendar = fetch(client)
    assert calendar.walk("VEVENT") == []
    assert calendar["VERSION"] == "2.0"


def test_the_number_of_queries_does_not_grow_with_the_number_of_activities(
    client, django_assert_max_num_queries, partner, huis
):
    for number in range(25):
        make_activity(factories.make_offer(partner, f"Sessie {number}"), days=number, location=huis)

    with django_assert_max_num_queries(FEED_MAX_QUERIES):
        calendar = fetch(client, {"voor": "0-3", "plek": huis.slug})

    assert len(calendar.walk("VEVENT")) == 25


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    pairs=st.lists(
        st.tuples(
            st.sampled_from(["pijler", "voor", "plek", "gemeente", "vanaf"]) | st.text(max_size=8),
            st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
            | st.dates().map(str)
            | st.sampled_from(["0-3", "zwanger", "3000", "groepsaanbod"]),
        ),
        max_size=6,
    ),
    raw=st.binary(max_size=40),
)
def test_any_query_string_gives_a_calendar(client, activity, pairs, raw):
    for query in (urlencode(pairs), quote_from_bytes(raw, safe="=&")):
        response = client.get(f"{URL}?{query}")
        # A NUL character is refused before any page sees it (tests/test_bad_requests.py).
        if any("\x00" in key + "".join(values) for key, values in QueryDict(query).lists()):
            assert response.status_code == 400
            continue
        assert response.status_code == 200
        Calendar.from_ical(response.content)
