"""While the database does not answer: 503 with Retry-After, never a 500, nothing half-saved,
and a health endpoint (huisvanhetkind/outage.py). tests/test_database_restart.py does the same
against a real PostgreSQL restart; here the database "goes away" at a chosen statement."""

import contextlib

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from huisvanhetkind.outage import server_error, service_unavailable
from partners.models import Partner

GONE = "server closed the connection unexpectedly"


@contextlib.contextmanager
def database_gone(starting_with=""):
    """Every statement (or every one that starts with `starting_with`) fails as it does when
    the server went away."""

    def fail(execute, sql, params, many, context):
        if sql.lstrip().startswith(starting_with):
            raise OperationalError(GONE)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(fail):
        yield


@pytest.fixture(autouse=True)
def _dutch_urls():
    # A request to /fr/ leaves its thread in French (here, or in an earlier test file):
    # reverse() in these tests gives the Dutch addresses, and the next tests get back the
    # language they had.
    with translation.override("nl"):
        yield


@pytest.fixture
def client(client):
    # Answer as a browser would see it, instead of raising the view's exception in the test.
    client.raise_request_exception = False
    return client


def assert_unavailable(response, text="Probeer het over een minuut opnieuw"):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert text in response.content.decode()


def test_the_unavailable_page_needs_no_database_and_speaks_dutch_and_french():
    # No database access is allowed in this test: the page must render without one.
    request = RequestFactory().get("/aanbod/")
    with translation.override("nl"):
        assert_unavailable(service_unavailable(request))
    with translation.override("fr"):
        assert_unavailable(service_unavailable(request), "Veuillez réessayer dans une minute")


def test_any_other_error_still_gets_the_500_page():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/aanbod/", "/fr/agenda/", "/partners/"])
def test_a_public_page_answers_503_when_the_database_is_gone(client, path):
    with database_gone():
        response = client.get(path)
    if path.startswith("/fr/"):
        assert_unavailable(response, "Temporairement indisponible")
    else:
        assert_unavailable(response)
        assert "<h1>Tijdelijk niet beschikbaar</h1>" in response.content.decode()


def test_a_logged_in_page_answers_503_without_reading_the_session(client, editor, partner):
    client.force_login(editor)
    with database_gone():
        response = client.get(reverse("portal:profile", args=[partner.slug]))
    assert_unavailable(response)
    assert "Log in for partners" not in response.content.decode()


def test_a_login_during_an_outage_is_refused_clearly(client, editor):
    with database_gone():
        response = client.post(
            reverse("login"), {"username": editor.email, "password": "correct horse 42"}
        )
    assert_unavailable(response, "Wat je verstuurde, is niet bewaard")


def test_a_save_that_loses_the_database_halfway_keeps_nothing(client, editor, partner):
    client.force_login(editor)
    records = partner.history.count()
    data = {"description": "Nieuwe tekst.", "email": "", "phone": "", "website": "", "address": ""}
    # The partner's UPDATE goes through; the history record after it fails.
    with database_gone(starting_with='INSERT INTO "partners_historicalpartner"'):
        response = client.post(reverse("portal:profile", args=[partner.slug]), data)

    assert_unavailable(response, "Wat je verstuurde, is niet bewaard")
    assert Partner.objects.get(pk=partner.pk).description == partner.description
    assert partner.history.count() == records


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_commit_answers_503_instead_of_saved(client, editor, partner, monkeypatch):
    client.force_login(editor)

    def commit_fails():
        raise OperationalError(GONE)

    monkeypatch.setattr(connection, "_commit", commit_fails)
    response = client.post(
        reverse("portal:profile", args=[partner.slug]),
        {"description": "Nieuwe tekst.", "email": "", "phone": "", "website": "", "address": ""},
    )
    monkeypatch.undo()

    assert_unavailable(response)
    assert Partner.objects.get(pk=partner.pk).description == partner.description


@pytest.mark.django_db
def test_health_answers_ok_with_one_query_and_no_session(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_health_answers_503_when_the_database_is_gone(client):
    with database_gone():
        response = client.get("/health/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response.content == b"database unavailable\n"


@pytest.mark.django_db
def test_health_has_no_language_prefix(client):
    assert client.get("/fr/health/").status_code == 404
