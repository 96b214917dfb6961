from django.core.management.base import BaseCommand

from netwerk import reminders

from ._report import report


class Command(BaseCommand):
    help = (
        "Tell coordinators about meetings held more than N days ago without published "
        "minutes. Each meeting is mentioned once per coordinator."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=14, help="Days after the meeting (default: 14)."
        )

    def handle(self, *args, days, **options):
        report(self, reminders.missing_minutes(days), "All minutes are published in time.")
