"""`manage.py load_demo`: what it loads, and that running it again never changes or duplicates
anything a person may have edited."""

import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.http import QueryDict
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from aanbod.filters import OfferFilter
from aanbod.models import (
    MAX_AGE_MONTHS,
    POSTCODES,
    Activity,
    Language,
    Location,
    Offer,
    OfferLocation,
    Pillar,
    ScheduleSlot,
    Theme,
)
from aanbod.search import search_offers
from huisvanhetkind import demo_data
from netwerk import services
from netwerk.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    GroupMember,
    Interest,
    Meeting,
    NetworkGroup,
    Opportunity,
    WorkgroupReport,
)
from partners.models import Declaration, Membership, Partner, Signature, is_coordinator

BRUSSELS = ZoneInfo("Europe/Brussels")
FOUNDED = date(2014, 11, 13)

# Written out again on purpose: the data module is checked against the declaration, not itself.
FOUNDING_PARTNERS = {
    "Stad Leuven",
    "CAW Oost-Brabant",
    "Buurtwerk 't Lampeke vzw",
    "MFC Combo",
    "Amber vzw",
    "Gezinsbond vzw",
    "de Scheidingsschool vzw",
    "Bakermat vzw",
    "Inloopteam de Mobil vzw",
    "Wigwam vzw",
    "UZ Leuven / Parel",
    "Kind en Preventie vzw",
    "CLB GO! Leuven",
    "VCLB Leuven",
    "CKG De Schommel",
    "Domo vzw",
    "SpeelOdroom vzw",
    "Leren Ondernemen vzw",
    "OCMW Leuven",
    "Kind en Gezin",
    "Provincie Vlaams-Brabant",
    "Sporen vzw",
}

# The demo accounts as the README documents them: address, role, partner, password.
EDITOR = "redacteur@demo.huisvanhetkind.test"
MANAGER = "beheerder@demo.huisvanhetkind.test"
COORDINATOR = "coordinator@demo.huisvanhetkind.test"
PASSWORDS = {
    EDITOR: "demo-redacteur-2026",
    MANAGER: "demo-beheerder-2026",
    COORDINATOR: "demo-coordinator-2026",
}


def load_demo(*args):
    """Run the command (pytest runs with DEBUG off, hence --allow-production) in English."""
    out = StringIO()
    with translation.override("en"):
        call_command("load_demo", "--allow-production", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of the partners, aanbod, netwerk and auth apps, including m2m and history
    tables."""
    models = [
        model
        for label in ("partners", "aanbod", "netwerk", "auth")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Load the demo once for this module, in a transaction rolled back at the end.

    Each test still runs in its own savepoint inside it (the `db` fixture), so what one test
    changes is gone before the next one starts.
    """
    # The fast hasher of conftest.py is set per test, after this fixture: set it here too, or
    # the accounts get hashes that the tests cannot check (and the load takes seconds longer).
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), fast_hashing, transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output, db):
    return demo_output


def published():
    return Offer.objects.published()


# -- The facts of the declaration ------------------------------------------------------------


def test_it_loads_the_22_founding_partners_with_their_exact_names(demo):
    partners = Partner.objects.all()
    assert {partner.name for partner in partners} == FOUNDING_PARTNERS
    assert partners.count() == 22
    for partner in partners:
        assert partner.status == Partner.Status.ACTIVE
        assert partner.partner_since == FOUNDED
        assert partner.kind in Partner.Kind.values
        assert partner.description
        # No invented contact data for real organisations.
        assert partner.email == partner.phone == partner.website == ""


def test_every_founding_partner_signs_the_declaration_text():
    path = Path(apps.get_app_config("partners").path) / demo_data.DECLARATION["text_file"]
    text = path.read_text(encoding="utf-8").lower()
    for name in FOUNDING_PARTNERS:
        assert f"voor {name}".lower() in text
    assert {name for _, name, _ in demo_data.PARTNERS} == FOUNDING_PARTNERS


