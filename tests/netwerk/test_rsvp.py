"""Answering an invitation: one click, excused with a stand-in, and refusals that save nothing."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from netwerk.models import Attendance, Meeting
from tests.netwerk.builders import make_attendance, make_group, make_meeting, make_person


def rsvp_url(meeting):
    return reverse("netwerk:meeting_rsvp", args=[meeting.pk])


def test_a_partner_registers_in_one_click_from_the_list(client, editor, partner, workgroup):
    meeting = make_meeting(workgroup)
    client.force_login(editor)
    listing = reverse("netwerk:meeting_list")
    response = client.post(rsvp_url(meeting), {"answer": "attending", "next": listing})
    assert response.status_code == 302
    assert response["Location"] == listing
    attendance = Attendance.objects.get(meeting=meeting, person=editor)
    assert attendance.rsvp == Attendance.Rsvp.ATTENDING
    assert attendance.partner == partner
    assert _("Thank you, you are registered.") in client.get(listing).text


def test_answering_again_changes_the_answer(client, editor, workgroup):
    meeting = make_meeting(workgroup)
    client.force_login(editor)
    client.post(rsvp_url(meeting), {"answer": "attending"})
    client.post(rsvp_url(meeting), {"answer": "declined"})
    assert Attendance.objects.get(meeting=meeting).rsvp == Attendance.Rsvp.DECLINED


def test_excused_with_a_colleague_who_stands_in(client, editor, manager, partner, workgroup):
    meeting = make_meeting(workgroup)
    client.force_login(editor)
    response = client.post(
        rsvp_url(meeting),
        {"answer": "excused", "partner": partner.pk, "stand_in": manager.pk},
    )
    assert response.status_code == 302
    mine = Attendance.objects.get(meeting=meeting, person=editor)
    assert (mine.rsvp, mine.stand_in) == (Attendance.Rsvp.EXCUSED, manager)
    stand_in = Attendance.objects.get(meeting=meeting, person=manager)
    assert (stand_in.rsvp, stand_in.partner) == (Attendance.Rsvp.ATTENDING, partner)
    page = client.get(meeting.get_absolute_url())
    assert _("%(name)s comes instead") % {"name": "manager@example.org"} in page.text


def test_a_stand_in_takes_over_the_place_in_a_full_meeting(
    client, editor, manager, partner, workgroup
):
    meeting = make_meeting(workgroup, capacity=1)
    make_attendance(meeting, editor, partner)
    client.force_login(editor)
    response = client.post(
        rsvp_url(meeting), {"answer": "excused", "partner": partner.pk, "stand_in": manager.pk}
    )
    assert response.status_code == 302
    assert list(meeting.attendances.filter(rsvp="attending")) == [
        meeting.attendances.get(person=manager)
    ]


def test_a_stand_in_must_be_a_colleague(client, editor, outsider, partner, workgroup):
    meeting = make_meeting(workgroup)
    client.force_login(editor)
    response = client.post(
        rsvp_url(meeting), {"answer": "excused", "partner": partner.pk, "stand_in": outsider.pk}
    )
    assert response.status_code == 400
    assert "stand_in" in response.context["form"].errors  # the error is on the field
    assert not Attendance.objects.exists()


def test_a_stand_in_only_for_an_excused_answer(client, editor, manager, partner, workgroup):
    meeting = make_meeting(workgroup)
    client.force_login(editor)
    response = client.post(
        rsvp_url(meeting), {"answer": "declined", "partner": partner.pk, "stand_in": manager.pk}
    )
    assert response.status_code == 400
    assert _("Only someone who is excused can name a stand-in.") in response.text
    assert not Attendance.objects.exists()


def test_no_answer_after_the_registration_deadline(client, editor, workgroup):
    meeting = make_meeting(workgroup, registration_deadline=timezone.now() - timedelta(hours=1))
    client.force_login(editor)
    response = client.post(rsvp_url(meeting), {"answer": "attending"})
    assert response.status_code == 400
    assert _("Registration for this meeting closed on %(deadline)s.").split("%")[0] in response.text
    assert not Attendance.objects.exists()


def test_no_answer_to_a_cancelled_meeting(client, editor, workgroup):
    meeting = make_meeting(workgroup, status=Meeting.Status.CANCELLED)
    client.force_login(editor)
    response = client.post(rsvp_url(meeting), {"answer": "attending"})
    assert response.status_code == 400
    assert _("This meeting is cancelled.") in response.text
    assert not Attendance.objects.exists()


def test_no_answer_once_the_meeting_started(client, editor, workgroup):
    meeting = make_meeting(workgroup, starts_in=timedelta(minutes=-5))
    client.force_login(editor)
    response = client.post(rsvp_url(meeting), {"answer": "attending"})
    assert _("This meeting has already started.") in response.text
    assert not Attendance.objects.exists()


def test_a_full_meeting_takes_no_more_people(client, editor, partner, workgroup):
    meeting = make_meeting(workgroup, capacity=1)
    make_attendance(meeting, make_person(partner), partner)
    client.force_login(editor)
    response = client.post(rsvp_url(meeting), {"answer": "attending"})
    assert response.status_code == 400
    assert _("This meeting is full.") in response.text
    assert not Attendance.objects.filter(person=editor).exists()
    # Saying you cannot come is always possible.
    client.post(rsvp_url(meeting), {"answer": "declined"})
    assert Attendance.objects.get(person=editor).rsvp == Attendance.Rsvp.DECLINED


def test_someone_already_registered_keeps_their_place_in_a_full_meeting(
    client, editor, partner, workgroup
):
    meeting = make_meeting(workgroup, capacity=1)
    make_attendance(meeting, editor, partner)
    client.force_login(editor)
    response = client.post(rsvp_url(meeting), {"answer": "attending", "note": "Vegetarisch"})
    assert response.status_code == 302
    assert Attendance.objects.get(person=editor).note == "Vegetarisch"


def test_an_unknown_answer_is_refused(client, editor, workgroup):
    meeting = make_meeting(workgroup)
    client.force_login(editor)
    response = client.post(rsvp_url(meeting), {"answer": "misschien"})
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_a_person_of_two_partners_chooses_whom_they_represent(client, partner, other_partner):
    person = make_person(partner)
    person.memberships.create(partner=other_partner)
    group = make_group(partners=[partner, other_partner])
    meeting = make_meeting(group)
    client.force_login(person)
    page = client.get(meeting.get_absolute_url())
    assert 'name="partner"' in page.text and "<select" in page.text
    client.post(rsvp_url(meeting), {"answer": "attending", "partner": other_partner.pk})
    assert Attendance.objects.get(person=person).partner == other_partner


def test_the_redirect_after_answering_stays_on_this_site(client, editor, workgroup):
    meeting = make_meeting(workgroup)
    client.force_login(editor)
    response = client.post(
        rsvp_url(meeting), {"answer": "attending", "next": "https://evil.example.com/"}
    )
    assert response["Location"] == meeting.get_absolute_url()
