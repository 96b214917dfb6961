"""The public "Klopt er iets niet?" form."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from aanbod.models import ErrorReport, Offer
from aanbod.views.catalogue import REPORTS_PER_WINDOW
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    # The rate limit lives in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def offer(partner):
    return factories.make_offer(partner, "Babbelbox")


def url(offer):
    return reverse("aanbod:report_error", args=[offer.slug])


def test_it_shows_a_short_form(client, offer):
    response = client.get(url(offer))

    assert response.status_code == 200
    assert "Wat klopt er niet?" in response.text
    assert 'name="message"' in response.text
    assert 'name="contact"' in response.text


def test_it_stores_one_report_and_thanks_the_visitor(client, offer):
    response = client.post(
        url(offer), {"message": "Het telefoonnummer is veranderd.", "contact": "an@example.org"}
    )

    assert response.status_code == 302
    assert response["Location"] == url(offer) + "?verzonden=1"
    report = ErrorReport.objects.get()
    assert report.offer == offer
    assert report.message == "Het telefoonnummer is veranderd."
    assert report.contact == "an@example.org"
    assert report.status == ErrorReport.Status.OPEN
    thanks = client.get(response["Location"])
    assert "Bedankt, we kijken het na" in thanks.text


def test_the_contact_is_optional(client, offer):
    client.post(url(offer), {"message": "Het adres klopt niet."})

    assert ErrorReport.objects.get().contact == ""


def test_a_filled_in_honeypot_gets_the_same_thanks_but_stores_nothing(client, offer):
    response = client.post(url(offer), {"message": "Koop nu!", "website": "http://spam.example"})

    assert response.status_code == 302
    assert response["Location"] == url(offer) + "?verzonden=1"
    assert not ErrorReport.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, offer):
    html = client.get(url(offer)).text

    assert '<div class="hp-field" aria-hidden="true">' in html
    assert 'name="website"' in html
    assert 'tabindex="-1"' in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": ""}, "Dit veld is verplicht."),
        ({"message": "   "}, "Dit veld is verplicht."),
        ({"message": "x" * 2001}, "2000"),
        ({"message": "Fout", "contact": "x" * 201}, "200"),
    ],
)
def test_bad_input_keeps_the_text_shows_why_and_saves_nothing(client, offer, data, message):
    response = client.post(url(offer), data)

    assert response.status_code == 200
    assert message in response.text
    assert 'class="field-error' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not ErrorReport.objects.exists()


def test_what_was_typed_stays_in_the_form(client, offer):
    response = client.post(url(offer), {"message": "", "contact": "an@example.org"})

    assert 'value="an@example.org"' in response.text


def test_too_many_reports_from_one_client_get_a_friendly_429(client, offer):
    for number in range(REPORTS_PER_WINDOW):
        response = client.post(url(offer), {"message": f"Melding {number}"})
        assert response.status_code == 302

    response = client.post(url(offer), {"message": "Nog een melding"})

    assert response.status_code == 429
    assert "Wacht een paar minuten" in response.text
    assert "Nog een melding" in response.text
    assert ErrorReport.objects.count() == REPORTS_PER_WINDOW


def test_the_limit_is_per_client(client, offer):
    for number in range(REPORTS_PER_WINDOW):
        client.post(url(offer), {"message": f"Melding {number}"}, REMOTE_ADDR="192.0.2.1")

    response = client.post(url(offer), {"message": "Andere ouder"}, REMOTE_ADDR="192.0.2.2")

    assert response.status_code == 302
    assert ErrorReport.objects.filter(message="Andere ouder").exists()


def test_a_forged_forwarded_entry_does_not_reset_the_count(client, offer, settings):
    settings.TRUSTED_PROXIES = 1
    for number in range(REPORTS_PER_WINDOW + 1):
        forwarded = f"203.0.113.{number}, 198.51.100.7"
        response = client.post(url(offer), {"message": "Melding"}, HTTP_X_FORWARDED_FOR=forwarded)

    assert response.status_code == 429
    assert ErrorReport.objects.count() == REPORTS_PER_WINDOW


def test_the_ip_address_is_stored_nowhere(client, offer):
    client.post(url(offer), {"message": "Klopt niet"}, REMOTE_ADDR="192.0.2.77")

    report = ErrorReport.objects.get()
    assert "192.0.2.77" not in str(vars(report))
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM django_cache")
        rows = cursor.fetchall()
    assert rows
    assert not any("192.0.2.77" in f"{key} {value}" for key, value in rows)


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.ARCHIVED])
def test_only_published_offers_take_reports(client, offer, status):
    offer.status = status
    offer.save()

    assert client.get(url(offer)).status_code == 404
    assert client.post(url(offer), {"message": "Fout"}).status_code == 404
    assert not ErrorReport.objects.exists()