def test_it_loads_the_declaration_with_a_signature_of_each_partner_on_13_november_2014(demo):
    declaration = Declaration.objects.get()
    assert declaration.title == "Engagementsverklaring Huis van het Kind Leuven"
    assert declaration.version == "2014"
    assert declaration.effective_from == FOUNDED
    assert declaration.text.startswith("Engagementsverklaring Huis van het Kind Leuven\n")
    assert "Deze engagementsverklaring gaat in op 13 november 2014." in declaration.text
    assert declaration.text.endswith("Voor Sporen vzw")
    signatures = declaration.signatures.select_related("partner")
    assert {signature.partner.name for signature in signatures} == FOUNDING_PARTNERS
    assert {signature.signed_on for signature in signatures} == {FOUNDED}
    assert Signature.objects.count() == 22


def test_it_loads_the_two_huizen_van_het_kind(demo):
    huizen = Location.objects.filter(kind=Location.Kind.HUIS_VAN_HET_KIND)
    assert {(huis.name, huis.postcode) for huis in huizen} == {
        ("Huis van het Kind Leuven-centrum", "3000"),
        ("Huis van het Kind Kessel-Lo", "3010"),
    }
    for huis in huizen:
        # Run by the network vzw, which is not one of the partners.
        assert huis.owner is None
        assert huis.opening_hours
        assert huis.public_transport.startswith("Bus ")
        assert huis.wheelchair == Location.Wheelchair.YES
        assert Decimal("50.85") < huis.latitude < Decimal("50.95")
        assert Decimal("4.64") < huis.longitude < Decimal("4.76")


def test_partner_sites_are_owned_by_partners_and_cover_all_five_deelgemeenten(demo):
    sites = Location.objects.filter(kind=Location.Kind.PARTNER_SITE)
    assert all(site.owner_id for site in sites)
    assert {site.postcode for site in sites} == set(POSTCODES)
    assert set(Location.objects.values_list("postcode", flat=True)) <= set(POSTCODES)


def test_it_loads_themes_and_languages_with_native_names(demo):
    assert Theme.objects.count() >= 14
    assert Theme.objects.filter(slug="kinderopvang").exists()
    dutch = Language.objects.get(code="nl")
    assert (dutch.name, dutch.native_name) == ("Nederlands", "Nederlands")
    assert Language.objects.get(code="tr").native_name == "Türkçe"
    assert not Language.objects.filter(native_name="").exists()


# -- The example catalogue ---------------------------------------------------------------------


def test_it_publishes_at_least_60_offers_in_all_six_pillars(demo):
    assert published().count() >= 60
    for pillar in Pillar.objects.all():
        assert published().filter(pillars=pillar).exists(), pillar.slug


def test_it_hides_some_drafts_and_an_archived_offer(demo):
    assert Offer.objects.filter(status=Offer.Status.DRAFT).count() >= 2
    assert Offer.objects.filter(status=Offer.Status.ARCHIVED).count() >= 1


def test_the_catalogue_spans_pregnancy_to_24_years(demo):
    assert published().for_expecting().exists()
    assert published().filter(for_expecting=True, age_max_months=0).exists()
    assert published().filter(age_max_months=MAX_AGE_MONTHS).exists()
    for months in (0, 6, 24, 48, 100, 160, 200, 250, MAX_AGE_MONTHS):
        assert published().for_age(months).exists(), months


def test_the_catalogue_uses_every_cost_registration_and_format(demo):
    assert set(published().values_list("cost", flat=True)) == set(Offer.Cost.values)
    assert set(published().values_list("registration", flat=True)) == set(Offer.Registration.values)
    assert set(published().values_list("format", flat=True)) == set(Offer.Format.values)
    for offer in published().exclude(cost=Offer.Cost.FREE):
        assert offer.cost_details, offer.slug
    for offer in published().filter(registration=Offer.Registration.REQUIRED):
        assert offer.registration_details, offer.slug


def test_the_catalogue_comes_in_several_languages(demo):
    used = set(published().values_list("languages__code", flat=True)) - {None}
    assert {"nl", "fr", "en", "ar", "tr"} <= used


