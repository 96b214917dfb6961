"""The catalogue counts its results no further than a limit: "more than 1000 results", and pages
through the first 1000."""

import pytest
from django.urls import reverse

from aanbod.models import SearchLog
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("aanbod:offer_list")


@pytest.fixture
def twelve_offers(partner, monkeypatch):
    """Twelve offers, a limit of five and two offers a page: pages 1 to 3 can be seen."""
    monkeypatch.setattr("aanbod.views.catalogue.COUNT_LIMIT", 5)
    monkeypatch.setattr("aanbod.views.catalogue.OFFERS_PER_PAGE", 2)
    return [factories.make_offer(partner, f"Spelnamiddag {n:02d}") for n in range(12)]


def titles(response):
    assert response.status_code == 200
    return [offer.title for offer in response.context["offers"]]


def test_it_says_there_are_more_than_the_limit(client, twelve_offers):
    response = client.get(URL)

    assert "Meer dan 5 resultaten" in response.text
    assert "Alleen de eerste 5 resultaten kunnen getoond worden." in response.text


def test_a_search_says_it_found_more_than_the_limit(client, twelve_offers):
    response = client.get(URL, {"q": "spelnamiddag"})

    assert "Meer dan 5 resultaten voor ‘spelnamiddag’" in response.text


def test_below_the_limit_it_gives_the_exact_number(client, partner, monkeypatch):
    monkeypatch.setattr("aanbod.views.catalogue.COUNT_LIMIT", 5)
    for n in range(5):
        factories.make_offer(partner, f"Spelnamiddag {n}")

    response = client.get(URL)

    assert "5 resultaten" in response.text
    assert "Meer dan" not in response.text
    assert "Alleen de eerste" not in response.text


def test_it_pages_through_the_first_results_only(client, twelve_offers):
    last = client.get(URL, {"page": "3"})

    assert titles(last) == ["Spelnamiddag 04"]
    assert last.context["page_obj"].has_next() is False
    assert "Pagina 3 van 3" in last.text


def test_a_page_beyond_the_limit_shows_the_last_page_that_can_be_seen(client, twelve_offers):
    response = client.get(URL, {"page": "6"})

    assert response.context["page_obj"].number == 3
    assert titles(response) == ["Spelnamiddag 04"]


def test_a_search_with_more_results_than_the_limit_is_recorded_as_one_more(client, twelve_offers):
    client.get(URL, {"q": "spelnamiddag"})

    assert list(SearchLog.objects.values_list("query", "result_count")) == [("spelnamiddag", 6)]


def test_the_typo_fallback_says_there_are_more_similar_results(client, twelve_offers, monkeypatch):
    monkeypatch.setattr("aanbod.search.search_offers", lambda offers, text: (offers, True))

    response = client.get(URL, {"q": "spelnamidag"})

    assert "Meer dan 5 gelijkaardige resultaten" in response.text
