from django.core.management.base import BaseCommand

from common import outbox


class Command(BaseCommand):
    help = (
        "Send the e-mails in the outbox whose first try failed and whose next try is due, and "
        f"delete sent ones older than {outbox.KEEP_SENT.days} days. Safe to run every minute."
    )

    def handle(self, *args, **options):
        sent, failed = outbox.send_queued()
        deleted = outbox.forget_sent()
        self.stdout.write(f"{sent} e-mail(s) sent, {failed} failed (tried again later).")
        if deleted:
            self.stdout.write(f"{deleted} sent e-mail(s) deleted.")