def test_every_partner_provides_an_offer_and_some_share_one(demo):
    assert set(published().values_list("provider__name", flat=True)) == FOUNDING_PARTNERS
    assert published().filter(co_providers__isnull=False).exists()


def test_in_person_offers_have_a_place_and_places_have_regular_slots(demo):
    offers = published().filter(format=Offer.Format.IN_PERSON)
    assert not offers.filter(offer_locations__isnull=True).exists()
    assert ScheduleSlot.objects.count() > 50
    assert {slot.weekday for slot in ScheduleSlot.objects.all()} >= {1, 2, 3, 4, 5, 6}


def test_offers_that_come_to_every_family_are_found_in_every_deelgemeente(demo):
    """Home visits, phone and online help are there for all of Leuven (or some deelgemeenten),
    so the area filter finds them where they have no place."""
    remote = published().exclude(format=Offer.Format.IN_PERSON)
    assert not remote.filter(service_area=Offer.ServiceArea.PLACES).exists()
    assert published().filter(service_area=Offer.ServiceArea.AREAS).exists()
    in_kessel_lo = OfferFilter(QueryDict("gemeente=3010"), queryset=published()).qs
    titles = set(in_kessel_lo.values_list("title", flat=True))
    assert {
        "Huisbezoek na de geboorte",
        "Een vrijwilliger aan huis",
        "Vraag het aan een vroedvrouw",
    } <= titles


def test_every_demo_offer_passes_full_clean(demo):
    for offer in Offer.objects.all():
        offer.full_clean()
        assert offer.pillars.exists(), offer.slug


def test_summaries_are_plain_language(demo):
    for offer in Offer.objects.all():
        assert len(offer.summary) <= 300
        for sentence in re.split(r"[.?!:]\s", offer.summary):
            assert len(sentence.split()) <= 20, (offer.slug, sentence)


def test_contact_data_is_clearly_fictional(demo):
    for offer in Offer.objects.all():
        assert offer.contact_email.endswith("@example.org")
        assert offer.contact_phone in ("", demo_data.DEMO_PHONE)
        assert offer.website == ""
    for location in Location.objects.all():
        assert location.email.endswith("@example.org")
        assert location.phone in ("", demo_data.DEMO_PHONE)
    for activity in Activity.objects.exclude(registration_url=""):
        assert activity.registration_url.startswith("https://example.org/")


def test_some_offers_were_reviewed_recently_and_some_over_a_year_ago(demo):
    year_ago = timezone.now() - timedelta(days=365)
    assert published().filter(reviewed_at__gte=year_ago).count() > 30
    assert published().filter(reviewed_at__lt=year_ago).exists()


@pytest.mark.parametrize(
    "text", ["borstvoeding", "slapen", "kinderopvang", "crèche", "creche", "huiswerk"]
)
def test_common_searches_find_a_published_offer(demo, text):
    results, used_fallback = search_offers(published(), text)
    assert results.exists()
    assert not used_fallback


# -- The agenda -------------------------------------------------------------------------------


def test_it_plans_upcoming_activities_in_the_next_six_weeks(demo):
    upcoming = Activity.objects.upcoming()
    assert upcoming.values("offer").distinct().count() >= 20
    today = timezone.localdate()
    for activity in Activity.objects.all():
        day = timezone.localtime(activity.starts_at, BRUSSELS).date()
        assert today < day <= today + timedelta(weeks=6)
    assert Activity.objects.filter(is_cancelled=True).count() == 1
    assert Activity.objects.exclude(registration_url="").exists()
    assert Activity.objects.filter(capacity__isnull=False).exists()
    assert Activity.objects.filter(
        location__isnull=True, offer__format=Offer.Format.ONLINE
    ).exists()


def test_activities_start_at_their_local_brussels_time(demo):
    plans = {spec.slug: spec.activities for spec in demo_data.OFFERS if spec.activities}
    for activity in Activity.objects.select_related("offer"):
        plan = plans[activity.offer.slug]
        local = timezone.localtime(activity.starts_at, BRUSSELS)
        assert local.time() == time.fromisoformat(plan.start)
        assert local.isoweekday() == plan.weekday


