#!/usr/bin/env python3
"""Set up and run the portal on a fresh machine that has only Python 3.11 and git.

    python3 dev.py serve     migrate, load the demo data, run the site on http://127.0.0.1:8000/
    python3 dev.py test      every check CI runs, the tests in one process per core (up to 4);
                             extra arguments go to pytest instead (one process):
                             python3 dev.py test -k agenda
                             python3 dev.py test tests/test_home.py -x

Both commands create .venv and install the project into it when needed (again whenever
pyproject.toml changed). Unless DATABASE_URL names a PostgreSQL server, they run on the embedded
PostgreSQL server in .pgdata/ (huisvanhetkind/local_database.py), started once for all their
steps. The exit code is that of the first step that failed.
"""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# Records which pyproject.toml the venv was installed from, so an edit triggers a reinstall.
STAMP = VENV / ".installed-from"

USAGE = "usage: python3 dev.py serve [address:port] | python3 dev.py test [pytest arguments]"


def say(message):
    print(f"dev.py: {message}", flush=True)


def run(*command):
    """Run a command in the project folder; return its exit code."""
    say(" ".join(str(part) for part in command))
    return subprocess.call([str(part) for part in command], cwd=ROOT)


def ensure_venv():
    # dev.py itself runs on whatever python3 the machine has, so this check is not dead code.
    if sys.version_info < (3, 11):  # noqa: UP036
        sys.exit(f"dev.py: Python 3.11 or newer is needed, this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say(f"creating {VENV.name} with {sys.executable}")
        if subprocess.call([sys.executable, "-m", "venv", str(VENV)]) != 0:
            sys.exit(
                "dev.py: could not create the virtual environment. On Debian or Ubuntu, "
                "install python3-venv first."
            )
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    say("installing the project and its pinned dependencies")
    code = run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", ".[test]")
    if code != 0:
        sys.exit(code)
    STAMP.write_text(wanted + "\n")


def embedded_database():
    """Start the embedded PostgreSQL server for all of this command's steps, unless
    DATABASE_URL names a server. Return the process that holds it, or None."""
    if os.environ.get("DATABASE_URL", "").strip():
        return None
    holder = subprocess.Popen(
        [str(PYTHON), "-m", "huisvanhetkind.local_database", "hold"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    if holder.stdout.readline().strip() != "ready":
        # It printed its one line (why, and what to do) on stderr.
        sys.exit(holder.wait() or 1)
    say("embedded PostgreSQL server running in .pgdata/")
    return holder


def manage(*args):
    return run(PYTHON, "manage.py", *args)


def serve(args):
    address = args[0] if args else "127.0.0.1:8000"
    for step in (("migrate", "--no-input"), ("load_demo",)):
        code = manage(*step)
        if code != 0:
            return code
    try:
        return manage("runserver", address)
    except KeyboardInterrupt:
        return 0


def parallel():
    """pytest-xdist's options for the whole suite: a process per core, up to four (each runs
    its own Chromium and test database), a test file's tests in the same process."""
    workers = min(os.cpu_count() or 1, 4)
    return ["--numprocesses", str(workers), "--dist", "loadfile"] if workers > 1 else []


def test(pytest_args):
    steps = [
        ("Django system checks", (PYTHON, "manage.py", "check")),
        (
            "no missing migrations",
            (PYTHON, "manage.py", "makemigrations", "--check", "--dry-run"),
        ),
        ("ruff lint", (BIN / "ruff", "check", ".")),
        ("ruff format", (BIN / "ruff", "format", "--check", ".")),
        # The translation catalogues (.po complete in Dutch, .mo compiled from it) are checked
        # by tests/test_translations.py, so they run with the rest of the suite.
        ("pytest", (PYTHON, "-m", "pytest", *(pytest_args or parallel()))),
    ]
    timings = []
    for name, command in steps:
        started = time.monotonic()
        code = run(*command)
        timings.append(f"{name} {time.monotonic() - started:.1f}s")
        if code != 0:
            say(f"FAILED: {name} (exit code {code})")
            return code
    say("all checks passed: " + ", ".join(timings))
    return 0


def main(argv):
    if not argv or argv[0] not in ("serve", "test"):
        print(USAGE, file=sys.stderr)
        return 2
    ensure_venv()
    holder = embedded_database()
    try:
        if argv[0] == "serve":
            return serve(argv[1:])
        return test(argv[1:])
    finally:
        if holder is not None:
            # Closing its stdin lets the holder exit; the last user stops the server.
            holder.stdin.close()
            holder.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
