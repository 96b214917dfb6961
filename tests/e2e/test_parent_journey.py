"""A parent on a phone finds a free breastfeeding group for their 2-year-old: from the home
page, through the search and the filters, to where and when it happens. The page never
scrolls sideways, with JavaScript and without."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from aanbod.models import Activity, Location, Offer, ScheduleSlot, Weekday
from tests import factories
from tests.e2e.conftest import PHONE, assert_accessible, assert_no_horizontal_scroll

GROUP = "Praatgroep borstvoeding"


@pytest.fixture
def offers(db):
    """Three offers about breastfeeding; only the group is free and fits a 2-year-old."""
    provider = factories.make_partner("Kind en Gezin", slug="kind-en-gezin")
    huis = factories.make_location(
        "Huis van het Kind Kessel-Lo",
        kind=Location.Kind.HUIS_VAN_HET_KIND,
        street="Stationsstraat 22",
        postcode="3010",
        latitude=Decimal("50.889100"),
        longitude=Decimal("4.722300"),
        public_transport="Bus 2 en 3, halte Kessel-Lo Station.",
    )
    group = factories.make_offer(
        provider,
        GROUP,
        pillars=("groepsaanbod",),
        summary="Vragen over borstvoeding of afbouwen? Praat erover met andere mama's.",
        age_max_months=36,
        cost=Offer.Cost.FREE,
    )
    where = factories.make_offer_location(group, huis, schedule="Elke eerste dinsdag van de maand")
    ScheduleSlot.objects.create(
        offer_location=where,
        weekday=Weekday.TUESDAY,
        start_time=time(9, 30),
        end_time=time(11, 0),
    )
    day = timezone.localdate() + timedelta(days=5)
    starts = timezone.make_aware(datetime.combine(day, time(9, 30)))
    Activity.objects.create(
        offer=group, location=huis, starts_at=starts, ends_at=starts + timedelta(hours=1.5)
    )
    factories.make_offer(
        provider,
        "Borstvoeding en weer gaan werken",
        summary="Borstvoeding combineren met je werk: een workshop.",
        age_max_months=36,
        cost=Offer.Cost.PAID,
    )
    factories.make_offer(
        provider,
        "Lactatiekundige aan huis",
        summary="Hulp bij borstvoeding in de eerste weken, bij jou thuis.",
        age_max_months=12,
        cost=Offer.Cost.FREE,
        format=Offer.Format.HOME_VISIT,
    )
    factories.make_offer(provider, "Peuterspeelpunt", age_min_months=18, age_max_months=48)
    return {"group": group, "huis": huis, "activity_start": starts}


def results_heading(page):
    return page.locator("#results-title")


def find_the_group_on_a_phone(page, offers):
    """The journey itself; asserts at every step that nothing is wider than the screen."""
    page.goto("/")
    assert_no_horizontal_scroll(page)
    page.get_by_label("Wat zoek je?").fill("borstvoeding")
    page.get_by_role("button", name="Zoeken").tap()
    page.wait_for_url("**/aanbod/?q=borstvoeding")
    expect(results_heading(page)).to_have_text("3 resultaten voor ‘borstvoeding’")
    assert_no_horizontal_scroll(page)

    # On a phone the filters wait behind their summary, so the results come first.
    age = page.get_by_label("Leeftijd van je kind (in jaar)")
    assert not age.is_visible()
    page.locator(".filter-panel > summary").tap()
    expect(age).to_be_visible()
    assert_no_horizontal_scroll(page)
    age.fill("2")
    page.get_by_label("Gratis").tap()
    assert page.get_by_label("Gratis").is_checked()
    page.get_by_role("button", name="Toon resultaten").tap()
    page.wait_for_url("**/aanbod/?*kosten=gratis*")

    expect(results_heading(page)).to_have_text("1 resultaat voor ‘borstvoeding’")
    chips = page.locator(".filter-chip")
    expect(chips).to_have_count(3)
    assert page.get_by_role("link", name="Filter verwijderen: Kosten: Gratis").is_visible()
    assert page.get_by_role(
        "link", name="Filter verwijderen: Leeftijd van je kind (in jaar): 2 jaar"
    ).is_visible()
    assert page.get_by_role("link", name=GROUP).is_visible()
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name="Filter verwijderen: Kosten: Gratis").tap()
    expect(results_heading(page)).to_have_text("2 resultaten voor ‘borstvoeding’")
    expect(chips).to_have_count(2)
    assert page.get_by_role("link", name="Borstvoeding en weer gaan werken").is_visible()
    assert page.get_by_role("link", name="Lactatiekundige aan huis").count() == 0
    assert_no_horizontal_scroll(page)

    page.get_by_role("link", name=GROUP).tap()
    page.wait_for_url(f"**{offers['group'].get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == GROUP
    where = page.locator("section", has=page.get_by_role("heading", name="Waar en wanneer"))
    assert where.get_by_text("Stationsstraat 22, 3010 Kessel-Lo").is_visible()
    directions = where.get_by_role(
        "link", name="Routebeschrijving naar Huis van het Kind Kessel-Lo op OpenStreetMap"
    )
    assert directions.is_visible()
    assert directions.get_attribute("href") == (
        "https://www.openstreetmap.org/directions?to=50.889100%2C4.722300"
    )
    assert where.get_by_text("Elke eerste dinsdag van de maand").is_visible()
    assert where.get_by_text("Dinsdag 09:30–11:00").is_visible()
    upcoming = page.locator(
        "section", has=page.get_by_role("heading", name="Volgende activiteiten")
    )
    start = timezone.localtime(offers["activity_start"])
    assert upcoming.locator(f"time[datetime='{start.isoformat()}']").is_visible()
    assert_no_horizontal_scroll(page)


def test_a_parent_on_a_phone_finds_where_and_when_a_free_group_for_a_toddler_meets(
    phone_page, offers
):
    find_the_group_on_a_phone(phone_page, offers)
    assert_accessible(phone_page)


def test_the_same_journey_works_on_a_phone_without_javascript(new_page, offers):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False)
    find_the_group_on_a_phone(page, offers)
