"""Whatever ends up in the query string, the catalogue answers with a page, never an error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aanbod.models import Language, Theme
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("aanbod:offer_list")
PARAMETERS = [
    "q",
    "pijler",
    "thema",
    "voor",
    "leeftijd",
    "gemeente",
    "plek",
    "kosten",
    "zonder_inschrijving",
    "taal",
    "vorm",
    "dag",
    "sorteer",
    "page",
    "afdrukken",
]


@pytest.fixture
def offers(partner):
    Language.objects.create(code="nl", name="Nederlands")
    theme = Theme.objects.create(name="Slapen", slug="slapen")
    place = factories.make_location("Huis Leuven", postcode="3000")
    for number in range(3):
        offer = factories.make_offer(partner, f"Aanbod {number}", age_max_months=36)
        offer.themes.add(theme)
        factories.make_offer_location(offer, place)
        factories.make_activity(offer)


@pytest.mark.parametrize(
    "params",
    [
        {"pijler": "bestaat-niet"},
        {"leeftijd": "abc"},
        {"leeftijd": "999"},
        {"leeftijd": "9" * 5000},
        {"leeftijd": "NaN"},
        {"leeftijd": "1e400"},
        {"page": "-1"},
        {"page": "1e3"},
        {"q": "x" * 5000},
        {"q": "\u202ekinderopvang\u200b"},
        {"q": "' OR 1=1 --"},
        {"q": '"" -- or -'},
        {"q": "!!!"},
        {"q": "👶🏽 borstvoeding"},
        {"dag": "٣"},
        {"voor": ["0-3"] * 50},
        {"zonder_inschrijving": "nee"},
    ],
)
def test_bad_input_gives_a_page(client, offers, params):
    assert client.get(URL, params).status_code == 200


def test_a_too_long_search_says_so(client, offers):
    response = client.get(URL, {"q": "x" * 5000})

    assert "Daarom is er niet gezocht." in response.text
    assert len(response.context["offers"]) == 3


@pytest.mark.parametrize(
    "params",
    [
        {"q": "kind\x00opvang"},
        {"plek": "\x00"},
        {"taal": "\x00"},
        {"thema": ["slapen", "\x00", "slapen"]},
    ],
)
def test_a_nul_character_is_a_bad_request(client, offers, params):
    # Refused before any page sees it (tests/test_bad_requests.py).
    assert client.get(URL, params).status_code == 400


any_text = st.one_of(
    st.text(max_size=50),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["", "0", "1", "24", "25", "-1", "zwanger", "0-3", "gratis", "nl", "on"]),
    # Huge values, without generating thousands of random characters one by one.
    st.builds(
        lambda text, times: text * times, st.text(min_size=1, max_size=5), st.integers(1000, 3000)
    ),
)
query_strings = st.dictionaries(
    st.sampled_from(PARAMETERS), st.lists(any_text, min_size=1, max_size=3), max_size=6
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=query_strings)
def test_any_query_string_gives_a_page(client, offers, params):
    nul = any("\x00" in "".join(values) for values in params.values())
    assert client.get(URL, params).status_code == (400 if nul else 200)
