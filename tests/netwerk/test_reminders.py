"""The reminder commands send what is due, say what they did, and never send anything twice.

`mailoutbox` comes after the database fixtures: setting up the database empties Django's
outbox by replacing it, which would leave an earlier `mailoutbox` pointing at an old list."""

from datetime import datetime, time, timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from common import outbox
from common.models import OutgoingEmail
from netwerk.models import ActionItem, Attendance, Meeting, SentReminder
from tests.mail import committed
from tests.netwerk.builders import make_action, make_attendance, make_meeting, make_person


def run(command, *args):
    out = StringIO()
    with committed():
        call_command(command, *args, stdout=out)
    return out.getvalue()


def tomorrow_at(hour):
    day = timezone.localdate() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(hour)))


def make_meeting_tomorrow(group, **kwargs):
    starts_in = tomorrow_at(10) - timezone.now()
    return make_meeting(group, starts_in=starts_in, **kwargs)


def test_people_attending_a_meeting_tomorrow_get_one_reminder(workgroup, partner, mailoutbox):
    meeting = make_meeting_tomorrow(workgroup, title="Werkgroep morgen")
    coming = make_person(partner, email="komt@example.org")
    make_attendance(meeting, coming, partner)
    make_attendance(meeting, make_person(partner), partner, rsvp=Attendance.Rsvp.DECLINED)
    make_attendance(make_meeting(workgroup, starts_in=timedelta(days=3)), make_person(), partner)
    output = run("remind_meetings_tomorrow")
    assert [m.to for m in mailoutbox] == [["komt@example.org"]]
    assert "Werkgroep morgen" in mailoutbox[0].subject
    assert "Werkgroep morgen" in mailoutbox[0].body
    assert "komt@example.org" in output
    again = run("remind_meetings_tomorrow")
    assert len(mailoutbox) == 1
    assert "komt@example.org" not in again
    assert SentReminder.objects.get().key == f"meeting:{meeting.pk}"


def test_a_failed_reminder_stays_recorded_and_is_sent_once_by_the_outbox(
    workgroup, partner, settings, mailoutbox
):
    meeting = make_meeting_tomorrow(workgroup)
    make_attendance(meeting, make_person(partner, email="komt@example.org"), partner)
    settings.EMAIL_BACKEND = "tests.mail.FailingBackend"
    run("remind_meetings_tomorrow")
    assert SentReminder.objects.count() == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert "komt@example.org" not in run("remind_meetings_tomorrow")
    mail = OutgoingEmail.objects.get()
    assert outbox.send_queued(now=mail.next_attempt_at) == (1, 0)
    assert outbox.send_queued(now=mail.next_attempt_at) == (0, 0)
    assert [m.to for m in mailoutbox] == [["komt@example.org"]]


def test_no_reminder_for_a_cancelled_meeting(workgroup, partner, mailoutbox):
    meeting = make_meeting_tomorrow(workgroup, status=Meeting.Status.CANCELLED)
    make_attendance(meeting, make_person(partner), partner)
    run("remind_meetings_tomorrow")
    assert mailoutbox == []


def test_coordinators_hear_once_about_missing_minutes(coordinator, workgroup, network, mailoutbox):
    late = make_meeting(workgroup, starts_in=timedelta(days=-20), title="Zonder verslag")
    make_meeting(
        network,
        starts_in=timedelta(days=-20),
        title="Met verslag",
        minutes="Verslag",
        minutes_status="published",
    )
    make_meeting(workgroup, starts_in=timedelta(days=-3), title="Te recent")
    make_meeting(
        workgroup,
        starts_in=timedelta(days=-20),
        title="Geannuleerd",
        status=Meeting.Status.CANCELLED,
    )
    output = run("remind_missing_minutes", "--days", "14")
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    body = mailoutbox[0].body
    assert "Zonder verslag" in body
    assert "Met verslag" not in body and "Te recent" not in body and "Geannuleerd" not in body
    assert f"/admin/netwerk/meeting/{late.pk}/change/" in body
    assert coordinator.email in output
    run("remind_missing_minutes", "--days", "14")
    assert len(mailoutbox) == 1


def test_the_weekly_digest_goes_to_each_partners_people_once(
    partner, other_partner, editor, manager, outsider, mailoutbox
):
    today = timezone.localdate()
    make_action(partner, title="Te laat", due_date=today - timedelta(days=2))
    make_action(partner, title="Deze week", due_date=today + timedelta(days=5))
    make_action(partner, title="Later", due_date=today + timedelta(days=30))
    make_action(partner, title="Klaar", due_date=today, status=ActionItem.Status.DONE)
    make_action(other_partner, title="Volgende maand", due_date=today + timedelta(days=40))
    output = run("send_action_digest")
    assert sorted(m.to[0] for m in mailoutbox) == [editor.email, manager.email]
    body = mailoutbox[0].body
    assert "Te laat" in body and "Deze week" in body
    assert "Later" not in body and "Klaar" not in body
    assert "2 e-mail(s) sent." in output
    assert "No action points due soon." in run("send_action_digest")
    assert len(mailoutbox) == 2


def test_nothing_to_do_is_said_plainly(db):
    assert "No reminders to send for tomorrow." in run("remind_meetings_tomorrow")
