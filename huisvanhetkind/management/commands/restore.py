"""Restore a backup of manage.py backup into an empty database (huisvanhetkind/backups.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from huisvanhetkind import backups


class Command(BaseCommand):
    help = (
        "Restore a backup made by manage.py backup: the database into this (empty) database, "
        "the uploaded files into MEDIA_ROOT. Refuses a database that holds any table."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz file that manage.py backup wrote")

    def handle(self, *args, archive, **options):
        database = connection.settings_dict
        try:
            manifest = backups.restore(archive, database, settings.MEDIA_ROOT)
        except backups.BackupError as error:
            raise CommandError(error) from None
        self.stdout.write(
            f"Restored {archive} (database {manifest['database']} of "
            f"{manifest['created_at']}) into the database {database['NAME']}, and "
            f"{len(manifest['media'])} uploaded files into {settings.MEDIA_ROOT}."
        )
