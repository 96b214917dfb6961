"""Calendar output, parsed back with icalendar: stable UID, rising SEQUENCE, cancelled kept."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from icalendar import Calendar

from netwerk.models import CalendarToken, Meeting
from netwerk.services import meeting_cancel
from tests.netwerk.builders import make_meeting, make_person


def feed_url(user):
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return reverse("netwerk:calendar_feed", args=[token.token])


def events_of(response):
    assert response["Content-Type"].startswith("text/calendar")
    return {str(event["UID"]): event for event in Calendar.from_ical(response.content).events}


def test_the_feed_needs_no_login_but_a_valid_token(client, editor, workgroup):
    make_meeting(workgroup)
    assert client.get(feed_url(editor)).status_code == 200
    bad = reverse("netwerk:calendar_feed", args=["niet-geldig"])
    assert client.get(bad).status_code == 404


def test_the_feed_holds_only_meetings_the_person_may_see(
    client, editor, workgroup, other_workgroup
):
    mine = make_meeting(workgroup)
    make_meeting(other_workgroup)
    assert set(events_of(client.get(feed_url(editor)))) == {str(mine.uid)}


def test_a_meeting_keeps_its_uid_and_its_sequence_rises_on_changes(client, editor, workgroup):
    meeting = make_meeting(workgroup, location_text="Zaal 1")
    url = feed_url(editor)
    first = events_of(client.get(url))[str(meeting.uid)]
    assert first["SEQUENCE"] == 0
    meeting.starts_at += timedelta(hours=1)
    meeting.ends_at += timedelta(hours=1)
    meeting.save()
    second = events_of(client.get(url))[str(meeting.uid)]
    assert second["SEQUENCE"] == 1
    assert second.start == first.start + timedelta(hours=1)
    meeting.location_text = "Zaal 2"
    meeting.save()
    third = events_of(client.get(url))[str(meeting.uid)]
    assert third["SEQUENCE"] == 2
    assert str(third["LOCATION"]) == "Zaal 2"
    assert third["LAST-MODIFIED"].dt >= first["LAST-MODIFIED"].dt


def test_a_cancelled_meeting_stays_in_the_feed_as_cancelled(client, editor, workgroup):
    meeting = make_meeting(workgroup)
    meeting_cancel(meeting=meeting, notify=False)
    event = events_of(client.get(feed_url(editor)))[str(meeting.uid)]
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 1


def test_times_are_in_brussels_with_a_timezone_and_stamps_in_utc(client, editor, workgroup):
    meeting = make_meeting(workgroup)
    response = client.get(feed_url(editor))
    local = meeting.starts_at.astimezone(ZoneInfo("Europe/Brussels"))
    assert f"DTSTART;TZID=Europe/Brussels:{local:%Y%m%dT%H%M%S}".encode() in response.content
    calendar = Calendar.from_ical(response.content)
    event = calendar.events[0]
    assert event.start == local.replace(microsecond=0)
    for name in ("DTSTAMP", "LAST-MODIFIED"):
        assert event[name].to_ical().endswith(b"Z")
    assert [tz["TZID"] for tz in calendar.timezones] == ["Europe/Brussels"]
    assert str(event["URL"]).endswith(meeting.get_absolute_url())


def test_renewing_the_link_revokes_the_old_one(client, editor, workgroup):
    make_meeting(workgroup)
    old = feed_url(editor)
    client.force_login(editor)
    page = client.get(reverse("netwerk:calendar"))
    assert old in page.text
    client.post(reverse("netwerk:calendar_renew"))
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(feed_url(editor)).status_code == 200


def test_a_deactivated_account_loses_its_feed(client, workgroup, partner):
    person = make_person(partner)
    url = feed_url(person)
    person.is_active = False
    person.save()
    assert client.get(url).status_code == 404


def test_the_ics_download_of_one_meeting(client, editor, workgroup):
    meeting = make_meeting(workgroup, title="Werkgroep mei", kind=Meeting.Kind.WORKGROUP)
    meeting.agenda_items.create(title="Welkom")
    client.force_login(editor)
    response = client.get(reverse("netwerk:meeting_ical", args=[meeting.pk]))
    assert response["Content-Disposition"].startswith("attachment;")
    event = events_of(response)[str(meeting.uid)]
    assert str(event["SUMMARY"]) == "Werkgroep mei"
    assert "Welkom" in str(event["DESCRIPTION"])


def test_the_feed_has_a_constant_number_of_queries(
    client, editor, workgroup, network, django_assert_max_num_queries
):
    for days in range(1, 8):
        meeting = make_meeting(network if days % 2 else workgroup, starts_in=timedelta(days=days))
        meeting.agenda_items.create(title="Punt")
    url = feed_url(editor)
    with django_assert_max_num_queries(5):
        response = client.get(url)
    assert len(events_of(response)) == 7
