""" "Mijn lijstje" given to a family: the sheet to print, the signed shared link and its QR code,
and the e-mail (rate-limited, through the outbox)."""

import re
from html import unescape

import pytest
import segno
from django.core import mail, signing
from django.core.cache import cache
from django.urls import reverse
from django.utils.crypto import get_random_string

from aanbod.family_list import (
    LINK_MAX_LENGTH,
    MAX_NOTE_LENGTH,
    MAX_OFFERS,
    SESSION_KEY,
    SIGNING_SALT,
    FamilyList,
)
from aanbod.models import Offer, ScheduleSlot, Weekday
from aanbod.views.family_list import (
    MAILS_PER_ADDRESS,
    MAILS_PER_CLIENT,
    QR_MAX_WIDTH,
    shared_qr,
    shared_url,
)
from common.models import OutgoingEmail
from tests import factories

pytestmark = pytest.mark.django_db

LIST = reverse("aanbod:family_list")
ADD = reverse("aanbod:family_list_add")
PRINT = reverse("aanbod:family_list_print")
EMAIL = reverse("aanbod:family_list_email")
COPY = reverse("aanbod:family_list_copy")


@pytest.fixture(autouse=True)
def empty_cache():
    # The rate limits live in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def offers(partner):
    babbelbox = factories.make_offer(partner, "Babbelbox", contact_phone="016 12 34 56")
    place = factories.make_location("Huis van het Kind Kessel-Lo", street="Stationsstraat 22")
    where = factories.make_offer_location(babbelbox, place, schedule="Niet in de schoolvakanties")
    ScheduleSlot.objects.create(
        offer_location=where, weekday=Weekday.WEDNESDAY, start_time="14:00", end_time="16:00"
    )
    return [babbelbox, factories.make_offer(partner, "Peuterspeelpunt")]


def fill(client, offers, notes=()):
    for offer in offers:
        client.post(ADD, {"offer": offer.pk})
    data = {f"note-{offer.pk}": note for offer, note in zip(offers, notes, strict=False)}
    if data:
        client.post(LIST, {**data, "save": "1"})


def shared_link(html):
    match = re.search(
        r'id="family-list-url" class="form-control mb-2" type="url" value="([^"]+)"', html
    )
    assert match, "the list page shows no shared link"
    return unescape(match.group(1))


def test_the_shared_link_holds_only_the_offer_ids_and_notes_in_order(client, editor, offers):
    # A referrer logged in: their name and address stay out of the link.
    client.force_login(editor)
    fill(client, offers[::-1], notes=("", "Bel eerst naar Kim van Kind en Gezin"))

    url = shared_link(client.get(LIST).text)
    token = url.rstrip("/").rsplit("/", 1)[1]

    assert url.startswith("http://testserver/aanbod/lijstje/gedeeld/")
    assert signing.Signer(salt=SIGNING_SALT).unsign_object(token) == [
        [offers[1].pk, ""],
        [offers[0].pk, "Bel eerst naar Kim van Kind en Gezin"],
    ]
    assert client.session.session_key not in url


def test_one_list_always_makes_the_same_link_and_another_list_another(offers):
    entries = [(offers[0].pk, "Op woensdag"), (offers[1].pk, "")]

    assert token_of(entries) == token_of(entries)
    assert token_of(entries) != token_of(entries[::-1])
    assert token_of(entries) != token_of([(offers[0].pk, "Op dinsdag"), (offers[1].pk, "")])


