"""The network section in a real browser: a partner member answers a meeting, a coordinator
plans one in the admin, and every network page is accessible, fits a phone and works without
JavaScript."""

import re
from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netwerk.models import Attendance, GroupMember, Interest, Meeting, NetworkGroup, WorkgroupReport
from netwerk.models.common import Publication
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in
from tests.netwerk import builders

PASSWORD = "correct horse 42"  # what tests.factories.make_user gives everyone


@pytest.fixture
def member(partner):
    return factories.make_member(
        partner, email="jan@example.org", first_name="Jan", last_name="Claes"
    )


@pytest.fixture
def colleague(partner):
    return factories.make_member(
        partner, email="sara@example.org", first_name="Sara", last_name="Peeters"
    )


@pytest.fixture
def network(partner, other_partner, member, colleague):
    """The network with a cancelled lunch; a workgroup of `partner` with a meeting next week
    and one held last month (published minutes, a decision), a report and an action point;
    an open call another partner is in."""
    whole_network = builders.make_group(
        NetworkGroup.Kind.NETWORK, name="Netwerk Gezinsondersteuning"
    )
    builders.make_meeting(
        whole_network,
        title="Netwerklunch",
        kind=Meeting.Kind.LUNCH,
        status=Meeting.Status.CANCELLED,
        starts_in=timedelta(days=10),
    )
    workgroup = builders.make_group(
        partners=[partner], name="Werkgroep Toegankelijkheid", theme="Drempels verlagen"
    )
    GroupMember.objects.filter(group=workgroup).update(role=GroupMember.Role.CHAIR)
    place = factories.make_location("Huis van het Kind Kessel-Lo", postcode="3010")
    upcoming = builders.make_meeting(
        workgroup,
        title="Volgende werkgroep",
        location=place,
        location_text="Zaal 2",
        starts_in=timedelta(days=7),
    )
    upcoming.agenda_items.create(order=1, title="Welkom en verslag", presenter_partner=partner)
    upcoming.agenda_items.create(
        order=2, title="Tolken bij het onthaal", kind="discussion", duration_minutes=30
    )
    held = builders.make_meeting(
        workgroup,
        title="Vorige werkgroep",
        starts_in=timedelta(days=-30),
        status=Meeting.Status.HELD,
        minutes="We bespraken **tolken** en de folders.",
        minutes_status=Publication.PUBLISHED,
    )
    held.agenda_items.create(
        order=1, title="Folders", kind="decision", decision="De folders komen in vijf talen."
    )
    builders.make_attendance(held, colleague, partner)
    today = timezone.localdate()
    WorkgroupReport.objects.create(
        group=workgroup,
        title="Voorjaar",
        period_start=today - timedelta(days=120),
        period_end=today - timedelta(days=30),
        summary="- folders vertaald\n- tolken gezocht",
        questions="Wie kent een tolk Tigrinya?",
        status=Publication.PUBLISHED,
    )
    builders.make_action(
        partner, title="Folders laten vertalen", meeting=held, group=workgroup, due_date=today
    )
    call = builders.make_opportunity(
        title="Projectoproep Opvoedingsondersteuning", funder="Provincie Vlaams-Brabant"
    )
    Interest.objects.create(opportunity=call, partner=other_partner, role=Interest.Role.LEAD)
    return {"workgroup": workgroup, "upcoming": upcoming, "held": held, "call": call}


def network_pages(network):
    """Every network page partner staff see, as (path, heading)."""
    return [
        ("/mijn/netwerk/", "Netwerkvergaderingen"),
        (network["upcoming"].get_absolute_url(), "Volgende werkgroep"),
        (network["held"].get_absolute_url(), "Vorige werkgroep"),
        ("/mijn/netwerk/verslagen/?q=folders", "Verslagen en besluiten"),
        ("/mijn/netwerk/groepen/", "Werkgroepen en stuurgroep"),
        (network["workgroup"].get_absolute_url(), "Werkgroep Toegankelijkheid"),
        ("/mijn/netwerk/actiepunten/", "Jullie actiepunten"),
        ("/mijn/netwerk/kansen/", "Kansen om samen te werken"),
        (network["call"].get_absolute_url(), "Projectoproep Opvoedingsondersteuning"),
        ("/mijn/netwerk/agenda/", "Je agendalink"),
    ]


def labelled_for(label, title):
    """The accessible name of a button that repeats the item it is for in hidden text."""
    return re.compile(rf"^{re.escape(label)}\s*:\s*{re.escape(title)}$")


def open_page(page, path, heading):
    response = page.goto(path)
    assert response.status == 200, path
    assert page.get_by_role("heading", level=1).inner_text() == heading


