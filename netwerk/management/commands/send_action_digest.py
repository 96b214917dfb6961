from django.core.management.base import BaseCommand

from netwerk import reminders

from ._report import report


class Command(BaseCommand):
    help = (
        "Weekly: send each partner's people its action points that are overdue or due soon. "
        "Sent once per partner and person per week."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days-ahead", type=int, default=7, help="Include points due within N days (7)."
        )

    def handle(self, *args, days_ahead, **options):
        report(self, reminders.action_digest(days_ahead), "No action points due soon.")
