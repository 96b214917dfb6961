"""The database itself rejects data that breaks the portal's rules, whatever code writes it."""

from contextlib import contextmanager
from datetime import time, timedelta

import pytest
from django.db import IntegrityError, transaction

from aanbod.models import MAX_AGE_MONTHS, Location, Offer, Pillar, ScheduleSlot, Theme
from partners.models import Declaration, Membership, Partner, Signature
from tests import factories

pytestmark = pytest.mark.django_db


@contextmanager
def rejected(constraint):
    """Expect the database to refuse a write for breaking the constraint of that name. The test
    wraps the write in transaction.atomic(), so it can go on using the database."""
    with pytest.raises(IntegrityError) as refusal:
        yield
    assert refusal.value.__cause__.diag.constraint_name == constraint


def test_an_offer_whose_minimum_age_is_above_its_maximum_is_rejected(partner):
    with rejected("offer_age_min_not_above_max"), transaction.atomic():
        factories.make_offer(partner, age_min_months=36, age_max_months=12)


def test_an_offer_for_one_exact_age_is_accepted(partner):
    offer = factories.make_offer(partner, age_min_months=12, age_max_months=12)
    assert Offer.objects.for_age(12).get() == offer


def test_an_offer_above_24_years_is_rejected(partner):
    with rejected("offer_age_max_within_24_years"), transaction.atomic():
        factories.make_offer(partner, age_max_months=MAX_AGE_MONTHS + 1)


def test_an_offer_up_to_exactly_24_years_is_accepted(partner):
    offer = factories.make_offer(partner, age_max_months=MAX_AGE_MONTHS)
    assert offer.age_max_months == 288


def test_an_activity_ending_before_it_starts_is_rejected(partner):
    offer = factories.make_offer(partner)
    with rejected("activity_ends_after_start"), transaction.atomic():
        factories.make_activity(offer, duration=timedelta(hours=-1))


def test_an_activity_ending_when_it_starts_is_rejected(partner):
    offer = factories.make_offer(partner)
    with rejected("activity_ends_after_start"), transaction.atomic():
        factories.make_activity(offer, duration=timedelta(0))


def test_a_weekly_slot_ending_before_it_starts_is_rejected(partner):
    offer_location = factories.make_offer_location(factories.make_offer(partner))
    with rejected("slot_ends_after_start"), transaction.atomic():
        ScheduleSlot.objects.create(
            offer_location=offer_location, weekday=2, start_time=time(12), end_time=time(9)
        )


def test_a_weekly_slot_on_a_day_that_does_not_exist_is_rejected(partner):
    offer_location = factories.make_offer_location(factories.make_offer(partner))
    with rejected("slot_weekday"), transaction.atomic():
        ScheduleSlot.objects.create(
            offer_location=offer_location, weekday=8, start_time=time(9), end_time=time(12)
        )


def test_a_location_outside_leuven_is_rejected():
    with rejected("location_postcode_in_leuven"), transaction.atomic():
        factories.make_location("Huis van het Kind Brussel", postcode="1000")


@pytest.mark.parametrize("postcode", ["3000", "3001", "3010", "3012", "3018"])
def test_a_location_in_every_leuven_postcode_is_accepted(postcode):
    location = factories.make_location(f"Plek {postcode}", postcode=postcode)
    assert location.deelgemeente


def test_a_location_with_impossible_coordinates_is_rejected():
    with rejected("location_coordinates_valid"), transaction.atomic():
        factories.make_location("Nergens", latitude=91, longitude=4.7)


@pytest.mark.parametrize(
    ("make", "table"),
    [
        (lambda n: factories.make_partner(f"Partner {n}", slug="dubbel"), "partners_partner"),
        (lambda n: factories.make_location(f"Plek {n}", slug="dubbel"), "aanbod_location"),
        (lambda n: factories.make_offer(title=f"Aanbod {n}", slug="dubbel"), "aanbod_offer"),
        (lambda n: Theme.objects.create(name=f"Thema {n}", slug="dubbel"), "aanbod_theme"),
    ],
    ids=["partner", "location", "offer", "theme"],
)
def test_a_duplicate_slug_is_rejected(make, table):
    make(1)
    with rejected(f"{table}_slug_key"), transaction.atomic():
        make(2)


def test_a_duplicate_pillar_slug_is_rejected():
    with rejected("aanbod_pillar_slug_key"), transaction.atomic():
        Pillar.objects.create(slug="consultatie", name="Nog een consultatie")


def test_a_duplicate_partner_name_is_rejected(partner):
    with rejected("partners_partner_name_key"), transaction.atomic():
        Partner.objects.create(name=partner.name, slug="andere-slug")


def test_a_person_cannot_be_a_member_of_the_same_partner_twice(editor, partner):
    with rejected("membership_unique_per_partner"), transaction.atomic():
        Membership.objects.create(user=editor, partner=partner, role=Membership.Role.MANAGER)


def test_a_person_may_work_for_two_partners(editor, other_partner):
    Membership.objects.create(user=editor, partner=other_partner)
    assert editor.memberships.count() == 2


def test_a_partner_cannot_sign_the_same_declaration_twice(partner):
    declaration = Declaration.objects.create(
        version="2014", title="Engagementsverklaring", text="…", effective_from="2014-11-13"
    )
    Signature.objects.create(declaration=declaration, partner=partner, signed_on="2014-11-13")
    with rejected("signature_once_per_declaration"), transaction.atomic():
        Signature.objects.create(declaration=declaration, partner=partner, signed_on="2015-01-01")


def test_an_offer_cannot_list_the_same_location_twice(partner):
    offer = factories.make_offer(partner)
    location = factories.make_location()
    factories.make_offer_location(offer, location)
    with rejected("offer_location_unique"), transaction.atomic():
        factories.make_offer_location(offer, location)


def test_a_rejected_row_leaves_nothing_behind(partner):
    with rejected("offer_age_min_not_above_max"), transaction.atomic():
        factories.make_offer(partner, title="Half", age_min_months=50, age_max_months=10)
    assert not Offer.objects.filter(title="Half").exists()
    assert Location.objects.count() == 0