def test_the_shared_link_opens_the_list_read_only_in_a_new_browser(client, offers):
    fill(client, offers, notes=("Op woensdag", ""))
    url = shared_link(client.get(LIST).text)

    response = client.__class__().get(url)

    assert response.status_code == 200
    html = response.text
    assert html.index("Babbelbox") < html.index("Peuterspeelpunt")
    assert "Op woensdag" in html
    assert "Stationsstraat 22, 3000 Leuven" in html
    assert "woensdag 14:00–16:00" in html
    assert 'name="note-' not in html and 'name="remove"' not in html
    assert f'action="{COPY}"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_copying_a_shared_list_adds_its_offers_and_notes_to_ones_own(client, partner, offers):
    fill(client, offers, notes=("Op woensdag", "Met de buggy"))
    url = shared_link(client.get(LIST).text)
    token = url.rstrip("/").rsplit("/", 1)[1]
    family = client.__class__()
    own = factories.make_offer(partner, "Opvoedingswinkel")
    family.post(ADD, {"offer": own.pk})
    family.post(ADD, {"offer": offers[1].pk})

    response = family.post(COPY, {"token": token}, follow=True)

    assert family.session[SESSION_KEY] == [
        [own.pk, ""],
        [offers[1].pk, ""],
        [offers[0].pk, "Op woensdag"],
    ]
    assert "1 aanbod is aan je lijstje toegevoegd." in response.text


def test_copying_into_a_full_list_says_how_many_fitted(client, partner, offers):
    fill(client, offers)
    token = shared_link(client.get(LIST).text).rstrip("/").rsplit("/", 1)[1]
    family = client.__class__()
    for number in range(MAX_OFFERS - 1):
        family.post(ADD, {"offer": factories.make_offer(partner, f"Aanbod {number}").pk})

    response = family.post(COPY, {"token": token}, follow=True)

    assert len(family.session[SESSION_KEY]) == MAX_OFFERS
    assert "1 van de 2 aanbiedingen zijn toegevoegd" in response.text


def token_of(entries):
    return FamilyList(entries).token()


@pytest.mark.parametrize(
    "token",
    [
        "x",
        "",
        ".eJyLjjY0MIjVUVBQSUzKzEsuyS-q1CtOzs8tKEotLs7Mz1NIzs8rSc0rsQIA6oUPOA:abc",
        "a" * 5000,
        "..:..:..",
        "é:ü",
    ],
)
def test_a_malformed_link_gives_a_translated_page_not_an_error(client, db, token):
    response = client.get(f"/aanbod/lijstje/gedeeld/{token}/")

    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert "Deze link naar een lijstje werkt niet" in response.text


def test_a_tampered_link_is_refused(client, offers):
    token = token_of([(offers[0].pk, "")])
    signature = token.rsplit(":", 1)[1]
    # Another offer id, with the first one's signature.
    other = token_of([(offers[1].pk, "")])
    forged = f"{other.rsplit(':', 1)[0]}:{signature}"

    response = client.get(reverse("aanbod:family_list_shared", args=[forged]))

    assert response.status_code == 400
    assert "Deze link naar een lijstje werkt niet" in response.text
    assert "Peuterspeelpunt" not in response.text


def test_a_link_signed_for_something_else_is_refused(client, offers):
    token = signing.Signer().sign_object([[offers[0].pk, ""]], compress=True)

    response = client.get(reverse("aanbod:family_list_shared", args=[token]))

    assert response.status_code == 400


@pytest.mark.parametrize(
    "payload",
    [
        {"offers": [1]},
        [[1, "a", "b"]],
        [[1, 2]],
        [["1", ""]],
        [[1, ""], [1, ""]],
        [[0, ""]],
        [[True, ""]],
        [[1, "x" * (MAX_NOTE_LENGTH + 1)]],
        [[number, ""] for number in range(1, MAX_OFFERS + 2)],
    ],
)
def test_a_signed_link_with_anything_but_ids_and_short_notes_is_refused(client, db, payload):
    token = signing.Signer(salt=SIGNING_SALT).sign_object(payload, compress=True)

    response = client.get(reverse("aanbod:family_list_shared", args=[token]))

    assert response.status_code == 400
    assert client.post(COPY, {"token": token}).status_code == 400


def test_a_shared_offer_taken_offline_drops_out_with_a_notice(client, offers):
    token = token_of([(offers[0].pk, "a"), (offers[1].pk, "b")])
    Offer.objects.filter(pk=offers[0].pk).update(status=Offer.Status.DRAFT)

    html = client.get(reverse("aanbod:family_list_shared", args=[token])).text

    assert "Babbelbox" not in html
    assert "Peuterspeelpunt" in html
    assert "Eén aanbod van dit lijstje is niet meer beschikbaar." in html


