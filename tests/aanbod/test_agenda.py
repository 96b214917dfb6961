"""The public agenda page: upcoming activities of published offers, by day, with filters."""

import re
from datetime import datetime, time, timedelta
from urllib.parse import quote_from_bytes, urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aanbod.models import Activity, Location, Offer
from tests import factories

pytestmark = pytest.mark.django_db

AGENDA_MAX_QUERIES = 5
URL = reverse("aanbod:agenda")


def at(days, hour=10, minute=0):
    """An aware datetime `days` from today at a local (Leuven) time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def make_activity(offer, days=3, hour=10, hours=2, **kwargs):
    starts_at = at(days, hour)
    return Activity.objects.create(
        offer=offer, starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), **kwargs
    )


def dutch_day(days):
    with translation.override("nl"):
        return date_format(timezone.localdate() + timedelta(days=days), "l j F")


def heading_levels(html):
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


@pytest.fixture
def huis(db):
    return factories.make_location(
        "Huis van het Kind Kessel-Lo",
        kind=Location.Kind.HUIS_VAN_HET_KIND,
        street="Stationsstraat 1",
        postcode="3010",
    )


@pytest.fixture
def infoavond(partner):
    return factories.make_offer(
        partner,
        "Infoavond slapen",
        pillars=("groepsaanbod",),
        age_min_months=0,
        age_max_months=36,
        cost=Offer.Cost.PAID,
        cost_details="5 euro",
        registration=Offer.Registration.REQUIRED,
    )


@pytest.fixture
def agenda_with_an_activity(infoavond, huis):
    return make_activity(infoavond, location=huis)


def test_it_groups_upcoming_activities_by_day_under_a_dutch_heading(client, infoavond, huis):
    make_activity(infoavond, days=2, hour=19, location=huis)
    make_activity(infoavond, days=2, hour=9, location=huis, title="Ochtendsessie")
    make_activity(infoavond, days=5, location=huis)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.text
    first_day, second_day = dutch_day(2), dutch_day(5)
    assert html.count(first_day) == 1 and html.count(second_day) == 1
    assert html.index(first_day) < html.index("Ochtendsessie") < html.index(second_day)
    assert html.index("Ochtendsessie") < html.index("19:00")


def test_it_shows_time_title_linked_to_the_offer_and_place_linked_to_its_page(
    client, infoavond, huis
):
    activity = make_activity(infoavond, location=huis)

    html = client.get(URL).text

    assert f'<a href="/aanbod/{infoavond.slug}/">Infoavond slapen</a>' in html
    assert '<a href="/plekken/huis-van-het-kind-kessel-lo/">Huis van het Kind Kessel-Lo</a>' in html
    assert "Stationsstraat 1, 3010 Kessel-Lo" in html
    start = timezone.localtime(activity.starts_at).replace(microsecond=0).isoformat()
    assert f'<time datetime="{start}">10:00</time>' in html


def test_an_activity_without_a_place_is_online(client, infoavond):
    make_activity(infoavond)
    assert "Online" in client.get(URL).text


def test_it_shows_the_cost_and_registration_hint(client, infoavond):
    make_activity(infoavond, registration_url="https://example.org/inschrijven")

    html = client.get(URL).text

    assert "Betalend: 5 euro" in html
    assert "Inschrijven nodig" in html
    assert 'href="https://example.org/inschrijven"' in html
    # The link says which activity it registers for, also out of context.
    assert "voor Infoavond slapen op" in html


def test_a_cancelled_activity_stays_visible_struck_through_and_labelled(client, infoavond):
    make_activity(infoavond, is_cancelled=True)

    html = client.get(URL).text

    assert "Afgelast" in html
    assert re.search(r"<s><a href=\"/aanbod/infoavond-slapen/\">Infoavond slapen</a></s>", html)


def test_it_hides_activities_of_draft_and_archived_offers(client, partner):
    for status in (Offer.Status.DRAFT, Offer.Status.ARCHIVED):
        make_activity(factories.make_offer(partner, f"Verborgen {status}", status=status))

    html = client.get(URL).text

    assert "Verborgen" not in html
    assert "Er zijn geen activiteiten gevonden" in html


def test_it_hides_ended_activities_and_keeps_ongoing_ones(client, partner):
    ended = factories.make_offer(partner, "Gisteren gedaan")
    factories.make_activity(ended, starts_in=timedelta(days=-1))
    ongoing = factories.make_offer(partner, "Nog bezig")
    factories.make_activity(ongoing, starts_in=timedelta(hours=-1))

    html = client.get(URL).text

    assert "Gisteren gedaan" not in html
    assert "Nog bezig" in html


def test_it_filters_on_pillar(client, partner, infoavond):
    make_activity(infoavond)
    consult = factories.make_offer(partner, "Consultatiebureau", pillars=("consultatie",))
    make_activity(consult)

    html = client.get(URL, {"pijler": "consultatie"}).text

    assert "Consultatiebureau" in html
    assert "Infoavond slapen" not in html


@pytest.mark.parametrize(
    ("band", "shown", "hidden"),
    [("0-3", "Babyturnen", "Tienercafe"), ("12-18", "Tienercafe", "Babyturnen")],
)
def test_it_filters_on_age_band_through_the_offer(client, partner, band, shown, hidden):
    make_activity(factories.make_offer(partner, "Babyturnen", age_min_months=0, age_max_months=12))
    make_activity(
        factories.make_offer(partner, "Tienercafe", age_min_months=150, age_max_months=200)
    )

    html = client.get(URL, {"voor": band}).text

    assert shown in html
    assert hidden not in html


def test_it_filters_on_expecting_parents(client, partner):
    make_activity(
        factories.make_offer(partner, "Zwangerschapsyoga", for_expecting=True, age_max_months=0)
    )
    make_activity(factories.make_offer(partner, "Huiswerkklas", age_min_months=72))

    html = client.get(URL, {"voor": "zwanger"}).text

    assert "Zwangerschapsyoga" in html
    assert "Huiswerkklas" not in html


def test_it_filters_on_place_and_on_deelgemeente(client, partner, huis):
    centrum = factories.make_location("Stadhuis", postcode="3000")
    make_activity(factories.make_offer(partner, "In Kessel-Lo"), location=huis)
    make_activity(factories.make_offer(partner, "In het centrum"), location=centrum)

    by_place = client.get(URL, {"plek": huis.slug}).text
    by_deelgemeente = client.get(URL, {"gemeente": "3000"}).text

    assert "In Kessel-Lo" in by_place and "In het centrum" not in by_place
    assert "In het centrum" in by_deelgemeente and "In Kessel-Lo" not in by_deelgemeente


@pytest.mark.parametrize(
    "query",
    [
        {"pijler": "bestaat-niet"},
        {"voor": "99-100"},
        {"plek": "nergens"},
        {"gemeente": "9999"},
        {"vanaf": "gisteren"},
    ],
)
def test_an_invalid_filter_is_ignored_with_a_message(client, infoavond, query):
    make_activity(infoavond)

    response = client.get(URL, query)

    assert response.status_code == 200
    assert "Infoavond slapen" in response.text
    assert "Deze keuze wordt genegeerd." in response.text
    assert 'aria-invalid="true"' in response.text


def test_it_shows_eight_weeks_and_links_to_later_activities(client, partner):
    make_activity(factories.make_offer(partner, "Deze maand"), days=10)
    make_activity(factories.make_offer(partner, "Over drie maanden"), days=90)

    html = client.get(URL).text

    assert "Deze maand" in html
    assert "Over drie maanden" not in html
    later = (timezone.localdate() + timedelta(weeks=8)).isoformat()
    assert f'href="/agenda/?vanaf={later}"' in html

    later_html = client.get(URL, {"vanaf": later}).text
    assert "Over drie maanden" in later_html
    assert "Deze maand" not in later_html
    assert 'href="/agenda/">Eerdere activiteiten' in later_html


def test_a_busy_window_stops_at_a_whole_day_and_continues_from_there(client, partner, monkeypatch):
    monkeypatch.setattr("aanbod.views.agenda.AGENDA_MAX_ACTIVITIES", 3)
    for days, title in ((1, "Maandag een"), (1, "Maandag twee"), (2, "Dinsdag een")):
        make_activity(factories.make_offer(partner, title), days=days)
    make_activity(factories.make_offer(partner, "Dinsdag twee"), days=2, hour=14)

    html = client.get(URL).text

    assert "Maandag een" in html and "Maandag twee" in html
    assert "Dinsdag" not in html
    cut = (timezone.localdate() + timedelta(days=2)).isoformat()
    assert f'href="/agenda/?vanaf={cut}"' in html
    later_html = client.get(URL, {"vanaf": cut}).text
    assert "Dinsdag een" in later_html and "Dinsdag twee" in later_html


def test_a_day_with_more_activities_than_fit_shows_the_first_and_moves_on(
    client, partner, monkeypatch
):
    monkeypatch.setattr("aanbod.views.agenda.AGENDA_MAX_ACTIVITIES", 2)
    for hour, title in ((9, "Vroeg"), (11, "Middag"), (15, "Laat")):
        make_activity(factories.make_offer(partner, title), days=1, hour=hour)

    html = client.get(URL).text

    assert "Vroeg" in html and "Middag" in html and "Laat" not in html
    next_day = (timezone.localdate() + timedelta(days=2)).isoformat()
    assert f'href="/agenda/?vanaf={next_day}"' in html


def test_the_later_link_keeps_the_filters(client, infoavond):
    make_activity(infoavond, days=70)

    html = client.get(URL, {"pijler": "groepsaanbod"}).text

    later = (timezone.localdate() + timedelta(weeks=8)).isoformat()
    assert f'href="/agenda/?pijler=groepsaanbod&amp;vanaf={later}"' in html


def test_there_is_no_later_link_when_nothing_comes_later(client, infoavond):
    make_activity(infoavond, days=3)
    assert "Latere activiteiten" not in client.get(URL).text


def test_a_date_too_far_ahead_gets_a_message(client, infoavond):
    make_activity(infoavond)
    far = (timezone.localdate() + timedelta(days=5 * 365)).isoformat()

    response = client.get(URL, {"vanaf": far})

    assert response.status_code == 200
    assert "Kies een datum in de komende drie jaar." in response.text
    assert "Infoavond slapen" in response.text


def test_the_calendar_link_carries_the_filters_but_not_the_week(client, infoavond):
    make_activity(infoavond)

    html = client.get(URL, {"pijler": "groepsaanbod", "voor": "0-3", "vanaf": "2030-01-01"}).text

    assert 'href="/agenda/agenda.ics?pijler=groepsaanbod&amp;voor=0-3">Zet in je agenda</a>' in html


def test_links_leave_out_a_rejected_filter(client, infoavond):
    make_activity(infoavond, days=70)

    html = client.get(URL, {"pijler": "bestaat-niet", "voor": "0-3"}).text

    later = (timezone.localdate() + timedelta(weeks=8)).isoformat()
    assert 'href="/agenda/agenda.ics?voor=0-3">' in html
    assert f'href="/agenda/?voor=0-3&amp;vanaf={later}"' in html


def test_headings_go_in_order_and_every_day_has_a_time_element(client, infoavond, huis):
    make_activity(infoavond, days=1, location=huis)
    make_activity(infoavond, days=4)

    html = client.get(URL).text

    levels = heading_levels(html)
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    day = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert f'<time datetime="{day}">' in html


def test_the_number_of_queries_does_not_grow_with_the_number_of_activities(
    client, django_assert_max_num_queries, partner, huis
):
    query = {"pijler": "onthaal-en-informatie", "voor": "0-3", "plek": huis.slug}
    for number in range(30):
        offer = factories.make_offer(partner, f"Activiteit {number}")
        make_activity(offer, days=1 + number, location=huis, is_cancelled=number % 7 == 0)

    with django_assert_max_num_queries(AGENDA_MAX_QUERIES):
        response = client.get(URL, query)

    assert response.text.count('class="agenda-item') == 30


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    pairs=st.lists(
        st.tuples(
            st.sampled_from(["pijler", "voor", "plek", "gemeente", "vanaf"]) | st.text(max_size=8),
            st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
            | st.dates().map(str)
            | st.sampled_from(["0-3", "zwanger", "3010", "consultatie"]),
        ),
        max_size=6,
    ),
    raw=st.binary(max_size=40),
)
def test_any_query_string_gives_a_page(client, agenda_with_an_activity, pairs, raw):
    for query in (urlencode(pairs), quote_from_bytes(raw, safe="=&")):
        # A NUL character is refused before any page sees it (tests/test_bad_requests.py).
        nul = any("\x00" in key + "".join(values) for key, values in QueryDict(query).lists())
        assert client.get(f"{URL}?{query}").status_code == (400 if nul else 200)
