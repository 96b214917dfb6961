"""E-mail in tests.

The outbox sends a mail once the transaction that recorded it commits, which never happens
inside a test's transaction: ``committed()`` runs what waited for the commit, as the end of a
request or of a command does (pytest-django's django_capture_on_commit_callbacks, as a plain
context manager for helpers without fixtures)."""

import smtplib
from functools import partial

from django.core.mail.backends.base import BaseEmailBackend
from django.test import TestCase

committed = partial(TestCase.captureOnCommitCallbacks, execute=True)


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses every mail for now."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("451 Try again later")


class UnreachableBackend(BaseEmailBackend):
    """A mail server that cannot be reached."""

    def open(self):
        raise ConnectionRefusedError(111, "Connection refused")

    def send_messages(self, email_messages):
        raise AssertionError("sending without a connection")
