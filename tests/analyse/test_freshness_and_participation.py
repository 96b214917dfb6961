from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from aanbod.models import ErrorReport, Language, Offer
from netwerk.models import ActionItem, Attendance, NetworkGroup
from tests import factories
from tests.analyse.helpers import count_queries, row_named, values
from tests.netwerk import builders

FRESHNESS = "/mijn/analyse/actualiteit/"
PARTICIPATION = "/mijn/analyse/deelname/"


@pytest.fixture
def known_listings(partner, other_partner):
    now = timezone.now()
    fresh = factories.make_offer(partner, "Vers", reviewed_at=now - timedelta(days=10))
    fresh.languages.add(Language.objects.create(code="nl", name="Nederlands"))
    factories.make_offer_location(fresh)
    factories.make_offer(partner, "Oud", reviewed_at=now - timedelta(days=400))
    never = factories.make_offer(partner, "Nooit", format=Offer.Format.ONLINE)
    factories.make_offer(partner, "Klad", status=Offer.Status.DRAFT)
    factories.make_offer(other_partner, "Van Wigwam", reviewed_at=now)
    report = ErrorReport.objects.create(offer=never, message="Telefoonnummer klopt niet")
    ErrorReport.objects.filter(pk=report.pk).update(created_at=now - timedelta(days=9))
    return fresh


def test_it_shows_each_partners_freshness_and_completeness(client, coordinator, known_listings):
    client.force_login(coordinator)
    response = client.get(FRESHNESS)
    # partner, published, confirmed recently, share, oldest, no summary, no languages,
    # in person without place, open reports, longest wait
    assert row_named(response, "actualiteit", "Gezinsbond vzw") == [
        "Gezinsbond vzw",
        3,
        1,
        33,
        "Nooit (nooit)",
        0,
        2,
        1,
        1,
        9,
    ]
    assert row_named(response, "actualiteit", "Wigwam vzw")[:4] == ["Wigwam vzw", 1, 1, 100]
    assert row_named(response, "actualiteit", "Het hele netwerk")[:4] == [
        "Het hele netwerk",
        4,
        2,
        50,
    ]


def test_an_editor_sees_only_their_own_partners_freshness(client, editor, known_listings):
    client.force_login(editor)
    rows = values(client.get(FRESHNESS), "actualiteit")
    assert [row[0] for row in rows] == ["Gezinsbond vzw"]


def test_a_manager_sees_the_network_total_and_their_own_partner(client, manager, known_listings):
    client.force_login(manager)
    rows = values(client.get(FRESHNESS), "actualiteit")
    assert [row[:2] for row in rows] == [["Het hele netwerk", 4], ["Gezinsbond vzw", 3]]


def test_the_freshness_queries_do_not_grow_with_partners_or_offers(client, coordinator, partner):
    client.force_login(coordinator)
    factories.make_offer(partner)
    few = count_queries(client, FRESHNESS)
    for _index in range(8):
        other = factories.make_partner()
        offer = factories.make_offer(other)
        ErrorReport.objects.create(offer=offer, message="fout")
    assert count_queries(client, FRESHNESS) == few


LAST_YEAR = timezone.localdate().year - 1


@pytest.fixture
def known_year(partner, other_partner):
    """Last year: two network meetings held; Gezinsbond attended one and was excused for the
    other, Wigwam attended none. Gezinsbond is in a workgroup, finished one action point and let
    another pass its due date; one of its two offers is confirmed recently."""
    network = builders.make_group(NetworkGroup.Kind.NETWORK, name="Netwerk")
    builders.make_group(partners=[partner], name="Werkgroep Toegankelijkheid")
    now = timezone.now()
    meetings = [
        builders.make_meeting(network, starts_in=when - now)
        for when in (
            timezone.make_aware(datetime(LAST_YEAR, 3, 10, 14)),
            timezone.make_aware(datetime(LAST_YEAR, 10, 6, 14)),
        )
    ]
    person = builders.make_person(partner)
    builders.make_attendance(meetings[0], person, partner, presence=Attendance.Presence.PRESENT)
    builders.make_attendance(meetings[1], person, partner, rsvp=Attendance.Rsvp.EXCUSED)
    builders.make_action(partner, status=ActionItem.Status.DONE, completed_on=date(LAST_YEAR, 5, 1))
    builders.make_action(partner, due_date=date(LAST_YEAR, 11, 30))
    builders.make_action(partner, due_date=date(LAST_YEAR + 1, 12, 31))  # not overdue then
    factories.make_offer(partner, reviewed_at=now)
    factories.make_offer(partner)


def test_it_shows_each_partners_participation_in_the_year(client, coordinator, known_year):
    client.force_login(coordinator)
    response = client.get(f"{PARTICIPATION}?jaar={LAST_YEAR}")
    row = row_named(response, "deelname", "Gezinsbond vzw")
    # expected, attended, excused, rate, workgroups, done, overdue, listings fresh
    assert row[1:] == [2, 1, 1, 50, 1, 1, 1, 50]
    assert row_named(response, "deelname", "Wigwam vzw")[1:5] == [2, 0, 0, 0]


def test_participation_is_scoped_like_the_other_figures(client, editor, manager, known_year):
    client.force_login(editor)
    assert [r[0] for r in values(client.get(f"{PARTICIPATION}?jaar={LAST_YEAR}"), "deelname")] == [
        "Gezinsbond vzw"
    ]
    client.force_login(manager)
    rows = values(client.get(f"{PARTICIPATION}?jaar={LAST_YEAR}"), "deelname")
    assert [r[:3] for r in rows] == [["Het hele netwerk", 4, 1], ["Gezinsbond vzw", 2, 1]]


def test_a_year_out_of_range_gets_a_message_and_the_current_year(client, coordinator):
    client.force_login(coordinator)
    response = client.get(PARTICIPATION + "?jaar=1999")
    assert response.context["year"] == timezone.localdate().year
    assert "Kies een jaar van 2014 tot" in response.content.decode()


def test_the_participation_queries_do_not_grow_with_partners(client, coordinator, known_year):
    client.force_login(coordinator)
    few = count_queries(client, f"{PARTICIPATION}?jaar={LAST_YEAR}")
    for _index in range(6):
        other = factories.make_partner()
        builders.make_action(other)
        factories.make_offer(other)
    assert count_queries(client, f"{PARTICIPATION}?jaar={LAST_YEAR}") == few
