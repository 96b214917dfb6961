from django.conf import settings
from django.core.management.base import BaseCommand

from referrals.services import erase_ended_referrals


class Command(BaseCommand):
    help = (
        "Erase the family's details of referrals that ended REFERRAL_RETENTION_MONTHS months "
        "ago. What stays (partners, dates, statuses, outcome) identifies nobody."
    )

    def handle(self, *args, **options):
        count = erase_ended_referrals()
        self.stdout.write(
            f"Erased the details of {count} referrals "
            f"(ended more than {settings.REFERRAL_RETENTION_MONTHS} months ago)."
        )