@pytest.mark.parametrize("size", [1, 8])
def test_the_shared_list_takes_the_same_queries_for_any_length(
    client, partner, django_assert_num_queries, size
):
    place = factories.make_location("Huis van het Kind Leuven")
    entries = []
    for number in range(size):
        offer = factories.make_offer(partner, f"Aanbod {number}")
        factories.make_offer_location(offer, place)
        entries.append((offer.pk, f"Notitie {number}"))

    # The offers, their places, the places' slots.
    with django_assert_num_queries(3):
        response = client.get(reverse("aanbod:family_list_shared", args=[token_of(entries)]))

    assert response.text.count('class="family-list-item"') == size


def test_the_list_page_shows_the_qr_code_of_the_shared_link(client, offers):
    fill(client, offers)
    html = client.get(LIST).text
    url = shared_link(html)

    svg = re.search(r'<svg role="img" [^>]*class="qr-code".*?</svg>', html, re.S).group(0)
    assert "<title>QR-code van de link naar dit lijstje</title>" in svg
    modules = segno.make(url, error="m").symbol_size()[0]
    assert f'width="{modules * 4}"' in svg or f'width="{modules * 3}"' in svg


def test_the_longest_link_still_has_a_qr_code_no_wider_than_a_phone(partner, rf):
    request = rf.get("/")
    offers = [factories.make_offer(partner, f"Aanbod {number}") for number in range(8)]
    # Text that hardly compresses, so the link grows with every character.
    text = get_random_string(len(offers) * MAX_NOTE_LENGTH)
    fitting = None
    for length in range(0, MAX_NOTE_LENGTH, 5):
        notes = [text[index * MAX_NOTE_LENGTH :][:length] for index in range(len(offers))]
        longer = FamilyList([(offer.pk, note) for offer, note in zip(offers, notes, strict=True)])
        if shared_url(request, longer) is None:
            break
        fitting = longer
    url = shared_url(request, fitting)
    assert len(url) > LINK_MAX_LENGTH - 60

    svg = shared_qr(url)

    assert int(re.search(r'width="(\d+)"', svg).group(1)) <= QR_MAX_WIDTH


def test_notes_too_long_for_a_link_say_so_and_the_list_still_prints(client, partner):
    offers = [factories.make_offer(partner, f"Aanbod {number}") for number in range(10)]
    # Text that hardly compresses: every note different.
    notes = [get_random_string(MAX_NOTE_LENGTH) for _offer in offers]
    fill(client, offers, notes)

    html = client.get(LIST).text

    assert 'id="family-list-url"' not in html
    assert "De notities zijn te lang voor een link en een QR-code." in html
    sheet = client.get(PRINT)
    assert sheet.status_code == 200
    assert notes[0] in sheet.text and "qr-code" not in sheet.text
    assert len(token_of(list(zip([o.pk for o in offers], notes, strict=True)))) > LINK_MAX_LENGTH


def test_the_print_sheet_has_the_offers_notes_and_qr_code_but_no_buttons(client, offers):
    fill(client, offers, notes=("Vraag naar Sofie", ""))

    response = client.get(PRINT)

    html = response.text
    assert response.status_code == 200
    assert "<h1>Aanbod voor jou</h1>" in html
    assert "Vraag naar Sofie" in html
    assert "016 12 34 56" in html
    assert 'class="qr-code"' in html
    assert "Scan deze code om het lijstje op je gsm te zien." in html
    assert "<textarea" not in html and 'name="remove"' not in html
    assert "data-print-button hidden" in html


@pytest.mark.parametrize("size", [1, 8])
def test_the_print_sheet_takes_the_same_queries_for_any_length(
    client, partner, django_assert_num_queries, size
):
    for number in range(size):
        client.post(ADD, {"offer": factories.make_offer(partner, f"Aanbod {number}").pk})

    # The session, the offers, their places (none, so no slots).
    with django_assert_num_queries(3):
        response = client.get(PRINT)

    assert response.text.count('class="family-list-item"') == size