def test_activities_keep_their_local_time_across_the_change_to_summer_time(demo):
    # Summer time starts on 31 March 2030; the six weeks after 20 March span the change.
    load_demo("--today", "2030-03-20")

    activities = Activity.objects.filter(offer__slug="borstvoedingsgroep", starts_at__year=2030)
    local_times = [timezone.localtime(activity.starts_at, BRUSSELS) for activity in activities]
    assert {local.time() for local in local_times} == {time(10)}
    assert {local.utcoffset() for local in local_times} == {
        timedelta(hours=1),
        timedelta(hours=2),
    }


# -- Demo accounts ----------------------------------------------------------------------------


def account(email):
    return get_user_model().objects.get(email=email)


def roles(user):
    return list(user.memberships.values_list("partner__name", "role"))


def post_login(client, email):
    return client.post(reverse("login"), {"username": email, "password": PASSWORDS[email]})


def test_the_editor_and_the_manager_work_for_two_different_partners(demo):
    editor, manager = account(EDITOR), account(MANAGER)
    assert roles(editor) == [("Gezinsbond vzw", Membership.Role.EDITOR)]
    assert roles(manager) == [("Wigwam vzw", Membership.Role.MANAGER)]
    for user in (editor, manager):
        assert (user.is_staff, is_coordinator(user)) == (False, False)


def test_the_coordinator_is_staff_in_the_coordinators_group_without_a_partner(demo):
    coordinator = account(COORDINATOR)
    assert coordinator.is_staff
    assert not coordinator.is_superuser
    assert list(coordinator.groups.values_list("name", flat=True)) == ["Coordinators"]
    assert is_coordinator(coordinator)
    assert roles(coordinator) == []


def test_the_demo_passwords_pass_the_password_validators(demo):
    for email, password in PASSWORDS.items():
        validate_password(password, account(email))


@pytest.mark.parametrize("email", PASSWORDS)
def test_each_demo_account_logs_in_on_the_login_page_with_its_password(client, demo, email):
    response = post_login(client, email)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:index")
    assert client.session[SESSION_KEY] == str(account(email).pk)


def test_the_other_demo_people_cannot_log_in(demo):
    others = get_user_model().objects.exclude(email__in=PASSWORDS)
    assert others.count() == 9
    assert not any(user.has_usable_password() for user in others)


def test_the_editor_logs_in_to_their_own_partners_pages_and_sees_their_meetings(client, demo):
    post_login(client, EDITOR)

    assert client.get(reverse("portal:dashboard", args=["gezinsbond"])).status_code == 200
    assert client.get(reverse("portal:offer_list", args=["gezinsbond"])).status_code == 200
    assert client.get(reverse("portal:dashboard", args=["wigwam"])).status_code == 404
    meetings = client.get(reverse("netwerk:meeting_list")).context["page"]
    assert [meeting.display_title for meeting in meetings] == [
        "Werkgroep Toegankelijkheid",
        "Netwerkvergadering met netwerklunch",
    ]
    # Not answered yet, so the editor can try the answer buttons.
    assert [meeting.my_attendance for meeting in meetings] == [None, None]


def test_the_manager_logs_in_to_manage_their_own_team_and_sees_their_meetings(client, demo):
    post_login(client, MANAGER)

    team = client.get(reverse("portal:team", args=["wigwam"]))
    assert team.status_code == 200
    assert team.context["form"] is not None  # the invitation form, for managers only
    assert client.get(reverse("portal:team", args=["gezinsbond"])).status_code == 404
    meetings = client.get(reverse("netwerk:meeting_list")).context["page"]
    assert [meeting.display_title for meeting in meetings] == [
        "Stuurgroep",
        "Werkgroep Vrijwilligers",
        "Netwerkvergadering met netwerklunch",
    ]
    assert {meeting.my_attendance.rsvp for meeting in meetings} == {Attendance.Rsvp.ATTENDING}


