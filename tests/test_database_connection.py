"""How the portal talks to its database."""

import importlib.util
from pathlib import Path

import pytest
from django.db import connection

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "huisvanhetkind" / "settings.py"


def database_settings(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url)
    spec = importlib.util.spec_from_file_location("settings_for_database", SETTINGS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.DATABASES["default"]


def test_postgresql_connections_switch_jit_compilation_off(monkeypatch):
    database = database_settings(monkeypatch, "postgres://hvhk@db.example/hvhk")

    assert database["OPTIONS"]["options"] == "-c jit=off"


def test_options_in_the_database_url_come_after_and_win(monkeypatch):
    database = database_settings(
        monkeypatch, "postgres://hvhk@db.example/hvhk?options=-c%20jit%3Don&sslmode=require"
    )

    assert database["OPTIONS"]["options"] == "-c jit=off -c jit=on"
    assert database["OPTIONS"]["sslmode"] == "require"


@pytest.mark.django_db
def test_the_database_runs_the_portals_queries_without_jit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
