"""The catalogue filters, alone and combined, against a known set of offers."""

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Language, Offer, ScheduleSlot, Theme, Weekday
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("aanbod:offer_list")


def titles(response):
    assert response.status_code == 200
    return [offer.title for offer in response.context["offers"]]


def found(client, params):
    return set(titles(client.get(URL, params)))


def next_weekday(weekday, hour=10):
    """The next date (after today) falling on an ISO weekday, at `hour` in Leuven."""
    today = timezone.localdate()
    days_ahead = (weekday - today.isoweekday() - 1) % 7 + 1
    day = today + timedelta(days=days_ahead)
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def data(partner, other_partner):
    """Nine published offers with known properties, and two that the public must never see."""
    dutch = Language.objects.create(code="nl", name="Nederlands")
    arabic = Language.objects.create(code="ar", name="Arabisch", native_name="العربية")
    sleep = Theme.objects.create(name="Slapen", slug="slapen")
    feeding = Theme.objects.create(name="Voeding", slug="voeding")
    leuven = factories.make_location("Huis Leuven", postcode="3000")
    kessel_lo = factories.make_location("Huis Kessel-Lo", postcode="3010")
    heverlee = factories.make_location("Speelplek Heverlee", postcode="3001")

    offers = {}

    def offer(title, **kwargs):
        offers[title] = factories.make_offer(partner, title, **kwargs)
        return offers[title]

    toddlers = offer(
        "Peuterspel",
        pillars=("spel-en-ontmoeting",),
        age_min_months=0,
        age_max_months=36,
        cost=Offer.Cost.FREE,
    )
    toddlers.themes.add(sleep)
    toddlers.languages.add(dutch, arabic)
    factories.make_offer_location(toddlers, leuven)
    factories.make_offer_location(toddlers, kessel_lo)

    wide = offer(
        "Kleuterklets",
        pillars=("opvoedadvies",),
        age_min_months=18,
        age_max_months=72,
        cost=Offer.Cost.SOCIAL,
        registration=Offer.Registration.REQUIRED,
    )
    wide.languages.add(dutch)
    slot_place = factories.make_offer_location(wide, heverlee)
    ScheduleSlot.objects.create(
        offer_location=slot_place,
        weekday=Weekday.WEDNESDAY,
        start_time=time(14),
        end_time=time(16),
    )

    preschool = offer(
        "Kleuterturnen",
        pillars=("groepsaanbod",),
        age_min_months=37,
        age_max_months=72,
        cost=Offer.Cost.PAID,
        registration=Offer.Registration.REQUIRED,
    )
    preschool.themes.add(feeding)
    factories.make_offer_location(preschool, kessel_lo)

    expecting = offer(
        "Zwangerschapscafé",
        slug="zwangerschapscafe",
        pillars=("groepsaanbod", "onthaal-en-informatie"),
        for_expecting=True,
        age_min_months=0,
        age_max_months=0,
        cost=Offer.Cost.FREE,
    )
    expecting.themes.add(sleep, feeding)
    factories.make_activity(expecting, starts_in=next_weekday(Weekday.FRIDAY) - timezone.now())

    teens = offer(
        "Jongerenpunt",
        pillars=("onthaal-en-informatie",),
        age_min_months=144,
        age_max_months=216,
        format=Offer.Format.ONLINE,
    )
    teens.languages.add(arabic)
    # Only a cancelled activity on Friday, and one in the past: neither makes it a Friday offer.
    factories.make_activity(
        teens, starts_in=next_weekday(Weekday.FRIDAY) - timezone.now(), is_cancelled=True
    )
    factories.make_activity(teens, starts_in=-timedelta(days=10))

    offer(
        "Opvoedingslijn",
        pillars=("opvoedadvies",),
        age_min_months=0,
        age_max_months=288,
        format=Offer.Format.PHONE,
    )
    offer(
        "Huisbezoek baby",
        pillars=("consultatie",),
        for_expecting=True,
        age_min_months=0,
        age_max_months=12,
        format=Offer.Format.HOME_VISIT,
    )
    young_adults = offer(
        "Studentenouders", pillars=("extra-aanbod",), age_min_months=216, age_max_months=288
    )
    factories.make_offer_location(young_adults, leuven)
    factories.make_activity(young_adults, starts_in=next_weekday(Weekday.MONDAY) - timezone.now())
    offer("Babymassage", pillars=("spel-en-ontmoeting",), age_min_months=1, age_max_months=9)

    hidden_draft = factories.make_offer(
        other_partner, "Verborgen ontwerp", status=Offer.Status.DRAFT, pillars=("opvoedadvies",)
    )
    factories.make_offer_location(hidden_draft, leuven)
    factories.make_offer(
        other_partner, "Oud archief", status=Offer.Status.ARCHIVED, pillars=("opvoedadvies",)
    )
    return offers


