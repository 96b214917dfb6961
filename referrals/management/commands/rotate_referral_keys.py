from django.core.management.base import BaseCommand

from referrals.services import rotate_keys


class Command(BaseCommand):
    help = (
        "Encrypt every referral's details again with the first key of REFERRAL_KEYS and "
        "recompute the lookup hashes with REFERRAL_LOOKUP_KEY. Run it after putting a new key "
        "first; then the old keys can be removed."
    )

    def handle(self, *args, **options):
        count = rotate_keys()
        self.stdout.write(f"Encrypted the details of {count} referrals with the newest key.")
