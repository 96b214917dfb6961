"""A partner sees only what it may: its groups' meetings, the network's, published minutes,
its own action points. Another partner's things are a 404, and stay unchanged."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from netwerk.models import ActionItem, Meeting, NetworkGroup
from tests.netwerk.builders import make_action, make_group, make_meeting, make_person


def test_a_partner_sees_its_groups_and_network_meetings_only(
    editor, network, workgroup, other_workgroup
):
    mine = make_meeting(workgroup)
    everyone = make_meeting(network, kind=Meeting.Kind.NETWORK)
    theirs = make_meeting(other_workgroup)
    visible = set(Meeting.objects.for_user(editor))
    assert visible == {mine, everyone}
    assert theirs not in visible


def test_a_coordinator_sees_every_meeting(coordinator, workgroup, other_workgroup):
    meetings = {make_meeting(workgroup), make_meeting(other_workgroup)}
    assert set(Meeting.objects.for_user(coordinator)) == meetings


def test_an_account_without_partner_sees_no_network_meetings(network):
    make_meeting(network)
    assert not Meeting.objects.for_user(make_person()).exists()


def test_a_person_named_in_a_group_sees_its_meetings(other_workgroup, partner):
    person = make_person(partner)
    other_workgroup.members.create(partner=partner, person=person)
    meeting = make_meeting(other_workgroup)
    assert list(Meeting.objects.for_user(person)) == [meeting]


def test_a_former_member_partner_no_longer_sees_the_groups_meetings(editor, workgroup):
    membership = workgroup.members.get()
    membership.end_date = membership.start_date + timedelta(days=1)
    membership.save()
    make_meeting(workgroup)
    assert not Meeting.objects.for_user(editor).exists()


def test_another_groups_meeting_is_a_404(client, editor, other_workgroup):
    meeting = make_meeting(other_workgroup)
    client.force_login(editor)
    for name in ("netwerk:meeting_detail", "netwerk:meeting_ical"):
        assert client.get(reverse(name, args=[meeting.pk])).status_code == 404
    response = client.post(
        reverse("netwerk:meeting_rsvp", args=[meeting.pk]), {"answer": "attending"}
    )
    assert response.status_code == 404
    assert not meeting.attendances.exists()


def test_draft_minutes_of_a_workgroup_are_never_shown_to_partners(client, editor, workgroup):
    meeting = make_meeting(
        workgroup, starts_in=timedelta(days=-3), minutes="Geheim ontwerp", minutes_status="draft"
    )
    meeting.agenda_items.create(title="Punt", decision="Voorlopig besluit")
    client.force_login(editor)
    detail = client.get(meeting.get_absolute_url())
    assert detail.status_code == 200
    assert "Geheim ontwerp" not in detail.text
    assert "Voorlopig besluit" not in detail.text
    archive = client.get(reverse("netwerk:archive"), {"q": "besluit"})
    assert "Voorlopig besluit" not in archive.text
    assert meeting.display_title not in archive.text


def test_published_minutes_are_shown_to_members(client, editor, workgroup):
    meeting = make_meeting(
        workgroup,
        starts_in=timedelta(days=-3),
        minutes="**Goedgekeurd** verslag",
        minutes_status="published",
    )
    client.force_login(editor)
    response = client.get(meeting.get_absolute_url())
    assert "<strong>Goedgekeurd</strong> verslag" in response.text


def test_coordinators_see_draft_minutes_marked_as_draft(client, coordinator, workgroup):
    meeting = make_meeting(workgroup, minutes="Ontwerpverslag", minutes_status="draft")
    client.force_login(coordinator)
    response = client.get(meeting.get_absolute_url())
    assert "Ontwerpverslag" in response.text
    assert _("Draft: only coordinators see this.") in response.text


def test_the_coordinator_note_is_never_shown_to_partners(client, editor, workgroup):
    meeting = make_meeting(workgroup)
    meeting.agenda_items.create(title="Begroting", coordinator_note="Gevoelig punt")
    client.force_login(editor)
    response = client.get(meeting.get_absolute_url())
    assert "Begroting" in response.text
    assert "Gevoelig punt" not in response.text


def test_the_online_link_is_only_for_logged_in_members(client, editor, workgroup):
    meeting = make_meeting(
        workgroup, format=Meeting.Format.ONLINE, online_url="https://meet.example.org/abc"
    )
    anonymous = client.get(meeting.get_absolute_url())
    assert anonymous.status_code == 302
    client.force_login(editor)
    assert "https://meet.example.org/abc" in client.get(meeting.get_absolute_url()).text


def test_action_points_are_scoped_to_the_users_partners(editor, outsider, partner, other_partner):
    mine = make_action(partner)
    theirs = make_action(other_partner)
    assert list(ActionItem.objects.for_user(editor)) == [mine]
    assert list(ActionItem.objects.for_user(outsider)) == [theirs]


def test_another_partners_action_point_cannot_be_changed(client, outsider, partner):
    item = make_action(partner, title="Folder vertalen")
    client.force_login(outsider)
    response = client.post(
        reverse("netwerk:action_update", args=[item.pk]), {f"item-{item.pk}-status": "done"}
    )
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN
    assert "Folder vertalen" not in client.get(reverse("netwerk:action_list")).text


def test_the_steering_groups_meetings_stay_with_its_members(client, editor, other_partner):
    steering = make_group(NetworkGroup.Kind.STEERING, partners=[other_partner], name="Stuurgroep")
    meeting = make_meeting(steering, kind=Meeting.Kind.STEERING)
    client.force_login(editor)
    assert client.get(meeting.get_absolute_url()).status_code == 404
    group_page = client.get(reverse("netwerk:group_detail", args=[steering.slug]))
    assert "Wigwam vzw" in group_page.text
    assert meeting.get_absolute_url() not in group_page.text


def test_network_pages_ask_to_log_in(client):
    for name in ("meeting_list", "archive", "group_list", "action_list", "opportunity_list"):
        response = client.get(reverse(f"netwerk:{name}"))
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("login")), name
