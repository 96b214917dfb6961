"""The outbox: the portal's e-mails are recorded in the transaction of the change they tell
about and sent after it committed.

- ``queue(messages)`` records them; a transaction that rolls back records and sends nothing.
- When the transaction commits, each is tried once at once.
- What failed is tried again by ``manage.py send_queued_mail`` (cron, every few minutes):
  after 5 minutes, then 10, 20, … until MAX_ATTEMPTS, then given up (the admin lists it).
- A mail server that fails never undoes the change nor fails the request: the failure is
  logged and the mail stays in the outbox. When the server cannot be reached, the others
  wait for the next run rather than for a time-out each.
- Each mail is sent with its row locked, and a sender skips rows another one holds, so two
  senders at once (a request and the cron job) never send one mail twice; a mail that went
  out is marked sent in the same transaction.
"""

import logging
import pickle
from contextlib import suppress
from datetime import timedelta
from functools import partial

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail

log = logging.getLogger(__name__)

FIRST_RETRY_AFTER = timedelta(minutes=5)
# 10 attempts: the last one about 42 hours after the first.
MAX_ATTEMPTS = 10
KEEP_SENT = timedelta(days=30)


def queue(messages, *, forget_when_sent=False):
    """Record EmailMessages to be sent when the current transaction commits; returns how
    many. With ``forget_when_sent`` each is deleted as soon as it went out, and a failure is
    logged without its address (an address typed once, for that mail only)."""
    rows = OutgoingEmail.objects.bulk_create(
        OutgoingEmail(
            recipients=", ".join(message.recipients()),
            subject=message.subject,
            message=pickle.dumps(message),
            forget_when_sent=forget_when_sent,
        )
        for message in messages
    )
    if rows:
        transaction.on_commit(partial(send_queued, ids=[row.pk for row in rows]), robust=True)
    return len(rows)


def send_queued(*, ids=None, now=None):
    """Send the mails that are due (of ``ids`` only, if given); returns (sent, failed)."""
    now = now or timezone.now()
    due = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lte=now
    )
    if ids is not None:
        due = due.filter(pk__in=ids)
    sent = failed = 0
    connection = get_connection()
    try:
        for pk in due.order_by("next_attempt_at", "pk").values_list("pk", flat=True):
            with transaction.atomic():
                row = due.select_for_update(skip_locked=True).filter(pk=pk).first()
                if row is None:  # sent or being sent by someone else
                    continue
                outcome = _send(row, connection, now)
                if outcome == "sent" and row.forget_when_sent:
                    row.delete()
                else:
                    row.save()
            if outcome == "sent":
                sent += 1
            else:
                failed += 1
            if outcome == "unreachable":
                break
    finally:
        _close(connection)
    return sent, failed


def _send(row, connection, now):
    """Try one mail; returns "sent", "failed" or "unreachable" (no connection to the server)."""
    row.attempts += 1
    connected = False
    try:
        connection.open()  # once for all mails; again after a failure closed it
        connected = True
        connection.send_messages([pickle.loads(row.message)])
    except Exception as error:  # whatever the mail server or the network does
        _close(connection)
        row.last_error = f"{error.__class__.__name__}: {error}"
        to = "an address typed for it" if row.forget_when_sent else row.recipients
        if row.attempts >= MAX_ATTEMPTS:
            row.status = OutgoingEmail.Status.FAILED
            log.error("Gave up on e-mail %s to %s: %s", row.pk, to, row.last_error)
        else:
            row.next_attempt_at = now + FIRST_RETRY_AFTER * 2 ** (row.attempts - 1)
            log.warning("E-mail %s to %s failed: %s", row.pk, to, row.last_error)
        return "failed" if connected else "unreachable"
    row.status = OutgoingEmail.Status.SENT
    row.sent_at = now
    return "sent"


def _close(connection):
    with suppress(Exception):
        connection.close()


def forget_sent(*, now=None):
    """Delete the sent mails older than KEEP_SENT (they hold names and addresses)."""
    now = now or timezone.now()
    old = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENT, sent_at__lt=now - KEEP_SENT
    )
    return old.delete()[0]
