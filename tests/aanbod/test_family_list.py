""" "Mijn lijstje": a list of offers for a family, kept in the session, without an account."""

import pytest
from django.urls import reverse

from aanbod.family_list import MAX_NOTE_LENGTH, MAX_OFFERS, SESSION_KEY
from aanbod.models import Offer
from aanbod.services import unique_slug
from tests import factories

pytestmark = pytest.mark.django_db

LIST = reverse("aanbod:family_list")
ADD = reverse("aanbod:family_list_add")
CLEAR = reverse("aanbod:family_list_clear")
CATALOGUE = reverse("aanbod:offer_list")


@pytest.fixture
def offers(partner):
    return [
        factories.make_offer(partner, "Babbelbox"),
        factories.make_offer(partner, "Peuterspeelpunt"),
        factories.make_offer(partner, "Opvoedingswinkel"),
    ]


def add(client, offer, next_page=CATALOGUE):
    return client.post(ADD, {"offer": offer.pk, "next": next_page})


def session_list(client):
    return client.session.get(SESSION_KEY, [])


def test_it_adds_an_offer_and_goes_back_to_it_on_the_page_it_came_from(client, offers):
    response = add(client, offers[0], next_page=f"{CATALOGUE}?q=babbel")

    assert response.status_code == 302
    assert response["Location"] == f"{CATALOGUE}?q=babbel#family-list-offer-{offers[0].pk}"
    assert session_list(client) == [[offers[0].pk, ""]]


def test_adding_an_offer_twice_keeps_it_once(client, offers):
    add(client, offers[0])
    add(client, offers[0])

    assert session_list(client) == [[offers[0].pk, ""]]


def test_the_catalogue_card_shows_the_button_then_that_the_offer_is_on_the_list(client, offers):
    html = client.get(CATALOGUE).text
    assert html.count(f'action="{ADD}"') == 3
    assert "Op mijn lijstje" in html
    assert "Mijn lijstje (" not in html

    add(client, offers[1])
    html = client.get(CATALOGUE).text

    assert html.count(f'action="{ADD}"') == 2
    assert f'id="family-list-offer-{offers[1].pk}"' in html
    assert "Op je lijstje" in html
    assert f'href="{LIST}" id="nav-family-list"' in html
    assert '<span class="family-list-link-words">Mijn lijstje (1)</span>' in html


def test_the_offer_page_has_the_button_and_the_header_counts_the_list(client, offers):
    page = offers[2].get_absolute_url()
    assert f'name="offer" value="{offers[2].pk}"' in client.get(page).text

    add(client, offers[2], next_page=page)
    add(client, offers[0], next_page=page)
    html = client.get(page).text

    assert f'name="offer" value="{offers[2].pk}"' not in html
    assert "Op je lijstje" in html
    assert "Mijn lijstje (2)" in html


def test_a_visitor_without_a_session_gets_no_session_from_browsing(client, offers):
    response = client.get(CATALOGUE)

    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("value", ["", "abc", "-1", "99999999", "1e3", "١"])
def test_an_unknown_offer_is_refused_with_a_message(client, offers, value):
    response = client.post(ADD, {"offer": value, "next": CATALOGUE}, follow=True)

    assert response.status_code == 200
    assert "Dit aanbod is niet (meer) te vinden." in response.text
    assert session_list(client) == []


def test_a_draft_offer_cannot_be_added(client, partner):
    draft = factories.make_offer(partner, "Nog niet klaar", status=Offer.Status.DRAFT)

    add(client, draft)

    assert session_list(client) == []


def test_a_foreign_next_address_is_not_followed(client, offers):
    response = client.post(ADD, {"offer": offers[0].pk, "next": "https://evil.example/"})

    assert response["Location"] == f"{LIST}#family-list-offer-{offers[0].pk}"


def test_adding_needs_a_post(client, offers):
    assert client.get(ADD, {"offer": offers[0].pk}).status_code == 405


