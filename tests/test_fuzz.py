"""No request makes a server error: fuzzed requests to every URL pattern and form, anonymous
and as each kind of account (tests/fuzzing.py draws them).

FUZZ_REQUESTS sets the number of requests (2,000 here, so the suite stays fast; bench/fuzz.py
runs 10,000). The draws are derandomised: every run sends the same requests.
"""

import os
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from huisvanhetkind import demo_data
from tests import factories
from tests.fuzzing import fuzz

REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "2000"))
# gunicorn ends a worker after 30 s. A busy test machine makes the slowest pages take a few
# seconds; a request that loops or scans would take far longer.
SLOWEST_SECONDS = 20


@pytest.fixture
def people(db):
    call_command("load_demo", "--allow-production", stdout=StringIO())
    accounts = {
        spec.key: get_user_model().objects.get(email=spec.email) for spec in demo_data.ACCOUNTS
    }
    return {
        "anonymous": None,
        "editor": accounts["redacteur"],
        "manager": accounts["beheerder"],
        "coordinator": accounts["coordinator"],
        "no partner": factories.make_user(email="zonder.partner@example.org"),
    }


def test_no_fuzzed_request_makes_a_server_error(people, capsys, settings):
    # Behind one proxy, as in production: the odd X-Forwarded-For values are read.
    settings.TRUSTED_PROXIES = 1
    result = fuzz(people, REQUESTS)
    with capsys.disabled():
        print(f"\n{result.summary()}")
    assert result.requests >= REQUESTS * 0.9
    assert not result.errors, "\n".join(result.errors)
    assert result.slowest[0][0] < SLOWEST_SECONDS, result.slowest[:3]
