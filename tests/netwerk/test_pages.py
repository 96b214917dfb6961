"""The partner pages render, show what they promise, and cost a constant number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse

from netwerk.models import ActionItem, Meeting, NetworkGroup, WorkgroupReport
from tests.netwerk.builders import (
    make_action,
    make_attendance,
    make_group,
    make_meeting,
    make_opportunity,
    make_person,
)

MAX_QUERIES = 10


def fill_meeting(meeting, partners, people=3):
    for number in range(3):
        meeting.agenda_items.create(
            order=number, title=f"Punt {number}", presenter_partner=partners[0], decision="Ok"
        )
    for partner in partners:
        for _number in range(people):
            make_attendance(meeting, make_person(partner), partner)


@pytest.fixture
def busy_network(partner, other_partner, network, workgroup):
    """Several meetings with agendas, attendance and action points."""
    for days in (3, 10, 20):
        meeting = make_meeting(network, starts_in=timedelta(days=days), kind=Meeting.Kind.NETWORK)
        fill_meeting(meeting, [partner, other_partner])
    for days in (5, 15):
        meeting = make_meeting(workgroup, starts_in=timedelta(days=days))
        fill_meeting(meeting, [partner], people=2)
        make_action(partner, meeting=meeting)
    return network


def test_the_meeting_list_shows_upcoming_meetings_with_my_answer(client, editor, workgroup):
    meeting = make_meeting(workgroup, title="Werkgroep april")
    make_meeting(workgroup, title="Voorbij", starts_in=timedelta(days=-10))
    make_attendance(meeting, editor, rsvp="declined")
    client.force_login(editor)
    response = client.get(reverse("netwerk:meeting_list"))
    assert "Werkgroep april" in response.text
    assert "Voorbij" not in response.text
    assert f'id="meeting-{meeting.pk}-attend"' in response.text


def test_a_cancelled_meeting_stays_listed_as_cancelled(client, editor, workgroup):
    meeting = make_meeting(workgroup, status=Meeting.Status.CANCELLED)
    client.force_login(editor)
    response = client.get(reverse("netwerk:meeting_list"))
    assert f'id="meeting-{meeting.pk}"' in response.text
    assert f'id="meeting-{meeting.pk}-attend"' not in response.text


@pytest.mark.usefixtures("busy_network")
def test_the_meeting_list_has_a_constant_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("netwerk:meeting_list"))
    assert response.text.count('class="card mb-3"') == 5


@pytest.mark.usefixtures("busy_network")
def test_the_meeting_page_has_a_constant_number_of_queries(
    client, editor, manager, django_assert_max_num_queries
):
    meeting = Meeting.objects.filter(group__kind=NetworkGroup.Kind.WORKGROUP).order_by("starts_at")[
        0
    ]
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert 'id="rsvp-form"' in response.text
    assert 'id="follow-up"' in response.text


def test_the_next_meeting_of_a_group_lists_its_open_action_points(
    client, editor, partner, workgroup
):
    next_meeting = make_meeting(workgroup, starts_in=timedelta(days=5))
    later = make_meeting(workgroup, starts_in=timedelta(days=40))
    make_action(partner, group=workgroup, title="Affiche maken")
    make_action(partner, group=workgroup, title="Klaar", status=ActionItem.Status.DONE)
    client.force_login(editor)
    page = client.get(next_meeting.get_absolute_url()).text
    assert "Affiche maken" in page
    assert "Klaar" not in page
    assert "Affiche maken" not in client.get(later.get_absolute_url()).text


def test_the_meeting_page_shows_places_left(client, editor, partner, workgroup):
    meeting = make_meeting(workgroup, capacity=3)
    make_attendance(meeting, make_person(partner), partner)
    client.force_login(editor)
    response = client.get(meeting.get_absolute_url())
    assert response.context["places_left"] == 2
    assert response.context["represented"] == ["Gezinsbond vzw"]


@pytest.mark.usefixtures("busy_network")
def test_the_archive_and_decision_search(client, editor, workgroup, django_assert_max_num_queries):
    for meeting in Meeting.objects.all():
        meeting.minutes = "Verslag"
        meeting.minutes_status = "published"
        meeting.save()
    hit = make_meeting(
        workgroup, starts_in=timedelta(days=-2), minutes="Verslag", minutes_status="published"
    )
    hit.agenda_items.create(title="Vrijwilligers", decision="We starten een gezamenlijke oproep.")
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("netwerk:archive"), {"q": "GEZAMENLIJKE"})
    assert "We starten een gezamenlijke oproep." in response.text
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("netwerk:archive"))
    assert response.text.count("#minutes-title") == 6


def test_a_too_long_search_is_ignored_with_a_message(client, editor):
    client.force_login(editor)
    response = client.get(reverse("netwerk:archive"), {"q": "x" * 500})
    assert response.status_code == 200
    assert response.context["decisions"] is None
    assert 'id="id_q_error"' in response.text


def test_group_pages_show_members_and_published_reports(
    client, editor, partner, other_partner, workgroup, django_assert_max_num_queries
):
    for number in range(3):
        make_group(partners=[partner, other_partner], name=f"Werkgroep {number}")
    today = workgroup.members.get().start_date
    WorkgroupReport.objects.create(
        group=workgroup,
        title="Halfjaarlijks verslag",
        period_start=today,
        period_end=today,
        summary="- eerste punt",
        questions="Wie doet mee?",
        status="published",
    )
    WorkgroupReport.objects.create(
        group=workgroup, title="Ontwerp", period_start=today, period_end=today, summary="…"
    )
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        listing = client.get(reverse("netwerk:group_list"))
    assert "Werkgroep 2" in listing.text
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get(workgroup.get_absolute_url())
    assert "Gezinsbond vzw" in page.text
    assert "Halfjaarlijks verslag" in page.text
    assert "<li>eerste punt</li>" in page.text
    assert "Ontwerp" not in page.text


def test_the_opportunities_board_shows_open_calls_and_who_is_in(
    client, editor, other_partner, django_assert_max_num_queries
):
    for number in range(4):
        opportunity = make_opportunity(title=f"Oproep {number}")
        opportunity.interests.create(partner=other_partner, role="lead")
    make_opportunity(title="Verlopen", deadline=opportunity.deadline - timedelta(days=60))
    make_opportunity(title="Ingediend", status="submitted")
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("netwerk:opportunity_list"))
    assert response.text.count("Wigwam vzw") == 4
    assert "Verlopen" not in response.text
    assert "Ingediend" not in response.text


def test_the_action_list_has_a_constant_number_of_queries(
    client, editor, partner, workgroup, django_assert_max_num_queries
):
    meeting = make_meeting(workgroup)
    for number in range(6):
        make_action(partner, title=f"Punt {number}", meeting=meeting, owner_person=editor)
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("netwerk:action_list"))
    assert response.text.count('id="action-') >= 6
