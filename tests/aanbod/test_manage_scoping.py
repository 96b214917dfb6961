"""The one place each that decides whose offers, places, activities and reports a person may
touch in the portal. (tests/partners/test_portal_scoping.py walks every portal URL with
another partner's objects.)"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.urls import reverse

from aanbod.models import Activity, ErrorReport, Location, Offer
from partners.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(partner, other_partner):
    ours = factories.make_offer(partner, "Van ons")
    theirs = factories.make_offer(other_partner, "Van hen")
    theirs.co_providers.add(partner)
    return {
        "ours": ours,
        "theirs": theirs,
        "our_site": factories.make_location("Onze zaal", owner=partner),
        "their_site": factories.make_location("Hun zaal", owner=other_partner),
        "our_huis": factories.make_location(
            "Huis van het Kind", owner=partner, kind=Location.Kind.HUIS_VAN_HET_KIND
        ),
        "our_activity": factories.make_activity(ours),
        "their_activity": factories.make_activity(theirs),
        "our_report": ErrorReport.objects.create(offer=ours, message="x"),
        "their_report": ErrorReport.objects.create(offer=theirs, message="y"),
    }


def test_staff_edit_the_offers_their_partner_provides_not_those_it_co_provides(world, editor):
    assert list(Offer.objects.editable_by(editor)) == [world["ours"]]


def test_a_person_of_two_partners_edits_both(world, editor, other_partner):
    Membership.objects.create(user=editor, partner=other_partner)
    assert set(Offer.objects.editable_by(editor)) == {world["ours"], world["theirs"]}


def test_staff_edit_their_own_sites_but_not_a_huis_van_het_kind(world, editor):
    assert list(Location.objects.editable_by(editor)) == [world["our_site"]]


def test_staff_edit_the_activities_and_reports_of_their_offers(world, editor):
    assert list(Activity.objects.editable_by(editor)) == [world["our_activity"]]
    assert list(ErrorReport.objects.for_user(editor)) == [world["our_report"]]


def test_coordinators_may_touch_everything(world, coordinator):
    assert Offer.objects.editable_by(coordinator).count() == 2
    assert Location.objects.editable_by(coordinator).count() == 3
    assert Activity.objects.editable_by(coordinator).count() == 2
    assert ErrorReport.objects.for_user(coordinator).count() == 2


def test_people_without_a_partner_and_anonymous_people_touch_nothing(world):
    for person in (factories.make_user(), AnonymousUser()):
        assert not Offer.objects.editable_by(person).exists()
        assert not Location.objects.editable_by(person).exists()
        assert not Activity.objects.editable_by(person).exists()
        assert not ErrorReport.objects.for_user(person).exists()


PAGES = [
    ("dashboard", None),
    ("offer_list", None),
    ("offer_create", None),
    ("offer_edit", "offer"),
    ("offer_locations", "offer"),
    ("offer_activities", "offer"),
    ("offer_preview", "offer"),
    ("offer_history", "offer"),
    ("location_list", None),
    ("location_create", None),
    ("location_edit", "site"),
    ("report_list", None),
]


@pytest.mark.parametrize("person", ["editor", "manager", "coordinator"])
def test_the_partners_people_and_coordinators_open_every_page(
    request, client, partner, world, person
):
    client.force_login(request.getfixturevalue(person))
    objects = {"offer": world["ours"].pk, "site": world["our_site"].pk}
    for name, obj in PAGES:
        args = [partner.slug] + ([objects[obj]] if obj else [])
        response = client.get(reverse(f"portal:{name}", args=args))
        assert response.status_code == 200, name


@pytest.mark.parametrize(
    ("name", "obj"),
    [
        ("offer_create", None),
        ("offer_edit", "offer"),
        ("offer_locations", "offer"),
        ("offer_activities", "offer"),
        ("offer_duplicate", "offer"),
        ("location_create", None),
        ("location_edit", "site"),
    ],
)
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"form_key": "not-a-key", "version": "x", "places-TOTAL_FORMS": "9999999999"},
        {"activities-TOTAL_FORMS": "-1", "activities-INITIAL_FORMS": "abc", "pillars": "x"},
    ],
    ids=["empty", "garbage", "bad-formset"],
)
def test_bad_input_gets_a_message_and_changes_nothing(
    client, editor, partner, world, name, obj, data
):
    objects = {"offer": world["ours"].pk, "site": world["our_site"].pk}
    args = [partner.slug] + ([objects[obj]] if obj else [])
    client.force_login(editor)
    before = (
        list(Offer.objects.values()),
        list(Location.objects.values()),
        Activity.objects.count(),
    )
    response = client.post(reverse(f"portal:{name}", args=args), data)
    if name == "offer_duplicate":
        # A button on the offer's page, not a page of its own: back there, with the reason.
        assert response.status_code == 302
        assert response["Location"] == reverse("portal:offer_edit", args=args)
        assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["error"]
    else:
        # The form again, with what is wrong; an empty POST, which no browser sends from these
        # forms, may just show the form again.
        assert response.status_code == 200
        if data:
            assert 'role="alert"' in response.text
    after = (
        list(Offer.objects.values()),
        list(Location.objects.values()),
        Activity.objects.count(),
    )
    assert after == before
