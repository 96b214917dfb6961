"""The outbox: e-mails recorded with the change they tell about, sent after it committed,
tried again with growing pauses when the mail server fails, and sent once."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from common import outbox
from common.models import OutgoingEmail

pytestmark = pytest.mark.django_db

FAILING = "tests.mail.FailingBackend"


def message(to="an@example.org", subject="Hallo"):
    return EmailMessage(subject=subject, body="Tekst", to=[to])


def test_it_sends_after_the_commit_and_marks_the_mail_sent(
    django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks() as callbacks:
        assert outbox.queue([message(), message("bo@example.org")]) == 2
        assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert [m.to for m in mailoutbox] == [["an@example.org"], ["bo@example.org"]]
    assert set(OutgoingEmail.objects.values_list("status", "attempts")) == {("sent", 1)}
    assert outbox.send_queued(now=timezone.now() + timedelta(days=1)) == (0, 0)
    assert len(mailoutbox) == 2


def test_a_rolled_back_transaction_sends_and_records_nothing(
    django_capture_on_commit_callbacks, mailoutbox
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        outbox.queue([message()])
        raise RuntimeError("the change failed")
    assert not OutgoingEmail.objects.exists()
    assert mailoutbox == []


def test_a_failed_mail_waits_longer_after_each_try_then_is_given_up(
    django_capture_on_commit_callbacks, settings, mailoutbox
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue([message()])
    mail = OutgoingEmail.objects.get()
    assert (mail.status, mail.attempts) == ("pending", 1)
    assert mail.last_error == "SMTPException: 451 Try again later"
    pauses = []
    while mail.status == "pending":
        before = mail.next_attempt_at
        assert outbox.send_queued(now=before - timedelta(seconds=1)) == (0, 0)
        assert outbox.send_queued(now=before) == (0, 1)
        mail.refresh_from_db()
        pauses.append(mail.next_attempt_at - before)
    assert mail.attempts == outbox.MAX_ATTEMPTS
    assert mail.status == "failed"
    minutes = [pause // timedelta(minutes=1) for pause in pauses[:-1]]
    assert minutes == [10, 20, 40, 80, 160, 320, 640, 1280]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.send_queued(now=timezone.now() + timedelta(days=30)) == (0, 0)
    assert mailoutbox == []


def test_an_unreachable_server_is_tried_once_per_run(django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = "tests.mail.UnreachableBackend"
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue([message(), message("bo@example.org"), message("cas@example.org")])
    assert list(OutgoingEmail.objects.order_by("pk").values_list("attempts", flat=True)) == [
        1,
        0,
        0,
    ]
    assert OutgoingEmail.objects.first().last_error.startswith("ConnectionRefusedError")


def test_the_command_sends_what_is_due_once_and_forgets_old_sent_mail(
    django_capture_on_commit_callbacks, settings, mailoutbox
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue([message()])
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    old = OutgoingEmail.objects.create(
        recipients="oud@example.org",
        subject="Oud",
        status="sent",
        sent_at=timezone.now() - outbox.KEEP_SENT - timedelta(days=1),
        message=b"",
    )
    out = StringIO()
    call_command("send_queued_mail", stdout=out)
    assert out.getvalue().splitlines() == [
        "1 e-mail(s) sent, 0 failed (tried again later).",
        "1 sent e-mail(s) deleted.",
    ]
    assert [m.to for m in mailoutbox] == [["an@example.org"]]
    assert not OutgoingEmail.objects.filter(pk=old.pk).exists()
    call_command("send_queued_mail", stdout=StringIO())
    assert len(mailoutbox) == 1


def test_a_mail_to_a_typed_address_is_forgotten_once_sent_and_never_logged(
    django_capture_on_commit_callbacks, settings, mailoutbox, caplog
):
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        outbox.queue([message("ouder@example.org")], forget_when_sent=True)
    assert OutgoingEmail.objects.get().status == "pending"
    assert "ouder@example.org" not in caplog.text
    assert "E-mail" in caplog.text  # the failure itself is logged
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.send_queued(now=timezone.now() + timedelta(hours=1)) == (1, 0)
    assert [m.to for m in mailoutbox] == [["ouder@example.org"]]
    assert not OutgoingEmail.objects.exists()
