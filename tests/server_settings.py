"""Settings of the gunicorn app servers that tests start (tests/servers.py): the portal's own,
read from the environment as in production, with two changes for tests."""

from huisvanhetkind.settings import *  # noqa: F403
from huisvanhetkind.settings import STORAGES

# Static files are not collected for these tests: {% static %} names the plain files instead
# of looking up hashed names in a manifest.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The test users' passwords are hashed with the tests' fast hasher (tests/conftest.py).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