def test_the_list_is_full_at_its_maximum(client, partner):
    many = [factories.make_offer(partner, f"Aanbod {number}") for number in range(MAX_OFFERS + 1)]
    for offer in many[:MAX_OFFERS]:
        add(client, offer)

    response = client.post(ADD, {"offer": many[-1].pk, "next": CATALOGUE}, follow=True)

    assert len(session_list(client)) == MAX_OFFERS
    assert many[-1].pk not in [pk for pk, _note in session_list(client)]
    assert f"Je lijstje is vol ({MAX_OFFERS} aanbiedingen)" in response.text


def test_the_list_page_shows_each_offer_with_where_when_cost_and_contact(client, partner):
    offer = factories.make_offer(
        partner,
        "Babbelbox",
        cost=Offer.Cost.PAID,
        cost_details="2 euro",
        contact_phone="016 12 34 56",
        contact_email="babbelbox@example.org",
    )
    place = factories.make_location("Huis van het Kind Leuven", street="Brusselsestraat 1")
    factories.make_offer_location(offer, place, schedule="Elke woensdag van 14 tot 16 uur")
    add(client, offer)

    html = client.get(LIST).text

    assert "Babbelbox" in html
    assert offer.summary in html
    assert "Huis van het Kind Leuven, Brusselsestraat 1, 3000 Leuven" in html
    assert "Elke woensdag van 14 tot 16 uur" in html
    assert "Betalend (2 euro)" in html
    assert "016 12 34 56" in html and "babbelbox@example.org" in html
    assert f'name="note-{offer.pk}"' in html


def test_an_empty_list_says_how_to_fill_it(client, db):
    html = client.get(LIST).text

    assert "Je lijstje is leeg." in html
    assert 'name="move_up"' not in html


def test_moving_an_offer_up_and_down_changes_the_order_and_keeps_the_notes(client, offers):
    for offer in offers:
        add(client, offer)
    first, second, third = (offer.pk for offer in offers)
    notes = {f"note-{first}": "Eerst bellen", f"note-{second}": "", f"note-{third}": "Gratis"}

    response = client.post(LIST, {**notes, "move_up": third})

    assert response.status_code == 302
    assert response["Location"] == f"{LIST}#family-list-item-{third}"
    assert session_list(client) == [[first, "Eerst bellen"], [third, "Gratis"], [second, ""]]

    client.post(LIST, {**notes, "move_down": first})
    assert session_list(client) == [[third, "Gratis"], [first, "Eerst bellen"], [second, ""]]

    # No further than either end.
    client.post(LIST, {**notes, "move_up": third})
    assert [pk for pk, _note in session_list(client)] == [third, first, second]


def test_the_first_offer_has_no_move_up_and_the_last_no_move_down_button(client, offers):
    for offer in offers:
        add(client, offer)

    html = client.get(LIST).text

    assert f'name="move_up" value="{offers[0].pk}"' not in html
    assert f'name="move_up" value="{offers[1].pk}"' in html
    assert f'name="move_down" value="{offers[2].pk}"' not in html


def test_removing_an_offer_keeps_the_notes_of_the_others(client, offers):
    for offer in offers:
        add(client, offer)
    first, second, third = (offer.pk for offer in offers)

    response = client.post(
        LIST,
        {f"note-{first}": "Bel eerst", f"note-{third}": "Op woensdag", "remove": second},
        follow=True,
    )

    assert session_list(client) == [[first, "Bel eerst"], [third, "Op woensdag"]]
    assert "“Peuterspeelpunt” is van je lijstje gehaald." in response.text


def test_saving_the_notes_trims_them_and_says_so(client, offers):
    add(client, offers[0])

    response = client.post(
        LIST, {f"note-{offers[0].pk}": "  Vraag naar Sofie  ", "save": "1"}, follow=True
    )

    assert session_list(client) == [[offers[0].pk, "Vraag naar Sofie"]]
    assert "Je notities zijn bewaard." in response.text
    assert ">Vraag naar Sofie</textarea>" in response.text


