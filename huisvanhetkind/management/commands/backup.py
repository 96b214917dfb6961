"""Back up the database and the uploaded files into one .tar.gz (huisvanhetkind/backups.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from huisvanhetkind import backups


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database and of MEDIA_ROOT to a new .tar.gz file "
        "(or to a new file in the folder given)."
    )

    def add_arguments(self, parser):
        parser.add_argument("target", help="a folder, or the name of the file to write")

    def handle(self, *args, target, **options):
        try:
            path, manifest = backups.backup(connection.settings_dict, settings.MEDIA_ROOT, target)
        except backups.BackupError as error:
            raise CommandError(error) from None
        size = sum(entry["size"] for entry in manifest["media"])
        self.stdout.write(
            f"Backup written to {path}: database {manifest['database']} "
            f"(PostgreSQL {manifest['server_version']}), {len(manifest['media'])} uploaded "
            f"files ({size:,} bytes)."
        )
