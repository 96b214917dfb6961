"""manage.py backup and manage.py restore (huisvanhetkind/backups.py): a backup restored into
an empty database holds the same rows and the same uploaded files; a restore that cannot be
done whole is refused in one line before anything changes."""

import io
import os
import subprocess
import sys
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from huisvanhetkind import backups
from tests import factories
from tests.servers import ROOT, database_url

# pg_dump sees only what was committed: the one test that compares rows commits its data.
pytestmark = pytest.mark.django_db

TABLES = (
    "SELECT table_name FROM information_schema.tables "
    "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
)
LOGO = b"\x89PNG\r\n\x1a\n" + os.urandom(2000)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def empty_database():
    """A new database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**connection.settings_dict, "NAME": name}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def content(partner, editor, media_root):
    offer = factories.make_offer(partner, "Babbelbox")
    factories.make_activity(offer)
    partner.logo.save("gezinsbond.png", ContentFile(LOGO))
    return partner


def table_contents(database):
    """Every table of the database with its number of rows and a checksum of its rows."""
    tables = backups.query(database, TABLES).split()
    return backups.query(
        database,
        " UNION ALL ".join(
            f"SELECT '{table}', count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text),"
            f" '')) FROM public.{table} t"
            for table in tables
        )
        + " ORDER BY 1",
    )


def back_up(target):
    out = io.StringIO()
    call_command("backup", str(target), stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_has_the_same_rows_and_files(
    content, media_root, empty_database, tmp_path
):
    output = back_up(tmp_path)
    [archive] = tmp_path.glob("hvhk-*.tar.gz")
    assert f"Backup written to {archive}" in output
    assert "1 uploaded files" in output

    restored_media = tmp_path / "restored-media"
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": database_url(empty_database),
            "MEDIA_ROOT": str(restored_media),
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "1 uploaded files" in result.stdout

    tables = table_contents(connection.settings_dict)
    assert "partners_partner|1|" in tables
    assert table_contents(empty_database) == tables
    assert (restored_media / content.logo.name).read_bytes() == LOGO


def test_the_archive_lists_what_it_holds(content, tmp_path):
    back_up(tmp_path / "backup.tar.gz")
    with tarfile.open(tmp_path / "backup.tar.gz") as archive:
        names = archive.getnames()
    assert names == ["manifest.json", "database.dump", f"media/{content.logo.name}"]


def test_a_backup_never_overwrites_a_file(tmp_path):
    (tmp_path / "backup.tar.gz").write_text("older")
    with pytest.raises(CommandError, match="exists already"):
        back_up(tmp_path / "backup.tar.gz")
    assert (tmp_path / "backup.tar.gz").read_text() == "older"


def test_a_restore_into_a_database_with_tables_is_refused(content, media_root, tmp_path):
    back_up(tmp_path / "backup.tar.gz")
    with pytest.raises(CommandError, match="is not empty; restore only into an empty database"):
        call_command("restore", str(tmp_path / "backup.tar.gz"))


def test_a_damaged_archive_is_refused_before_anything_changes(content, tmp_path):
    back_up(tmp_path / "backup.tar.gz")
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(tmp_path / "backup.tar.gz") as source, tarfile.open(damaged, "w:gz") as copy:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            copy.addfile(member, io.BytesIO(data))

    with pytest.raises(backups.BackupError, match=f"damaged: media/{content.logo.name}"):
        backups.restore(damaged, connection.settings_dict, tmp_path / "restored-media")
    assert not (tmp_path / "restored-media").exists()


def test_a_file_that_is_no_backup_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("not a backup")
    with pytest.raises(CommandError, match="is not a backup archive"):
        call_command("restore", str(tmp_path / "notes.txt"))


def test_a_missing_file_is_said_in_one_line(tmp_path):
    with pytest.raises(CommandError, match="there is no file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
