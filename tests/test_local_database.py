"""The embedded PostgreSQL server of development and the tests (huisvanhetkind/local_database.py):
started by the first command that needs it, shared by the ones running at the same time, stopped
by the last one, and a clear one-line message when it cannot start.

Each test runs its own server in a temporary data directory, in subprocesses, as the commands
would."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent

# A process that uses the embedded server in `data_dir` as manage.py does, prints the server's
# process id, then holds on to it until its stdin closes.
USER = """
import sys
from pathlib import Path
from huisvanhetkind import local_database
local_database.DATA_DIR = Path(sys.argv[1])
try:
    local_database.start()
except local_database.Unavailable as error:
    sys.exit(f"Configuration error: {error}")
pid = (local_database.DATA_DIR / "postmaster.pid").read_text().split()[0]
print(pid, flush=True)
if sys.argv[2:] == ["hold"]:
    sys.stdin.read()
"""


def user(data_dir, *args):
    return subprocess.Popen(
        [sys.executable, "-c", USER, str(data_dir), *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def server_pid(process):
    line = process.stdout.readline().strip()
    assert line.isdigit(), process.stderr.read()
    return int(line)


def wait_until_gone(pid, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            return True
        time.sleep(0.2)
    return False


def portal_database_answers(data_dir):
    with psycopg.connect(host=str(data_dir), port=5432, user="postgres", dbname="hvhk") as conn:
        return conn.execute("SELECT to_tsvector('dutch', 'borstvoeding')::text").fetchone()[0]


@pytest.fixture
def data_dir(tmp_path):
    # The socket file lives in the data directory: keep its path short enough for Unix sockets.
    directory = tmp_path / "pg"
    yield directory
    pid_file = directory / "postmaster.pid"
    if pid_file.exists():  # a failed test must not leave a server running
        pid = int(pid_file.read_text().split()[0])
        if psutil.pid_exists(pid):
            os.kill(pid, signal.SIGTERM)
            wait_until_gone(pid)


def test_a_second_command_shares_the_server_and_the_last_one_stops_it(data_dir):
    first = user(data_dir, "hold")
    pid = server_pid(first)
    # The portal's database exists, with PostgreSQL's Dutch stemmer.
    assert portal_database_answers(data_dir) == "'borstvoed':1"

    second = user(data_dir)
    assert server_pid(second) == pid
    assert second.wait(timeout=30) == 0
    # The first command still uses it: the second one's exit did not stop it.
    assert psutil.pid_exists(pid)
    assert portal_database_answers(data_dir) == "'borstvoed':1"

    first.stdin.close()
    assert first.wait(timeout=30) == 0
    assert wait_until_gone(pid)


def test_a_killed_command_does_not_keep_the_server_running(data_dir):
    killed = user(data_dir, "hold")
    pid = server_pid(killed)
    killed.kill()
    killed.wait(timeout=10)

    later = user(data_dir)
    assert server_pid(later) == pid
    assert later.wait(timeout=30) == 0
    assert wait_until_gone(pid)


def test_a_server_that_cannot_start_is_explained_in_one_line(data_dir):
    data_dir.mkdir()
    # Data files of another PostgreSQL version: the server refuses them.
    (data_dir / "PG_VERSION").write_text("9\n")

    failed = user(data_dir)
    assert failed.wait(timeout=60) != 0
    output = (failed.stdout.read() + failed.stderr.read()).strip()
    assert len(output.splitlines()) == 1, output
    assert "embedded PostgreSQL server" in output
    assert "DATABASE_URL" in output
    assert "Traceback" not in output