def test_the_coordinator_logs_in_to_the_admin_and_sees_every_meeting(client, demo):
    post_login(client, COORDINATOR)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert response.context["available_apps"]
    changelist = client.get(reverse("admin:netwerk_meeting_changelist"))
    assert changelist.status_code == 200
    assert changelist.context["cl"].result_count == 8


def test_it_prints_the_accounts_with_role_partner_and_password(demo):
    table = demo[demo.index("Demo accounts (log in at /en/account/inloggen/") :]
    assert re.search(
        r"redacteur@demo\.huisvanhetkind\.test +editor +Gezinsbond vzw +demo-redacteur-2026\n",
        table,
    )
    assert re.search(
        r"beheerder@demo\.huisvanhetkind\.test +manager +Wigwam vzw +demo-beheerder-2026\n", table
    )
    assert re.search(
        r"coordinator@demo\.huisvanhetkind\.test +coordinator +– +demo-coordinator-2026\n", table
    )
    assert table.endswith("Demo data loaded.\n")


def test_a_second_run_keeps_a_changed_password_and_role(demo):
    editor = account(EDITOR)
    editor.set_password("een eigen wachtwoord")
    editor.save()
    editor.memberships.update(role=Membership.Role.MANAGER)

    output = load_demo()

    editor.refresh_from_db()
    assert editor.check_password("een eigen wachtwoord")
    assert not editor.check_password(PASSWORDS[EDITOR])
    assert roles(editor) == [("Gezinsbond vzw", Membership.Role.MANAGER)]
    assert "Users: 0 created, 12 already present." in output


def test_a_deleted_account_is_created_again_with_its_password_and_partner(client, demo):
    account(EDITOR).delete()

    output = load_demo()

    assert "Users: 1 created, 11 already present." in output
    assert roles(account(EDITOR)) == [("Gezinsbond vzw", Membership.Role.EDITOR)]
    assert post_login(client, EDITOR).status_code == 302


# -- The network ------------------------------------------------------------------------------


def test_it_loads_the_network_in_these_amounts(demo):
    assert NetworkGroup.objects.count() == 4
    assert GroupMember.objects.count() == 15
    assert WorkgroupReport.objects.count() == 1
    assert Meeting.objects.count() == 8
    assert AgendaItem.objects.count() == 20
    assert Attendance.objects.count() == 46
    assert ActionItem.objects.count() == 8
    assert Opportunity.objects.count() == 2
    assert Interest.objects.count() == 6


def test_it_loads_the_network_the_steering_group_and_two_workgroups_with_members(demo):
    groups = {group.name: group for group in NetworkGroup.objects.all()}
    assert {name: group.kind for name, group in groups.items()} == {
        "Netwerk Gezinsondersteuning": NetworkGroup.Kind.NETWORK,
        "Stuurgroep": NetworkGroup.Kind.STEERING,
        "Werkgroep Toegankelijkheid": NetworkGroup.Kind.WORKGROUP,
        "Werkgroep Vrijwilligers": NetworkGroup.Kind.WORKGROUP,
    }
    for group in groups.values():
        assert group.mandate
        members = GroupMember.objects.current().filter(group=group)
        if group.is_network_wide:
            assert not members.exists()  # network meetings are for every partner
        else:
            assert members.count() == 5
            assert members.filter(role=GroupMember.Role.CHAIR).count() == 1


def test_the_demo_accounts_see_the_groups_they_sit_in(demo):
    def visible(email):
        return set(NetworkGroup.objects.for_user(account(email)).values_list("slug", flat=True))

    assert visible(EDITOR) == {"netwerk-gezinsondersteuning", "werkgroep-toegankelijkheid"}
    assert visible(MANAGER) == {
        "netwerk-gezinsondersteuning",
        "stuurgroep",
        "werkgroep-vrijwilligers",
    }
    assert visible(COORDINATOR) == set(NetworkGroup.objects.values_list("slug", flat=True))


