from django.core.management.base import BaseCommand

from netwerk import reminders

from ._report import report


class Command(BaseCommand):
    help = "Remind everyone registered for a meeting tomorrow. Safe to run more than once a day."

    def handle(self, *args, **options):
        report(self, reminders.meetings_tomorrow(), "No reminders to send for tomorrow.")
