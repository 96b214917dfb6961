"""The fixed cast of every test: a partner with its editor and manager, another partner with
its editor (the outsider), a coordinator, and the anonymous parent (the plain client)."""

import pytest
from django.utils import translation
from pytest_django.fixtures import validate_django_db

from common import usage
from huisvanhetkind import local_database
from partners.models import Membership
from tests import factories


def empties_the_tables(item):
    """Whether pytest-django runs the test outside a transaction (a live server, a browser test,
    several connections at once) and empties every table after it, by pytest-django's rule;
    and whether it puts Django's snapshot back first (serialized rollback)."""
    marker = item.get_closest_marker("django_db")
    transaction, reset_sequences, _, serialized, _ = (
        validate_django_db(marker) if marker else (False, False, None, False, None)
    )
    fixtures = getattr(item, "fixturenames", ())
    flushed = (
        transaction
        or reset_sequences
        or {"transactional_db", "live_server", "django_db_reset_sequences"} & set(fixtures)
    )
    return bool(flushed), bool(serialized or "django_db_serialized_rollback" in fixtures)


_blocker = {}


@pytest.fixture(scope="session", autouse=True)
def _keep_the_database_blocker(django_db_blocker):
    _blocker["django_db_blocker"] = django_db_blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that emptied the tables, put back what the migrations created (pillars,
    groups, content types...) from Django's snapshot of the new test database, unless the next
    test empties them anyway. Run in one process, pytest-django orders those tests last; run
    in several (pytest-xdist), a process gets them between the others.

    Only after a test with serialized rollback (all of ours that empty the tables): its flush
    leaves the tables empty, so the snapshot goes back with its own keys. Without it, Django
    would have made new content types and permissions, under other keys."""
    try:
        return (yield)
    finally:
        flushed, serialized = empties_the_tables(item)
        # No next test: the session's end, which drops the test database (--reuse-db keeps
        # it as the browser fixture left it).
        if flushed and serialized and nextitem and not empties_the_tables(nextitem)[0]:
            _put_back_the_migrations_data()


def _put_back_the_migrations_data():
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is not None:
        with _blocker["django_db_blocker"].unblock():
            connection.creation.deserialize_db_from_string(snapshot)
        ContentType.objects.clear_cache()


def pytest_configure(config):
    # Without DATABASE_URL the tests run on the embedded PostgreSQL server, as manage.py does.
    try:
        local_database.start_for_django()
    except local_database.Unavailable as error:
        pytest.exit(f"Configuration error: {error}", returncode=3)


@pytest.fixture(autouse=True)
def _dutch_by_default(settings):
    # A request to /fr/ through the test client leaves French active in the test's thread
    # (LocaleMiddleware does not switch back after the response); each test starts in Dutch
    # and leaves Dutch for the fixtures set up before the next one.
    translation.activate(settings.LANGUAGE_CODE)
    yield
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