def test_a_member_logs_in_and_answers_a_meeting(page, network, member, colleague, tmp_path):
    meeting = network["upcoming"]
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill("jan@example.org")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/mijn/")

    page.get_by_role("navigation", name="Je account").get_by_role(
        "link", name="Netwerk", exact=True
    ).click()
    page.wait_for_url("**/mijn/netwerk/")
    card = page.locator(f"#meeting-{meeting.pk}")
    assert card.get_by_text("Je hebt nog niet geantwoord.").is_visible()
    card.get_by_role("button", name=labelled_for("Ik kom", "Volgende werkgroep")).click()
    expect(page.get_by_text("Bedankt, je bent ingeschreven.")).to_be_visible()
    expect(card.locator(f"#meeting-{meeting.pk}-answer")).to_have_text("Jouw antwoord: komt")

    card.get_by_role(
        "link", name=labelled_for("Verontschuldigd, of een collega komt", "Volgende werkgroep")
    ).click()
    page.wait_for_url(f"**{meeting.get_absolute_url()}#rsvp")
    page.get_by_label("Ik ben verontschuldigd (een collega kan in mijn plaats komen)").check()
    page.get_by_label("Collega die in jouw plaats komt").select_option(label="Sara Peeters")
    page.get_by_role("button", name="Mijn antwoord bewaren").click()
    expect(page.get_by_text("Bedankt, je bent verontschuldigd.")).to_be_visible()
    expect(page.locator("#my-answer")).to_have_text(
        "Jouw antwoord: verontschuldigd – Sara Peeters komt in jouw plaats"
    )
    expect(page.locator("#attending-summary")).to_contain_text("1 persoon komt.")
    answers = dict(meeting.attendances.values_list("person__email", "rsvp"))
    assert answers == {"jan@example.org": "excused", "sara@example.org": "attending"}

    with page.expect_download() as download_info:
        page.get_by_role("link", name="In mijn agenda zetten (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == str(meeting.uid)
    assert event.decoded("DTSTART") == meeting.starts_at.replace(microsecond=0)
    assert str(event["SUMMARY"]) == "Volgende werkgroep"


def choose_in_autocomplete(page, select_id, search, option):
    """Pick an option in one of the admin's autocomplete (select2) widgets."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-container--open .select2-results__option", has_text=option).click()
    assert page.locator(f"#{select_id}").input_value(), f"nothing chosen in #{select_id}"


def test_a_coordinator_plans_a_meeting_in_the_admin_that_members_then_see(
    new_page, live_server, network, member, colleague
):
    coordinator = factories.make_coordinator(email="coordinator@example.org")
    admin = new_page()
    log_in(admin, live_server, coordinator)
    admin.goto("/admin/netwerk/meeting/add/")
    choose_in_autocomplete(admin, "id_group", "Toegankelijk", "Werkgroep Toegankelijkheid")
    admin.locator("#id_kind").select_option("workgroup")
    admin.locator("#id_title").fill("Werkgroep september")
    day = (timezone.localdate() + timedelta(days=20)).strftime("%d-%m-%Y")
    admin.locator("#id_starts_at_0").fill(day)
    admin.locator("#id_starts_at_1").fill("14:00")
    admin.locator("#id_ends_at_0").fill(day)
    admin.locator("#id_ends_at_1").fill("16:00")
    admin.locator("#id_location_text").fill("Stadhuis, zaal 3")

    add_agenda_item = admin.locator("#agenda_items-group .add-row a")
    for number, title in enumerate(["Welkom", "Tolken bij het onthaal"]):
        add_agenda_item.click()
        admin.locator(f"#id_agenda_items-{number}-order").fill(str(number + 1))
        admin.locator(f"#id_agenda_items-{number}-title").fill(title)
    admin.locator("#id_agenda_items-1-kind").select_option("decision")
    choose_in_autocomplete(admin, "id_agenda_items-1-presenter_partner", "Gezins", "Gezinsbond")

    admin.locator("#attendances-group .add-row a").click()
    choose_in_autocomplete(admin, "id_attendances-0-person", "sara", "sara@example.org")
    choose_in_autocomplete(admin, "id_attendances-0-partner", "Gezins", "Gezinsbond")
    admin.locator("#id_attendances-0-rsvp").select_option("attending")
    admin.locator("input[name=_save]").click()
    admin.wait_for_url("**/admin/netwerk/meeting/")
    expect(admin.locator(".messagelist .success")).to_contain_text("Werkgroep september")

    meeting = Meeting.objects.get(title="Werkgroep september")
    assert meeting.group == network["workgroup"]
    assert timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M") == f"{day} 14:00"
    assert list(meeting.agenda_items.values_list("title", "kind")) == [
        ("Welkom", "information"),
        ("Tolken bij het onthaal", "decision"),
    ]
    assert list(meeting.attendances.values_list("person", "rsvp")) == [
        (colleague.pk, Attendance.Rsvp.ATTENDING)
    ]

    page = new_page()
    log_in(page, live_server, member)
    page.goto("/mijn/netwerk/")
    page.get_by_role("link", name="Werkgroep september", exact=True).click()
    page.wait_for_url(f"**{meeting.get_absolute_url()}")
    expect(page.locator("#agenda > li")).to_contain_text(["Welkom", "Tolken bij het onthaal"])
    expect(page.get_by_text("Stadhuis, zaal 3")).to_be_visible()
    expect(page.locator("#attending-summary")).to_contain_text("1 persoon komt.")


def test_every_network_page_passes_axe(page, live_server, network, member):
    log_in(page, live_server, member)
    for path, heading in network_pages(network):
        open_page(page, path, heading)
        assert_accessible(page)

    # The answer form with an error message (no answer chosen).
    page.goto(network["upcoming"].get_absolute_url())
    page.get_by_role("button", name="Mijn antwoord bewaren").click()
    expect(page.locator("#id_answer_error")).to_be_visible()
    assert_accessible(page)
    # axe does not check the edges of controls (WCAG 1.4.11): the radio buttons need 3:1.
    edge = page.get_by_label("Ja, ik kom").evaluate(
        "radio => getComputedStyle(radio).borderTopColor"
    )
    assert contrast_with_white(edge) >= 3, edge


def contrast_with_white(css_color):
    """The WCAG contrast ratio of an opaque ``rgb(r, g, b)`` colour against white."""
    channels = [int(part) / 255 for part in re.findall(r"\d+", css_color)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_every_network_page_fits_a_phone(phone_page, live_server, network, member):
    # The pages with the most buttons and fields change most on a phone: axe them there too.
    busiest = {"/mijn/netwerk/", network["upcoming"].get_absolute_url()}
    log_in(phone_page, live_server, member)
    for path, heading in network_pages(network):
        open_page(phone_page, path, heading)
        assert_no_horizontal_scroll(phone_page)
        if path in busiest:
            assert_accessible(phone_page)


def test_every_network_page_works_without_javascript(no_js_page, live_server, network, member):
    page = no_js_page
    log_in(page, live_server, member)
    for path, heading in network_pages(network):
        open_page(page, path, heading)

    page.goto("/mijn/netwerk/verslagen/")
    page.get_by_label("Zoeken in besluiten").fill("vijf talen")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.wait_for_url("**/verslagen/?q=*")
    expect(page.locator("#decision-results")).to_contain_text("De folders komen in vijf talen.")

    page.goto("/mijn/netwerk/actiepunten/")
    page.get_by_label(labelled_for("Nieuwe status", "Folders laten vertalen")).select_option(
        label="bezig"
    )
    page.get_by_role("button", name=labelled_for("Bewaren", "Folders laten vertalen")).click()
    expect(page.get_by_text("“Folders laten vertalen” is nu: bezig.")).to_be_visible()

    page.goto(network["call"].get_absolute_url())
    page.get_by_label("partner", exact=True).check()
    page.get_by_label("Opmerking").fill("Wij kunnen vrijwilligers inzetten.")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.get_by_text("Bedankt, je interesse is bewaard.")).to_be_visible()
    expect(page.locator("#interest-list")).to_contain_text("Gezinsbond vzw – partner")


def test_answering_works_without_javascript(no_js_page, live_server, network, member):
    page = no_js_page
    meeting = network["upcoming"]
    log_in(page, live_server, member)
    page.goto("/mijn/netwerk/")
    page.get_by_role("button", name=labelled_for("Ik kom", "Volgende werkgroep")).click()
    expect(page.get_by_text("Bedankt, je bent ingeschreven.")).to_be_visible()

    page.goto(meeting.get_absolute_url())
    page.get_by_label("Ik ben verontschuldigd (een collega kan in mijn plaats komen)").check()
    page.get_by_label("Collega die in jouw plaats komt").select_option(label="Sara Peeters")
    page.get_by_label("Opmerking").fill("Sara brengt de folders mee.")
    page.get_by_role("button", name="Mijn antwoord bewaren").click()
    expect(page.get_by_text("Bedankt, je bent verontschuldigd.")).to_be_visible()
    mine = meeting.attendances.select_related("stand_in").get(person=member)
    assert (mine.rsvp, mine.stand_in.email, mine.note) == (
        Attendance.Rsvp.EXCUSED,
        "sara@example.org",
        "Sara brengt de folders mee.",
    )