PUBLISHED = {
    "Peuterspel",
    "Kleuterklets",
    "Kleuterturnen",
    "Zwangerschapscafé",
    "Jongerenpunt",
    "Opvoedingslijn",
    "Huisbezoek baby",
    "Studentenouders",
    "Babymassage",
}


def test_it_lists_every_published_offer_alphabetically_without_filters(client, data):
    assert titles(client.get(URL)) == sorted(PUBLISHED)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"pijler": "opvoedadvies"},
        {"plek": "huis-leuven"},
        {"gemeente": "3000"},
        {"q": "Verborgen"},
        {"sorteer": "eerstvolgend"},
    ],
)
def test_it_never_lists_draft_or_archived_offers(client, data, params):
    listed = found(client, params)

    assert "Verborgen ontwerp" not in listed
    assert "Oud archief" not in listed


def test_it_filters_by_pillar(client, data):
    assert found(client, {"pijler": "opvoedadvies"}) == {"Kleuterklets", "Opvoedingslijn"}


def test_several_pillars_are_alternatives(client, data):
    assert found(client, {"pijler": ["opvoedadvies", "consultatie"]}) == {
        "Kleuterklets",
        "Opvoedingslijn",
        "Huisbezoek baby",
    }


def test_an_offer_in_two_chosen_pillars_is_listed_once(client, data):
    listed = titles(client.get(URL, {"pijler": ["groepsaanbod", "onthaal-en-informatie"]}))

    assert sorted(listed) == ["Jongerenpunt", "Kleuterturnen", "Zwangerschapscafé"]


def test_it_filters_by_theme(client, data):
    assert found(client, {"thema": "slapen"}) == {"Peuterspel", "Zwangerschapscafé"}
    assert found(client, {"thema": ["slapen", "voeding"]}) == {
        "Peuterspel",
        "Zwangerschapscafé",
        "Kleuterturnen",
    }


def test_a_two_year_old_matches_0_to_3_and_18_months_to_6_years_but_not_3_to_6(client, data):
    listed = found(client, {"leeftijd": "2"})

    assert {"Peuterspel", "Kleuterklets", "Opvoedingslijn"} <= listed
    assert "Kleuterturnen" not in listed
    assert listed == {"Peuterspel", "Kleuterklets", "Opvoedingslijn"}


def test_age_zero_matches_offers_from_birth(client, data):
    assert found(client, {"leeftijd": "0"}) == {
        "Peuterspel",
        "Zwangerschapscafé",
        "Opvoedingslijn",
        "Huisbezoek baby",
    }


def test_age_24_matches_offers_up_to_24_years(client, data):
    assert found(client, {"leeftijd": "24"}) == {"Opvoedingslijn", "Studentenouders"}


def test_expecting_parents_find_offers_for_the_pregnancy(client, data):
    assert found(client, {"voor": "zwanger"}) == {"Zwangerschapscafé", "Huisbezoek baby"}


def test_an_age_band_matches_offers_that_overlap_it(client, data):
    assert found(client, {"voor": "3-6"}) == {
        "Peuterspel",  # up to and including 36 months: a child just turned 3
        "Kleuterklets",
        "Kleuterturnen",
        "Opvoedingslijn",
    }
    assert found(client, {"voor": "12-18"}) == {"Jongerenpunt", "Opvoedingslijn"}


def test_several_age_bands_are_alternatives(client, data):
    assert found(client, {"voor": ["zwanger", "18-24"]}) == {
        "Zwangerschapscafé",
        "Huisbezoek baby",
        "Studentenouders",
        "Opvoedingslijn",
        "Jongerenpunt",  # up to and including 216 months: a young person just turned 18
    }


def test_it_filters_by_deelgemeente(client, data):
    assert found(client, {"gemeente": "3010"}) == {"Peuterspel", "Kleuterturnen"}
    assert found(client, {"gemeente": ["3001", "3000"]}) == {
        "Peuterspel",
        "Kleuterklets",
        "Studentenouders",
    }


def test_the_deelgemeente_filter_finds_offers_whose_service_area_covers_it(client, data):
    """An offer that comes to every family in Leuven, or to families in some deelgemeenten,
    is found in each of them, with or without a place there."""
    factories.make_offer(data["Peuterspel"].provider, "Huisbezoek", service_area="leuven")
    factories.make_offer(
        data["Peuterspel"].provider,
        "Buurtwerk",
        service_area="areas",
        service_postcodes=["3001", "3010"],
    )
    assert found(client, {"gemeente": "3010"}) == {
        "Peuterspel",
        "Kleuterturnen",
        "Huisbezoek",
        "Buurtwerk",
    }
    assert found(client, {"gemeente": "3018"}) == {"Huisbezoek"}
    assert "Buurtwerk" not in found(client, {"gemeente": "3000"})


def test_an_offer_at_two_places_in_the_chosen_deelgemeenten_is_listed_once(client, data):
    listed = titles(client.get(URL, {"gemeente": ["3000", "3010"]}))

    assert listed.count("Peuterspel") == 1


