from datetime import timedelta

import pytest
from django.contrib.auth.models import Group as AuthGroup
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netwerk.models import ActionItem, Attendance, GroupMember, Meeting, WorkgroupReport
from tests import factories
from tests.netwerk.builders import make_action, make_attendance, make_meeting, make_person


def test_it_refuses_a_meeting_that_ends_before_it_starts(workgroup):
    now = timezone.now()
    meeting = Meeting(group=workgroup, starts_at=now, ends_at=now - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert error.value.message_dict["ends_at"] == [_("The meeting must end after it starts.")]
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.save()
    assert not Meeting.objects.exists()


def test_it_refuses_a_registration_deadline_after_the_start(workgroup):
    meeting = make_meeting(workgroup)
    meeting.registration_deadline = meeting.starts_at + timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "registration_deadline" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.save()


def test_it_refuses_zero_places(workgroup):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_meeting(workgroup, capacity=0)


def test_a_meeting_gets_a_calendar_uid_once(workgroup):
    meeting = make_meeting(workgroup)
    uid = meeting.uid
    meeting.title = "Nieuwe titel"
    meeting.save()
    meeting.refresh_from_db()
    assert meeting.uid == uid
    assert make_meeting(workgroup).uid != uid


def test_the_sequence_rises_on_a_change_of_time_place_or_status(workgroup):
    meeting = make_meeting(workgroup)
    assert meeting.sequence == 0
    meeting.title = "Alleen de titel"
    meeting.save()
    assert meeting.sequence == 0
    meeting.starts_at += timedelta(hours=1)
    meeting.ends_at += timedelta(hours=1)
    meeting.save()
    assert meeting.sequence == 1
    meeting.location_text = "Zaal 2"
    meeting.save()
    assert meeting.sequence == 2
    meeting.status = Meeting.Status.CANCELLED
    meeting.save(update_fields=["status"])
    meeting.refresh_from_db()
    assert meeting.sequence == 3


def test_one_attendance_per_person_and_meeting(workgroup, editor, partner):
    meeting = make_meeting(workgroup)
    make_attendance(meeting, editor, partner)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_attendance(meeting, editor, partner)


def test_a_stand_in_only_when_excused(workgroup, editor, manager, partner):
    meeting = make_meeting(workgroup)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_attendance(meeting, editor, partner, rsvp=Attendance.Rsvp.DECLINED, stand_in=manager)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_attendance(meeting, editor, partner, rsvp=Attendance.Rsvp.EXCUSED, stand_in=editor)
    make_attendance(meeting, editor, partner, rsvp=Attendance.Rsvp.EXCUSED, stand_in=manager)
    assert Attendance.objects.get().stand_in == manager


def test_an_action_point_needs_an_owner(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionItem.objects.create(title="Niemand")


def test_closing_an_action_point_records_the_date_and_reopening_clears_it(partner):
    item = make_action(partner)
    item.status = ActionItem.Status.DONE
    item.save()
    assert item.completed_on == timezone.localdate()
    item.status = ActionItem.Status.IN_PROGRESS
    item.save()
    assert item.completed_on is None


def test_an_action_point_takes_group_and_meeting_from_its_agenda_item(workgroup, partner):
    meeting = make_meeting(workgroup)
    agenda_item = meeting.agenda_items.create(title="Vrijwilligers")
    item = make_action(partner, agenda_item=agenda_item)
    assert item.meeting == meeting
    assert item.group == workgroup


def test_overdue_means_open_with_a_past_due_date(partner):
    today = timezone.localdate()
    late = make_action(partner, due_date=today - timedelta(days=1))
    make_action(partner, due_date=today - timedelta(days=1), status=ActionItem.Status.DONE)
    make_action(partner, due_date=today)
    assert list(ActionItem.objects.overdue()) == [late]
    assert late.is_overdue


def test_group_membership_cannot_end_before_it_starts(workgroup, other_partner):
    today = timezone.localdate()
    with pytest.raises(IntegrityError), transaction.atomic():
        GroupMember.objects.create(
            group=workgroup,
            partner=other_partner,
            start_date=today,
            end_date=today - timedelta(days=1),
        )


def test_a_report_period_cannot_end_before_it_starts(workgroup):
    today = timezone.localdate()
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkgroupReport.objects.create(
            group=workgroup,
            title="Verslag",
            summary="…",
            period_start=today,
            period_end=today - timedelta(days=1),
        )


def test_publishing_minutes_records_when(workgroup):
    meeting = make_meeting(workgroup, minutes="Verslag", minutes_status="published")
    assert meeting.minutes_published_at is not None
    meeting.minutes_status = "draft"
    meeting.save()
    assert meeting.minutes_published_at is None


def test_coordinators_may_manage_every_network_model(db):
    permissions = AuthGroup.objects.get(name="Coordinators").permissions
    codenames = set(
        permissions.filter(content_type__app_label="netwerk").values_list("codename", flat=True)
    )
    assert {"change_meeting", "add_actionitem", "view_opportunity"} <= codenames


def test_a_former_colleague_keeps_the_partner_on_old_attendance(workgroup, partner):
    person = make_person(partner)
    meeting = make_meeting(workgroup, starts_in=timedelta(days=-30))
    make_attendance(meeting, person, partner)
    person.memberships.all().delete()
    assert Attendance.objects.get().partner == partner


def test_the_place_names_the_location_and_the_room(workgroup):
    location = factories.make_location("Huis van het Kind", street="Brusselsestraat 1")
    meeting = make_meeting(workgroup, location=location, location_text="Zaal 2")
    assert meeting.place == "Huis van het Kind, Brusselsestraat 1, 3000 Leuven – Zaal 2"
    assert make_meeting(workgroup).place == ""
