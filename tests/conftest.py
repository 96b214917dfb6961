"""The fixed cast of every test: a partner with its editor and manager, another partner with
its editor (the outsider), a coordinator, and the anonymous parent (the plain client)."""

import pytest

from common import usage
from huisvanhetkind import local_database
from partners.models import Membership
from tests import factories


def pytest_configure(config):
    # Without DATABASE_URL the tests run on the embedded PostgreSQL server, as manage.py does.
    try:
        local_database.start_for_django()
    except local_database.Unavailable as error:
        pytest.exit(f"Configuration error: {error}", returncode=3)


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