def test_four_meetings_were_held_with_attendance_and_published_minutes(demo):
    now = timezone.now()
    held = Meeting.objects.filter(status=Meeting.Status.HELD)
    assert held.count() == 4
    assert set(Meeting.objects.with_published_minutes()) == set(held)
    for meeting in held:
        assert meeting.ends_at < now
        assert meeting.ends_at < meeting.minutes_published_at < now
        assert meeting.agenda_items.exists()
        assert meeting.attendances.filter(presence=Attendance.Presence.PRESENT).count() >= 3
    presence = Attendance.objects.filter(meeting__in=held)
    assert presence.filter(presence=Attendance.Presence.ABSENT).count() == 2
    assert not presence.filter(rsvp=Attendance.Rsvp.EXCUSED).exclude(
        presence=Attendance.Presence.EXCUSED
    )


def test_decisions_are_recorded_only_for_meetings_that_were_held(demo):
    decisions = AgendaItem.objects.exclude(decision="")
    assert decisions.count() == 6
    assert set(decisions.values_list("meeting__status", flat=True)) == {Meeting.Status.HELD}
    assert AgendaItem.objects.filter(kind=AgendaItem.Kind.DECISION, decision="").exists()


def test_the_editor_reads_the_minutes_and_decisions_of_a_network_meeting(client, demo):
    meeting = Meeting.objects.get(title="Netwerkvergadering")
    client.force_login(account(EDITOR))

    response = client.get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert response.context["show_minutes"]
    assert "Leemtes in Wilsele en Wijgmaal." in response.text
    assert "Stad Leuven werkt met de stuurgroep een voorstel uit" in response.text


def test_four_meetings_are_coming_up_with_answers(demo):
    upcoming = Meeting.objects.upcoming()
    assert upcoming.count() == 4
    for meeting in upcoming:
        assert meeting.status == Meeting.Status.PLANNED
        assert services.can_answer(meeting)
        assert meeting.attendances.filter(rsvp=Attendance.Rsvp.ATTENDING).exists()
    answers = Attendance.objects.filter(meeting__in=upcoming)
    assert set(answers.values_list("rsvp", flat=True)) == set(Attendance.Rsvp.values)
    assert not answers.exclude(presence="").exists()
    stand_in = answers.get(stand_in__isnull=False)
    assert (stand_in.person.email, stand_in.stand_in.email) == (
        "wout.wilg@demo.huisvanhetkind.test",
        MANAGER,
    )


def test_the_network_lunch_has_places_and_a_registration_deadline(demo):
    lunch = Meeting.objects.get(capacity__isnull=False)
    assert lunch.title == "Netwerkvergadering met netwerklunch"
    assert timezone.now() < lunch.registration_deadline < lunch.starts_at


def test_meetings_fall_on_weekdays_in_the_weeks_around_the_day_it_runs(demo):
    today = timezone.localdate()
    for meeting in Meeting.objects.all():
        day = timezone.localtime(meeting.starts_at, BRUSSELS).date()
        assert day.isoweekday() <= 5
        assert today - timedelta(weeks=9) <= day <= today + timedelta(weeks=5)
        assert (day < today) == (meeting.status == Meeting.Status.HELD)


def test_action_points_are_partly_done_partly_open_and_one_is_overdue(demo):
    actions = ActionItem.objects.all()
    done = actions.filter(status=ActionItem.Status.DONE)
    assert done.count() == 3
    assert not done.filter(completed_on__isnull=True).exists()
    assert actions.open().count() == 5
    assert actions.filter(status=ActionItem.Status.IN_PROGRESS).count() == 2
    assert [item.title for item in actions.overdue()] == [
        "Korte bevraging over het bereik van kwetsbare gezinnen voorbereiden"
    ]
    for item in actions:
        assert item.meeting.status == Meeting.Status.HELD
        assert item.group_id == item.meeting.group_id
        assert item.owner_person.email.endswith("@demo.huisvanhetkind.test")


