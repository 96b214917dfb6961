from django.conf import settings
from django.core.management.base import BaseCommand

from referrals.services import WARN_DAYS_BEFORE_EXPIRY, expire_referrals


class Command(BaseCommand):
    help = (
        "Expire referrals unanswered for REFERRAL_EXPIRY_DAYS days, and warn both partners "
        f"{WARN_DAYS_BEFORE_EXPIRY} days before. Each referral is warned and expired once."
    )

    def handle(self, *args, **options):
        result = expire_referrals()
        for referral in result.warned:
            self.stdout.write(f"Warned: referral {referral.pk} ({referral.receiver})")
        for referral in result.expired:
            self.stdout.write(f"Expired: referral {referral.pk} ({referral.receiver})")
        self.stdout.write(
            f"{len(result.warned)} warned, {len(result.expired)} expired "
            f"(after {settings.REFERRAL_EXPIRY_DAYS} days)."
        )