def test_it_filters_by_place(client, data):
    assert found(client, {"plek": "huis-kessel-lo"}) == {"Peuterspel", "Kleuterturnen"}


def test_free_means_free_only(client, data):
    listed = found(client, {"kosten": "gratis"})

    assert "Kleuterklets" not in listed
    assert "Kleuterturnen" not in listed
    assert {"Peuterspel", "Zwangerschapscafé"} <= listed


def test_free_and_social_tariff_together_include_the_social_tariff(client, data):
    listed = found(client, {"kosten": ["gratis", "sociaal"]})

    assert "Kleuterklets" in listed
    assert "Kleuterturnen" not in listed


def test_walk_in_only(client, data):
    listed = found(client, {"zonder_inschrijving": "on"})

    assert "Kleuterklets" not in listed
    assert "Kleuterturnen" not in listed
    assert "Peuterspel" in listed


def test_it_filters_by_language(client, data):
    assert found(client, {"taal": "ar"}) == {"Peuterspel", "Jongerenpunt"}
    assert found(client, {"taal": "nl"}) == {"Peuterspel", "Kleuterklets"}


def test_it_filters_by_format(client, data):
    assert found(client, {"vorm": "online"}) == {"Jongerenpunt"}
    assert found(client, {"vorm": "home_visit"}) == {"Huisbezoek baby"}


def test_a_day_matches_regular_slots(client, data):
    assert found(client, {"dag": "3"}) == {"Kleuterklets"}


def test_a_day_matches_upcoming_activities_that_are_not_cancelled(client, data):
    assert found(client, {"dag": "5"}) == {"Zwangerschapscafé"}
    assert found(client, {"dag": "1"}) == {"Studentenouders"}
    assert found(client, {"dag": "7"}) == set()


def test_filters_combine(client, data):
    assert found(client, {"leeftijd": "2", "kosten": ["gratis", "sociaal"], "taal": "nl"}) == {
        "Peuterspel",
        "Kleuterklets",
    }
    assert found(client, {"voor": "0-3", "gemeente": "3010", "thema": "slapen"}) == {"Peuterspel"}
    assert found(client, {"pijler": "opvoedadvies", "zonder_inschrijving": "on"}) == {
        "Opvoedingslijn"
    }


def test_filters_combine_with_the_search(client, data):
    assert found(client, {"q": "Kleuter", "kosten": "sociaal"}) == {"Kleuterklets"}


def test_soonest_puts_the_next_activity_first_and_offers_without_activities_last(client, data):
    listed = titles(client.get(URL, {"sorteer": "eerstvolgend"}))

    monday = next_weekday(Weekday.MONDAY)
    friday = next_weekday(Weekday.FRIDAY)
    with_activities = ["Studentenouders", "Zwangerschapscafé"]
    if friday < monday:
        with_activities.reverse()
    assert listed[:2] == with_activities
    # Cancelled and past activities do not count: the rest follows alphabetically.
    assert listed[2:] == sorted(PUBLISHED - set(with_activities))


def test_alphabetical_is_the_default_order_and_can_be_chosen(client, data):
    assert titles(client.get(URL, {"sorteer": "alfabetisch"})) == sorted(PUBLISHED)


def test_relevance_is_the_default_order_when_searching(client, data, monkeypatch):
    def search_offers(offers, text):
        return offers.filter(title__in=["Peuterspel", "Babymassage"]).order_by("-title"), False

    monkeypatch.setattr("aanbod.search.search_offers", search_offers)

    assert titles(client.get(URL, {"q": "spel"})) == ["Peuterspel", "Babymassage"]
    assert titles(client.get(URL, {"q": "spel", "sorteer": "alfabetisch"})) == [
        "Babymassage",
        "Peuterspel",
    ]


def test_relevance_without_a_search_falls_back_to_alphabetical(client, data):
    response = client.get(URL, {"sorteer": "relevantie"})

    assert titles(response) == sorted(PUBLISHED)
    assert response.context["filterset"].sort == "alfabetisch"


@pytest.mark.parametrize(
    "params",
    [
        {"pijler": "bestaat-niet"},
        {"thema": "onbekend"},
        {"voor": "99-100"},
        {"leeftijd": "abc"},
        {"leeftijd": "999"},
        {"leeftijd": "-1"},
        {"leeftijd": "2.5"},
        {"gemeente": "1000"},
        {"plek": "nergens"},
        {"kosten": "duur"},
        {"taal": "xx"},
        {"vorm": "brief"},
        {"dag": "8"},
        {"sorteer": "willekeurig"},
    ],
)
def test_an_invalid_value_is_ignored_with_a_message(client, data, params):
    response = client.get(URL, params)

    assert set(titles(response)) == PUBLISHED
    assert response.context["form"].errors
    assert 'class="field-error' in response.text
