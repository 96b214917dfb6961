"""The fixed cast of every test: a partner with its editor and manager, another partner with
its editor (the outsider), a coordinator, and the anonymous parent (the plain client)."""

import pytest
from django.utils import translation

from common import usage
from huisvanhetkind import local_database
from partners.models import Membership
from tests import factories


def flushes_the_database(item):
    """Whether the test runs outside a transaction (a live server, a browser test, several
    connections at once), so that pytest-django empties every table after it."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


_blocker = {}


@pytest.fixture(scope="session", autouse=True)
def _keep_the_database_blocker(django_db_blocker):
    _blocker["django_db_blocker"] = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that emptied the tables, put back what the migrations created (pillars,
    groups, content types...) from Django's snapshot of the new test database, unless the next
    test empties them anyway. Run in one process, pytest-django orders those tests last; run
    in several (pytest-xdist), a process gets them between the others."""
    result = yield
    # No next test: the session's end, whose teardown has dropped the test database.
    if flushes_the_database(item) and nextitem and not flushes_the_database(nextitem):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection

        snapshot = getattr(connection, "_test_serialized_contents", None)
        if snapshot is not None:
            with _blocker["django_db_blocker"].unblock():
                connection.creation.deserialize_db_from_string(snapshot)
            ContentType.objects.clear_cache()
    return result


def pytest_configure(config):
    # Without DATABASE_URL the tests run on the embedded PostgreSQL server, as manage.py does.
    try:
        local_database.start_for_django()
    except local_database.Unavailable as error:
        pytest.exit(f"Configuration error: {error}", returncode=3)


@pytest.fixture(autouse=True)
def _dutch_to_begin_with(settings):
    # A request to /fr/ through the test client leaves French active in the test's thread
    # (LocaleMiddleware does not switch back after the response); each test starts in Dutch.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher is slow on purpose; tests create and log in many accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def partner(db):
    return factories.make_partner("Gezinsbond vzw", slug="gezinsbond")


@pytest.fixture
def other_partner(db):
    return factories.make_partner("Wigwam vzw", slug="wigwam")


@pytest.fixture
def editor(partner):
    return factories.make_member(partner, email="editor@example.org")


@pytest.fixture
def manager(partner):
    return factories.make_member(partner, role=Membership.Role.MANAGER, email="manager@example.org")


@pytest.fixture
def outsider(other_partner):
    return factories.make_member(other_partner, email="outsider@example.org")


@pytest.fixture
def coordinator(db):
    return factories.make_coordinator(email="coordinator@example.org")


@pytest.fixture(autouse=True)
def _no_use_counts_from_other_tests():
    # The use counts wait in memory until they are written (common.usage); a test starts with
    # none of another test's, and leaves none for the next one.
    usage.discard()
    yield
    usage.discard()