def send(client, address="gezin@example.org", **extra):
    return client.post(EMAIL, {"email": address, "website": "", **extra})


def test_it_mails_the_list_with_its_link_in_the_language_of_the_page(
    client, offers, django_capture_on_commit_callbacks
):
    fill(client, offers, notes=("Op woensdag", ""))
    url = shared_link(client.get(LIST).text)

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client)

    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?verzonden=1#email-title"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["gezin@example.org"]
    assert message.subject == "Aanbod voor jou, van Huis van het Kind Leuven"
    body = message.body
    assert "1. Babbelbox" in body and "2. Peuterspeelpunt" in body
    assert "Huis van het Kind Kessel-Lo, Stationsstraat 22, 3000 Leuven" in body
    assert "Wanneer: Niet in de schoolvakanties; woensdag 14:00–16:00" in body
    assert "Notitie: Op woensdag" in body
    assert url in body
    assert "&amp;" not in body and "&#x27;" not in body
    # Sent, the mail and its address are not kept; the address is in no session either.
    assert not OutgoingEmail.objects.exists()
    assert "gezin@example.org" not in str(dict(client.session))
    assert "Het lijstje is per e-mail verstuurd." in client.get(response["Location"]).text


def test_the_mail_is_in_french_from_the_french_page(
    client, offers, django_capture_on_commit_callbacks
):
    fill(client, offers)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr" + EMAIL, {"email": "famille@example.org"})

    assert mail.outbox[0].subject == "Des offres pour vous, du Huis van het Kind Leuven"
    assert "Quelqu’un a choisi pour vous ces offres" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("", "Typ het e-mailadres waarnaar we het lijstje sturen."),
        ("geen-adres", "Dit is geen e-mailadres."),
        ("a@b@c", "Dit is geen e-mailadres."),
        ("x" * 300 + "@example.org", "Dit is geen e-mailadres."),
    ],
)
def test_a_wrong_address_gets_a_message_and_is_kept_in_the_field(
    client, offers, address, message, django_capture_on_commit_callbacks
):
    fill(client, offers, notes=("Op woensdag",))

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, address)

    assert response.status_code == 200
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    if address:
        assert f'value="{address}"' in response.text
    # The notes are untouched.
    assert ">Op woensdag</textarea>" in response.text
    assert not mail.outbox


def test_an_empty_list_sends_nothing(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client)

    assert response.status_code == 302
    assert not mail.outbox


def test_a_robot_filling_the_honeypot_gets_the_same_answer_and_no_mail(
    client, offers, django_capture_on_commit_callbacks
):
    fill(client, offers)

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, website="http://spam.example")

    assert response.status_code == 302
    assert not mail.outbox


def test_one_client_sends_a_few_mails_an_hour(client, offers, django_capture_on_commit_callbacks):
    fill(client, offers)
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(MAILS_PER_CLIENT):
            assert send(client, f"gezin{number}@example.org").status_code == 302

        response = send(client, "nog-een@example.org")

    assert response.status_code == 429
    assert "Dit lijstje is kort na elkaar al enkele keren verstuurd" in response.text
    assert 'value="nog-een@example.org"' in response.text
    assert len(mail.outbox) == MAILS_PER_CLIENT


def test_one_address_gets_a_few_mails_a_day_from_any_client(
    client, offers, django_capture_on_commit_callbacks
):
    fill(client, offers)
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(MAILS_PER_ADDRESS):
            other = client.__class__(REMOTE_ADDR=f"192.0.2.{number + 1}")
            fill(other, offers)
            assert send(other, "Gezin@Example.org").status_code == 302

        response = send(client, "gezin@example.org")

    assert response.status_code == 429
    assert len(mail.outbox) == MAILS_PER_ADDRESS


def test_the_email_form_needs_a_post(client, db):
    assert client.get(EMAIL).status_code == 405