def test_the_demo_accounts_have_action_points_of_their_own(demo):
    for email in (EDITOR, MANAGER):
        assert ActionItem.objects.for_user(account(email)).open().exists()


def test_a_published_workgroup_report_is_on_the_agenda_of_a_network_meeting(demo):
    report = WorkgroupReport.objects.published().get()
    assert report.group.name == "Werkgroep Toegankelijkheid"
    assert report.period_start < report.period_end < timezone.localdate()
    item = report.agenda_items.get()
    assert item.meeting.group.kind == NetworkGroup.Kind.NETWORK
    assert timezone.localtime(item.meeting.starts_at).date() > report.period_end


def test_two_opportunities_are_open_with_the_interest_of_three_partners_each(demo):
    opportunities = Opportunity.objects.open_calls()
    assert opportunities.count() == 2
    for opportunity in opportunities:
        assert opportunity.interests.count() == 3
        assert opportunity.interests.filter(role=Interest.Role.LEAD).count() == 1
        assert opportunity.link.startswith("https://example.org/")


def test_demo_people_and_meeting_links_are_clearly_fictional(demo):
    for user in get_user_model().objects.all():
        assert user.email.endswith("@demo.huisvanhetkind.test")
        assert user.username == user.email
        assert user.first_name and user.last_name
    for meeting in Meeting.objects.exclude(online_url=""):
        assert meeting.online_url.startswith("https://example.org/")


def test_the_network_is_dated_from_the_day_given(demo):
    Meeting.objects.all().delete()
    ActionItem.objects.all().delete()

    load_demo("--today", "2030-03-20")

    day = date(2030, 3, 20)
    start = datetime.combine(day, time.min, tzinfo=BRUSSELS)
    assert Meeting.objects.filter(status=Meeting.Status.HELD, ends_at__lt=start).count() == 4
    assert Meeting.objects.filter(status=Meeting.Status.PLANNED, starts_at__gt=start).count() == 4
    assert ActionItem.objects.overdue(today=day).count() == 1


# -- Running it again ---------------------------------------------------------------------------


def test_a_second_run_changes_nothing(demo):
    before = snapshot()
    output = load_demo()
    assert snapshot() == before
    assert "Partners: 0 created, 22 already present." in output
    assert "Activities: 0 created" in output
    assert "Users: 0 created, 12 already present." in output
    assert "Meetings: 0 created, 8 already present." in output


def test_it_reports_what_it_created(demo):
    assert "Partners: 22 created, 0 already present." in demo
    assert "Engagement declarations: 1 created, 0 already present." in demo
    assert "Signatures: 22 created" in demo
    assert "Users: 12 created, 0 already present." in demo
    assert "Groups: 4 created, 0 already present." in demo
    assert "Workgroup reports: 1 created, 0 already present." in demo
    assert "Meetings: 8 created, 0 already present." in demo
    assert "Opportunities: 2 created, 0 already present." in demo


def test_it_does_not_overwrite_an_offer_a_person_edited(demo):
    offer = Offer.objects.get(slug="babymassage")
    offer.title = "Babymassage (nieuwe reeks)"
    offer.summary = "Aangepast door de partner."
    offer.save()
    count = Offer.objects.count()

    load_demo()

    offer.refresh_from_db()
    assert offer.title == "Babymassage (nieuwe reeks)"
    assert offer.summary == "Aangepast door de partner."
    assert Offer.objects.count() == count


def test_it_does_not_overwrite_an_edited_partner_location_or_theme(demo):
    Partner.objects.filter(slug="wigwam").update(description="Onze eigen tekst.")
    Location.objects.filter(slug=demo_data.HUIS_CENTRUM).update(street="Echte straat 5")
    Theme.objects.filter(slug="slapen").update(name="Slapen en rust")
    OfferLocation.objects.filter(offer__slug="huiswerkklas").delete()

    load_demo()

    assert Partner.objects.get(slug="wigwam").description == "Onze eigen tekst."
    assert Location.objects.get(slug=demo_data.HUIS_CENTRUM).street == "Echte straat 5"
    assert Theme.objects.get(slug="slapen").name == "Slapen en rust"
    assert not OfferLocation.objects.filter(offer__slug="huiswerkklas").exists()


