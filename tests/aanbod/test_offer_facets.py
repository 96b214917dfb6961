"""The filter codes of offers (Offer.facets), kept by database triggers.

The catalogue's filters on pillars, themes, languages, postcodes and weekdays read these codes
(aanbod/filters.py); tests/aanbod/test_offer_filters.py checks the filters page by page. Here:
the codes follow every way their sources change, and over offers that differ in every filtered
relation the filters find exactly the offers that the factories' data says they should.
"""

import threading
from datetime import time, timedelta
from itertools import product
from time import sleep
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.http import QueryDict
from django.utils import timezone

from aanbod.facets import Facet
from aanbod.filters import OfferFilter
from aanbod.models import Language, Location, Offer, Pillar, ScheduleSlot, Theme
from tests import factories


def codes(offer):
    """The offer's codes as stored, read straight from the database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(facets) FROM aanbod_offer WHERE id = %s", [offer.pk]
        )
        return set(cursor.fetchone()[0])


def pillar(slug):
    return Pillar.objects.get(slug=slug)


def test_the_triggers_write_every_kind_of_code_as_python_builds_it(partner):
    """The prefixes that aanbod/sql/facets.sql writes are those of aanbod.facets.Facet, which
    the filters look for."""
    theme = Theme.objects.create(name="Slaap", slug="slaap")
    dutch = Language.objects.create(code="nl", name="Nederlands")
    offer = factories.make_offer(partner, pillars=("consultatie",))
    offer.themes.add(theme)
    offer.languages.add(dutch)
    add_slot(factories.make_offer_location(offer, factories.make_location(postcode="3018")), 2)
    activity = factories.make_activity(offer)
    assert codes(offer) == {
        Facet.PILLAR.code(pillar("consultatie").pk),
        Facet.THEME.code(theme.pk),
        Facet.LANGUAGE.code(dutch.pk),
        Facet.POSTCODE.code("3018"),
        Facet.SLOT_WEEKDAY.code(2),
        Facet.ACTIVITY_WEEKDAY.code(timezone.localtime(activity.starts_at).isoweekday()),
    }


def test_a_new_offer_has_the_codes_of_its_pillars(partner):
    offer = factories.make_offer(partner, pillars=("consultatie", "groepsaanbod"))
    assert codes(offer) == {
        Facet.PILLAR.code(pillar("consultatie").pk),
        Facet.PILLAR.code(pillar("groepsaanbod").pk),
    }


def test_the_codes_follow_pillars_themes_and_languages(partner):
    offer = factories.make_offer(partner, pillars=())
    theme = Theme.objects.create(name="Slaap", slug="slaap")
    arabic = Language.objects.create(code="ar", name="Arabisch")
    offer.themes.add(theme)
    offer.languages.add(arabic)
    offer.pillars.add(pillar("consultatie"))
    assert codes(offer) == {
        Facet.THEME.code(theme.pk),
        Facet.LANGUAGE.code(arabic.pk),
        Facet.PILLAR.code(pillar("consultatie").pk),
    }
    offer.themes.clear()
    arabic.offers.remove(offer)
    offer.pillars.set([pillar("groepsaanbod")])
    assert codes(offer) == {Facet.PILLAR.code(pillar("groepsaanbod").pk)}


def test_a_deleted_theme_leaves_the_codes(partner):
    offer = factories.make_offer(partner, pillars=())
    theme = Theme.objects.create(name="Slaap", slug="slaap")
    offer.themes.add(theme)
    theme.delete()
    assert codes(offer) == set()


def test_the_codes_follow_the_places_and_their_postcodes(partner):
    offer = factories.make_offer(partner, pillars=())
    place = factories.make_location(postcode="3010")
    offer_location = factories.make_offer_location(offer, place)
    assert codes(offer) == {Facet.POSTCODE.code("3010")}
    place.postcode = "3012"
    place.save()
    assert codes(offer) == {Facet.POSTCODE.code("3012")}
    offer_location.delete()
    assert codes(offer) == set()


def test_the_codes_hold_the_postcodes_of_the_service_area(partner):
    """Postcodes of the service area get the code of a place's postcode, however the offer is
    written: save(), update(), or a place of its own in one of them."""
    offer = factories.make_offer(partner, pillars=(), service_area=Offer.ServiceArea.LEUVEN)
    assert codes(offer) == set(Facet.POSTCODE.codes(["3000", "3001", "3010", "3012", "3018"]))
    offer.service_area = Offer.ServiceArea.AREAS
    offer.service_postcodes = ["3001", "3010"]
    offer.save()
    assert codes(offer) == set(Facet.POSTCODE.codes(["3001", "3010"]))
    factories.make_offer_location(offer, factories.make_location(postcode="3010"))
    assert codes(offer) == set(Facet.POSTCODE.codes(["3001", "3010"]))
    Offer.objects.filter(pk=offer.pk).update(
        service_area=Offer.ServiceArea.PLACES, service_postcodes=[]
    )
    assert codes(offer) == {Facet.POSTCODE.code("3010")}


@pytest.mark.parametrize(
    ("area", "postcodes"),
    [("places", ["3010"]), ("leuven", ["3010"]), ("areas", []), ("areas", ["1000"])],
)
def test_the_database_refuses_deelgemeenten_that_do_not_fit_the_service_area(
    partner, area, postcodes
):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_offer(partner, service_area=area, service_postcodes=postcodes)


def test_the_codes_follow_weekly_slots(partner):
    offer = factories.make_offer(partner, pillars=())
    place = factories.make_location(postcode="3000")
    offer_location = factories.make_offer_location(offer, place)
    slot = ScheduleSlot.objects.create(
        offer_location=offer_location, weekday=3, start_time=time(9), end_time=time(11)
    )
    assert codes(offer) == {Facet.POSTCODE.code("3000"), Facet.SLOT_WEEKDAY.code(3)}
    slot.weekday = 5
    slot.save()
    assert codes(offer) == {Facet.POSTCODE.code("3000"), Facet.SLOT_WEEKDAY.code(5)}
    slot.delete()
    assert codes(offer) == {Facet.POSTCODE.code("3000")}


def test_the_codes_follow_activities_by_their_weekday_in_leuven(partner):
    offer = factories.make_offer(partner, pillars=())
    # Half past midnight on a Wednesday in Leuven is still Tuesday in UTC.
    starts_at = timezone.make_aware(timezone.datetime(2027, 1, 6, 0, 30))
    activity = factories.make_activity(offer, starts_in=starts_at - timezone.now())
    assert codes(offer) == {Facet.ACTIVITY_WEEKDAY.code(3)}
    activity.is_cancelled = True
    activity.save()
    assert codes(offer) == set()
    activity.delete()
    assert codes(offer) == set()


def test_codes_written_back_by_an_older_copy_of_the_offer_are_replaced(partner):
    factories.make_offer(partner, pillars=())
    stale = Offer.objects.get()
    stale.pillars.add(pillar("consultatie"))
    stale.reviewed_at = timezone.now()
    stale.save()  # writes back the codes it loaded, from before the pillar
    assert codes(stale) == {Facet.PILLAR.code(pillar("consultatie").pk)}


def test_offers_created_in_bulk_get_their_codes(partner):
    offers = Offer.objects.bulk_create(
        Offer(provider=partner, title=f"Bulk {n}", slug=f"bulk-{n}", summary="x") for n in range(3)
    )
    Offer.pillars.through.objects.bulk_create(
        Offer.pillars.through(offer=offer, pillar=pillar("consultatie")) for offer in offers
    )
    assert all(codes(offer) == {Facet.PILLAR.code(pillar("consultatie").pk)} for offer in offers)


@pytest.fixture
def varied_offers(partner):
    """Offers that differ in every filtered relation, some with nothing at all; for each, what
    the filters should know of it, as plain Python values."""
    dutch = Language.objects.create(code="nl", name="Nederlands")
    french = Language.objects.create(code="fr", name="Frans")
    sleep = Theme.objects.create(name="Slaap", slug="slaap")
    places = [factories.make_location(postcode=code) for code in ("3000", "3010", "3018")]
    soon = timezone.now() + timedelta(days=1)
    offers = []
    for n, (pillars, with_theme, language, place, weekday, activity_day) in enumerate(
        product(
            (("consultatie",), ("groepsaanbod", "consultatie"), ()),
            (True, False),
            (dutch, french, None),
            (places[0], places[1], None),
            (3, None),
            (0, 2, None),
        )
    ):
        if n % 5:  # a fifth of all combinations, every value still among them
            continue
        offer = factories.make_offer(partner, title=f"Aanbod {n:03}", pillars=pillars)
        facts = SimpleNamespace(
            title=offer.title,
            pillars=set(pillars),
            themes=set(),
            languages=set(),
            postcodes=set(),
            weekdays=set(),
        )
        if with_theme:
            offer.themes.add(sleep)
            facts.themes.add(sleep.slug)
        if language:
            offer.languages.add(language)
            facts.languages.add(language.code)
        if place:
            offer_location = factories.make_offer_location(offer, place)
            facts.postcodes.add(place.postcode)
            if weekday:
                ScheduleSlot.objects.create(
                    offer_location=offer_location,
                    weekday=weekday,
                    start_time=time(9),
                    end_time=time(10),
                )
                facts.weekdays.add(weekday)
        if activity_day is not None:
            activity = factories.make_activity(
                offer, starts_in=soon - timezone.now() + timedelta(activity_day)
            )
            facts.weekdays.add(timezone.localtime(activity.starts_at).isoweekday())
        offers.append(facts)
    return offers


def should_find(facts, query):
    """Whether the catalogue should list this offer for these filters: any of the values of a
    parameter, and every parameter."""
    wanted = QueryDict(query)
    checks = [
        ("pijler", facts.pillars),
        ("thema", facts.themes),
        ("taal", facts.languages),
        ("gemeente", facts.postcodes),
        ("dag", {str(day) for day in facts.weekdays}),
    ]
    return all(set(wanted.getlist(name)) & values for name, values in checks if name in wanted)


@pytest.mark.parametrize(
    "query",
    [
        "pijler=consultatie",
        "pijler=groepsaanbod&pijler=consultatie",
        "thema=slaap",
        "taal=nl",
        "gemeente=3000&gemeente=3018",
        "dag=3",
        f"dag={(timezone.localdate() + timedelta(days=1)).isoweekday()}",
        f"dag={(timezone.localdate() + timedelta(days=3)).isoweekday()}",
        "pijler=consultatie&thema=slaap&taal=fr&gemeente=3010&dag=3",
    ],
)
def test_the_filters_find_the_offers_that_have_what_they_ask(varied_offers, query):
    filterset = OfferFilter(QueryDict(query), queryset=Offer.objects.published())
    found = list(filterset.qs.values_list("title", flat=True))
    expected = [facts.title for facts in varied_offers if should_find(facts, query)]
    assert found == expected
    assert expected, "the data set should have matches for every query"
    assert len(expected) < len(varied_offers), "every query should leave offers out"


def test_an_activity_that_is_over_does_not_count_for_its_weekday(partner):
    offer = factories.make_offer(partner)
    factories.make_activity(offer, starts_in=-timedelta(days=7))
    weekday = timezone.localtime(offer.activities.get().starts_at).isoweekday()
    assert codes(offer) == {
        Facet.PILLAR.code(pillar("onthaal-en-informatie").pk),
        Facet.ACTIVITY_WEEKDAY.code(weekday),
    }
    filterset = OfferFilter(QueryDict(f"dag={weekday}"), queryset=Offer.objects.published())
    assert list(filterset.qs) == []


def test_a_change_that_keeps_the_codes_does_not_rewrite_the_offer(partner):
    offer = factories.make_offer(partner, pillars=())
    activity = factories.make_activity(offer)

    def row_version():
        with connection.cursor() as cursor:
            cursor.execute("SELECT xmin::text FROM aanbod_offer WHERE id = %s", [offer.pk])
            return cursor.fetchone()[0]

    before = row_version()
    activity.capacity = 12
    activity.save()
    assert row_version() == before


def at_the_same_time(first_change, second_change):
    """Run first_change in a transaction that stays open until second_change, in another
    transaction, has started (and has had time to wait for the first one's locks)."""
    first_done, second_started = threading.Event(), threading.Event()
    errors = []

    def first():
        try:
            with transaction.atomic():
                first_change()
                first_done.set()
                second_started.wait(10)
                sleep(0.5)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    def second():
        try:
            first_done.wait(10)
            with transaction.atomic():
                second_started.set()
                second_change()
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert not errors


def add_slot(offer_location, weekday):
    return ScheduleSlot.objects.create(
        offer_location=offer_location, weekday=weekday, start_time=time(9), end_time=time(10)
    )


# Two connections must see each other's commits; the rollback afterwards puts back what the
# migrations made (pillars, groups) for the tests that come after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_people_adding_slots_to_one_offer_at_once_both_count():
    offer = factories.make_offer(factories.make_partner(), pillars=())
    offer_location = factories.make_offer_location(offer, factories.make_location())
    at_the_same_time(lambda: add_slot(offer_location, 3), lambda: add_slot(offer_location, 5))
    assert codes(offer) == {
        Facet.POSTCODE.code("3000"),
        Facet.SLOT_WEEKDAY.code(3),
        Facet.SLOT_WEEKDAY.code(5),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_slot_added_while_another_on_that_day_is_removed_keeps_the_day():
    offer = factories.make_offer(factories.make_partner(), pillars=())
    offer_location = factories.make_offer_location(offer, factories.make_location())
    old_slot = add_slot(offer_location, 3)
    at_the_same_time(old_slot.delete, lambda: add_slot(offer_location, 3))
    assert codes(offer) == {Facet.POSTCODE.code("3000"), Facet.SLOT_WEEKDAY.code(3)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("move_first", [True, False], ids=["move-first", "link-first"])
def test_a_place_linked_while_its_postcode_changes_gets_the_new_postcode(move_first):
    offer = factories.make_offer(factories.make_partner(), pillars=())
    place = factories.make_location(postcode="3000")

    def move_place():
        Location.objects.filter(pk=place.pk).update(postcode="3010")

    def link_place():
        factories.make_offer_location(offer, place)

    at_the_same_time(*((move_place, link_place) if move_first else (link_place, move_place)))
    assert codes(offer) == {Facet.POSTCODE.code("3010")}