def test_a_note_that_is_too_long_is_refused_and_nothing_is_lost(client, offers):
    add(client, offers[0])
    add(client, offers[1])
    first, second = offers[0].pk, offers[1].pk
    client.post(LIST, {f"note-{first}": "oud", f"note-{second}": "", "save": "1"})
    too_long = "x" * (MAX_NOTE_LENGTH + 1)

    response = client.post(
        LIST, {f"note-{first}": "nieuw", f"note-{second}": too_long, "move_up": second}
    )

    assert response.status_code == 200
    limit = MAX_NOTE_LENGTH
    message = f"Houd de notitie op {limit} tekens of minder (nu zijn het {limit + 1})."
    assert message in response.text
    assert "Nog niets gewijzigd" in response.text
    # What was typed is still in the form; the saved list did not change.
    assert f">{too_long}</textarea>" in response.text
    assert ">nieuw</textarea>" in response.text
    assert f'id="id_note-{second}"' in response.text and 'aria-invalid="true"' in response.text
    assert session_list(client) == [[first, "oud"], [second, ""]]


@pytest.mark.parametrize("value", ["", "x", "-5", "99999999"])
def test_an_odd_button_value_only_saves_the_notes(client, offers, value):
    add(client, offers[0])
    add(client, offers[1])

    response = client.post(LIST, {f"note-{offers[0].pk}": "a", "move_up": value, "remove": value})

    assert response.status_code == 302
    assert session_list(client) == [[offers[0].pk, "a"], [offers[1].pk, ""]]


def test_clearing_the_list_empties_it(client, offers):
    add(client, offers[0])

    response = client.post(CLEAR, follow=True)

    assert session_list(client) == []
    assert "Je lijstje is weer leeg." in response.text
    assert "Mijn lijstje (" not in response.text


def test_an_offer_taken_offline_drops_out_with_a_notice(client, offers):
    add(client, offers[0])
    add(client, offers[1])
    Offer.objects.filter(pk=offers[0].pk).update(status=Offer.Status.ARCHIVED)

    html = client.get(LIST).text

    assert "Eén aanbod op je lijstje is niet meer beschikbaar" in html
    assert "Babbelbox" not in html
    assert session_list(client) == [[offers[1].pk, ""]]
    # Said once: it is off the list now.
    assert "niet meer beschikbaar" not in client.get(LIST).text


def test_a_damaged_list_in_the_session_counts_as_empty(client, offers):
    session = client.session
    session[SESSION_KEY] = [["x", 3], [offers[0].pk]]
    session.save()

    response = client.get(LIST)

    assert response.status_code == 200
    assert "Je lijstje is leeg." in response.text


@pytest.mark.parametrize("size", [1, 8])
def test_the_list_page_takes_the_same_queries_for_any_length(
    client, partner, django_assert_num_queries, size
):
    place = factories.make_location("Huis van het Kind Kessel-Lo")
    for number in range(size):
        offer = factories.make_offer(partner, f"Aanbod {number}")
        factories.make_offer_location(offer, place, schedule="Elke dinsdag")
        add(client, offer)

    # The session, the offers, their places, the places' slots.
    with django_assert_num_queries(4):
        response = client.get(LIST)

    assert response.text.count('class="family-list-item"') == size


@pytest.mark.parametrize("size", [1, 8])
def test_the_catalogue_takes_no_more_queries_with_a_list(
    client, partner, django_assert_max_num_queries, size
):
    offers = [factories.make_offer(partner, f"Aanbod {number}") for number in range(10)]
    for offer in offers[:size]:
        add(client, offer)

    # The catalogue's own five, and the session.
    with django_assert_max_num_queries(6):
        client.get(CATALOGUE)


def test_the_list_page_is_in_french_under_fr(client, offers):
    add(client, offers[0])

    html = client.get("/fr" + LIST).text

    assert "Ma liste" in html
    assert "Enregistrer les notes" in html


def test_no_offer_can_take_the_address_of_the_list(partner):
    assert unique_slug(Offer, "Lijstje", fallback="aanbod") == "lijstje-2"
