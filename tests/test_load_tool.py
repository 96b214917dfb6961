"""bench/load.py, the load test of README.md's Performance section, run briefly against the
live test server so that it keeps working. The real run (50 connections, 60 s, gunicorn) is
not part of the suite."""

import subprocess
import sys

import pytest

from tests import factories
from tests.servers import ROOT


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_load_tool_reports_requests_latencies_and_no_errors(live_server, partner):
    factories.make_offer(partner, "Babbelbox")
    result = subprocess.run(
        [sys.executable, "bench/load.py", live_server.url, "--connections", "5", "--seconds", "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "/aanbod/babbelbox/" in result.stdout
    assert "over 5 connections" in result.stdout
    assert ", 0 errors" in result.stdout
    assert "p95" in result.stdout


def test_a_portal_that_does_not_answer_is_said_in_one_line():
    result = subprocess.run(
        [sys.executable, "bench/load.py", "http://127.0.0.1:9", "--seconds", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("bench/load.py: no answer from 127.0.0.1:9 (")
    assert len(result.stderr.splitlines()) == 1
