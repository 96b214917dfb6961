from django.conf import settings
from django.core.management.base import BaseCommand

from aanbod.reminders import REMIND_AGAIN_AFTER, send_review_reminders


class Command(BaseCommand):
    help = (
        "E-mail partner staff their published offers that nobody confirmed as correct for "
        "OFFER_REVIEW_MONTHS months, with a link to each. Nobody hears about the same offer "
        "twice within a week, so it is safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send nothing."
        )

    def handle(self, *args, dry_run, **options):
        results = send_review_reminders(dry_run=dry_run)
        for result in results:
            titles = "; ".join(offer.title for offer in result.offers)
            self.stdout.write(
                f"{result.partner.name} → {result.recipient}: {len(result.offers)} ({titles})"
            )
        if dry_run:
            self.stdout.write(f"Dry run: {len(results)} e-mail(s) would be sent, none was.")
        elif results:
            self.stdout.write(self.style.SUCCESS(f"{len(results)} e-mail(s) sent."))
        else:
            self.stdout.write(
                f"Nothing to send: every published offer was confirmed in the last "
                f"{settings.OFFER_REVIEW_MONTHS} months, or its people heard about it in the "
                f"last {REMIND_AGAIN_AFTER.days} days."
            )
