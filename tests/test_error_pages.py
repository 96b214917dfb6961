"""The pages for a missing page (404) and an error on our side (500), in the visitor's language."""

from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


def test_a_missing_page_says_so_in_dutch_and_offers_a_way_on(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "<h1>Pagina niet gevonden</h1>" in text
    assert 'href="/aanbod/"' in text
    assert 'href="/agenda/"' in text


def test_a_missing_page_under_fr_is_in_french(client, db):
    response = client.get("/fr/bestaat-niet/")
    assert response.status_code == 404
    assert "<h1>Page introuvable</h1>" in response.content.decode()


def test_an_error_page_needs_no_database_and_is_dutch():
    with translation.override("nl"):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    text = response.content.decode()
    assert "<h1>Er ging iets mis</h1>" in text
    assert "Server Error" not in text