def test_it_creates_only_what_is_missing(demo):
    Offer.objects.get(slug="huiswerkklas").delete()
    untouched = Offer.objects.get(slug="babymassage").updated_at

    output = load_demo()

    assert Offer.objects.filter(slug="huiswerkklas").exists()
    assert Offer.objects.get(slug="babymassage").updated_at == untouched
    assert f"Offers: 1 created, {len(demo_data.OFFERS) - 1} already present." in output


def test_it_finds_a_founding_partner_by_name_when_its_slug_changed(demo):
    Partner.objects.filter(name="Wigwam vzw").update(slug="wigwam-leuven")

    load_demo()

    assert Partner.objects.count() == 22
    assert Partner.objects.get(name="Wigwam vzw").slug == "wigwam-leuven"


def test_a_deleted_activity_is_not_recreated_while_its_offer_has_others_coming_up(demo):
    activities = Activity.objects.filter(offer__slug="borstvoedingsgroep")
    count = activities.count()
    assert count > 1
    activities.first().delete()

    load_demo()

    assert activities.count() == count - 1


def test_a_run_weeks_later_tops_the_agenda_up(demo):
    later = timezone.localdate() + timedelta(days=60)
    count = Activity.objects.count()

    output = load_demo("--today", later.isoformat())

    start_of_later = datetime.combine(later, time.min, tzinfo=BRUSSELS)
    new = Activity.objects.filter(starts_at__gte=start_of_later)
    assert new.count() == count
    assert Activity.objects.count() == 2 * count
    assert "Activities: 0 created" not in output
    assert "Activities: 0 created" in load_demo("--today", later.isoformat())


def test_it_plans_no_activities_for_an_offer_a_person_unpublished(demo):
    offer = Offer.objects.get(slug="infoavond-slapen")
    offer.activities.all().delete()
    offer.status = Offer.Status.DRAFT
    offer.save()

    load_demo()

    assert not offer.activities.exists()


# -- Options and output -------------------------------------------------------------------------


def test_it_refuses_to_run_with_debug_off_unless_allowed(demo, settings):
    settings.DEBUG = False
    Offer.objects.get(slug="babymassage").delete()
    account(EDITOR).delete()

    with pytest.raises(CommandError, match="--allow-production"):
        call_command("load_demo", stdout=StringIO())

    assert not Offer.objects.filter(slug="babymassage").exists()
    assert not get_user_model().objects.filter(email=EDITOR).exists()


def test_it_runs_without_the_flag_when_debug_is_on(demo, settings):
    settings.DEBUG = True
    Offer.objects.get(slug="babymassage").delete()

    call_command("load_demo", verbosity=0, stdout=StringIO())

    assert Offer.objects.filter(slug="babymassage").exists()


def test_it_is_quiet_at_verbosity_0(demo):
    Offer.objects.get(slug="babymassage").delete()
    out = StringIO()

    call_command("load_demo", "--allow-production", verbosity=0, stdout=out)

    assert out.getvalue() == ""
    assert Offer.objects.filter(slug="babymassage").exists()


def test_it_names_each_object_it_creates_at_verbosity_2(demo):
    Offer.objects.get(slug="babymassage").delete()

    output = load_demo("--verbosity", "2")

    assert "Created offer “Babymassage”." in output
    assert "Created activity “Babymassage" in output
    assert "Created offer “Huiswerkklas”." not in output


def test_it_speaks_dutch_by_default(demo):
    out = StringIO()
    call_command("load_demo", "--allow-production", stdout=out)
    assert "Partners: 0 aangemaakt, 22 al aanwezig." in out.getvalue()


def test_it_rejects_a_date_that_is_not_iso(demo):
    before = snapshot()
    with pytest.raises(CommandError):
        call_command("load_demo", "--allow-production", "--today", "31-01-2025")
    assert snapshot() == before
