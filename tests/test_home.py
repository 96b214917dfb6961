"""The home page: the pillars, the Huizen van het Kind, what is coming up, in Dutch by default."""

from datetime import timedelta

import pytest
from django.urls import reverse

from aanbod.models import Location, Offer, Pillar
from tests import factories

pytestmark = pytest.mark.django_db

HOME_MAX_QUERIES = 6


@pytest.fixture
def huis(db):
    return factories.make_location(
        "Huis van het Kind Kessel-Lo",
        kind=Location.Kind.HUIS_VAN_HET_KIND,
        postcode="3010",
        street="Stationsstraat 1",
        opening_hours="maandag tot vrijdag 9–12 uur\nwoensdag ook 13–17 uur",
    )


def test_it_is_dutch_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="nl" dir="ltr">' in response.text
    assert "Hulp en ondersteuning voor je gezin in Leuven" in response.text
    assert "Naar de inhoud" in response.text


def test_it_is_english_under_en(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.text
    assert "Support for your family in Leuven" in response.text
    assert "Hulp en ondersteuning" not in response.text


def test_it_shows_the_five_pillars_and_extra_offer_from_the_database(client):
    response = client.get("/")
    pillars = list(Pillar.objects.order_by("order"))
    assert len(pillars) == 6
    # In the words parents use (the declaration's names are on "Over ons").
    positions = [response.text.index(pillar.plain_name) for pillar in pillars]
    assert positions == sorted(positions), "pillars appear in their fixed order"
    for pillar in pillars:
        assert f'href="/aanbod/?pijler={pillar.slug}"' in response.text


def test_a_renamed_pillar_shows_its_new_name(client):
    Pillar.objects.filter(slug="opvoedadvies").update(plain_name="Opvoedingswinkel en opvoedadvies")
    assert "Opvoedingswinkel en opvoedadvies" in client.get("/").text


def test_it_shows_the_huizen_van_het_kind_with_address_and_opening_hours(client, huis):
    factories.make_location("Sporthal", kind=Location.Kind.PARTNER_SITE)
    response = client.get("/")
    assert "Huis van het Kind Kessel-Lo" in response.text
    assert "Stationsstraat 1, 3010 Kessel-Lo" in response.text
    assert "Openingsuren" in response.text
    assert "maandag tot vrijdag 9–12 uur\nwoensdag ook 13–17 uur" in response.text
    assert f'href="{huis.get_absolute_url()}"' in response.text
    assert "Sporthal" not in response.text


def test_it_says_so_when_no_house_is_listed(client):
    assert "No places are listed yet." not in client.get("/").text
    assert client.get("/en/").text.count("No places are listed yet.") == 1


def test_it_lists_coming_activities_but_not_cancelled_past_or_draft_ones(client, partner):
    offer = factories.make_offer(partner, title="Babymassage")
    draft = factories.make_offer(partner, title="Nog geheim", status=Offer.Status.DRAFT)
    factories.make_activity(offer, title="Babymassage voor beginners")
    factories.make_activity(offer, title="Afgelast", is_cancelled=True)
    factories.make_activity(offer, title="Voorbij", starts_in=timedelta(days=-3))
    factories.make_activity(draft, title="Geheime sessie")
    response = client.get("/")
    assert "Babymassage voor beginners" in response.text
    for hidden in ("Afgelast", "Voorbij", "Geheime sessie"):
        assert hidden not in response.text


def test_it_shows_at_most_five_coming_activities(client, partner):
    offer = factories.make_offer(partner)
    for day in range(1, 8):
        factories.make_activity(offer, title=f"Sessie-dag-{day}", starts_in=timedelta(days=day))
    text = client.get("/").text
    assert [f"Sessie-dag-{day}" in text for day in range(1, 8)] == [True] * 5 + [False] * 2


def test_it_says_so_when_nothing_is_planned(client):
    assert "Er zijn op dit moment geen activiteiten gepland." in client.get("/").text


def test_the_search_form_sends_q_to_the_catalogue(client):
    text = client.get("/").text
    assert f'action="{reverse("aanbod:offer_list")}" method="get"' in text
    assert 'name="q"' in text
    assert '<label for="home-q"' in text


def test_the_language_switcher_posts_to_set_language(client):
    text = client.get("/").text
    assert f'action="{reverse("set_language")}" method="post"' in text
    assert 'name="csrfmiddlewaretoken"' in text
    english = 'name="language" value="en" lang="en" dir="ltr">English</button>'
    assert english in text
    dutch = 'value="nl" lang="nl" dir="ltr" aria-current="true">Nederlands</button>'
    assert dutch in text


def test_choosing_english_in_the_switcher_opens_the_english_page(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert client.get("/en/").text.count('<html lang="en" dir="ltr">') == 1


def test_its_query_count_does_not_grow_with_the_rows_it_shows(
    client, partner, django_assert_max_num_queries
):
    def add_rows(count):
        for _ in range(count):
            factories.make_location(kind=Location.Kind.HUIS_VAN_HET_KIND, opening_hours="9–12")
            location = factories.make_location()
            factories.make_activity(factories.make_offer(partner), location=location)

    add_rows(1)
    with django_assert_max_num_queries(HOME_MAX_QUERIES) as few:
        client.get("/")
    add_rows(6)
    with django_assert_max_num_queries(HOME_MAX_QUERIES) as many:
        client.get("/")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_choosing_dutch_on_a_shared_english_link_opens_the_dutch_page(client):
    """The visitor has no language cookie yet: only the /en/ prefix says the page is English."""
    client.get("/en/")
    response = client.post(reverse("set_language"), {"language": "nl", "next": "/en/"})
    assert response["Location"] == "/"


def test_choosing_english_on_a_dutch_page_with_an_english_cookie_opens_the_english_page(client):
    client.cookies["django_language"] = "en"
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response["Location"] == "/en/"
