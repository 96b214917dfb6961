"""Input no page can use gets a 400 or 404, never a 500: NUL characters anywhere in a request
(PostgreSQL refuses text with them)."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "url",
    [
        "/mijn/netwerk/agenda/%00/netwerk.ics",
        "/mijn/netwerk/agenda/abc%00def/netwerk.ics",
        "/aanbod/?q=%00",
        "/aanbod/?%00=1",
        "/agenda/?vanaf=2026-01-01%00",
    ],
)
def test_a_nul_character_in_the_address_is_a_bad_request(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Het verzoek kon niet gelezen worden" in response.text


@pytest.mark.parametrize("url_name", ["login", "admin:login", "password_reset"])
def test_a_nul_character_in_a_form_is_a_bad_request(client, db, url_name):
    data = {"username": "jan\x00@example.org", "email": "jan\x00@example.org", "password": "x"}
    assert client.post(reverse(url_name), data).status_code == 400


def test_a_nul_character_in_a_field_name_is_a_bad_request(client, db):
    assert client.post(reverse("login"), {"user\x00name": "x"}).status_code == 400


def test_the_bad_request_page_is_in_french_under_fr(client, db):
    response = client.get("/fr/aanbod/?q=%00")
    assert response.status_code == 400
    assert "La demande n’a pas pu être lue" in response.text
