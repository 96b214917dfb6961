"""The scheduled jobs: expire_referrals warns both sides 3 days before and expires unanswered
referrals after REFERRAL_EXPIRY_DAYS; erase_referrals erases the family's details
REFERRAL_RETENTION_MONTHS after a referral ended. Both are idempotent and say what they did."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from referrals.models import Referral, ReferralEvent
from referrals.services import referral_erase, referral_step
from tests import factories


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run a command, then send what it sent after its commit; returns what it printed."""

    def run(command):
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command(command, stdout=out)
        return out.getvalue()

    return run


def sent_days_ago(referral, days):
    moment = timezone.now() - timedelta(days=days)
    Referral.objects.filter(pk=referral.pk).update(created_at=moment, waiting_since=moment)


def test_both_sides_are_warned_once_three_days_before_expiry(referral, settings, run):
    settings.REFERRAL_EXPIRY_DAYS = 14
    sent_days_ago(referral, 11)
    mail.outbox.clear()
    output = run("expire_referrals")
    assert f"Warned: referral {referral.pk}" in output
    assert sorted(message.to[0] for message in mail.outbox) == [
        "chef@wigwam.test",
        "editor@example.org",
        "outsider@example.org",
    ]
    assert "vervalt" in mail.outbox[0].subject and "Amira" not in mail.outbox[0].body
    mail.outbox.clear()
    assert "0 warned, 0 expired" in run("expire_referrals")
    assert not mail.outbox
    referral.refresh_from_db()
    assert referral.status == "sent"


def test_a_referral_unanswered_for_the_expiry_days_expires_and_both_sides_hear(
    referral, settings, run
):
    settings.REFERRAL_EXPIRY_DAYS = 14
    sent_days_ago(referral, 14)
    mail.outbox.clear()
    assert f"Expired: referral {referral.pk}" in run("expire_referrals")
    referral.refresh_from_db()
    assert referral.status == "expired" and referral.ended_at
    assert len(mail.outbox) == 3
    assert "0 warned, 0 expired" in run("expire_referrals")


def test_a_recent_or_answered_referral_does_not_expire(
    referral, partner, other_partner, settings, run
):
    settings.REFERRAL_EXPIRY_DAYS = 14
    answered = factories.make_referral(partner, other_partner)
    referral_step(referral=answered, step="accept", partner=other_partner)
    sent_days_ago(answered, 30)
    sent_days_ago(referral, 5)
    assert "0 warned, 0 expired" in run("expire_referrals")


def test_a_referral_passed_on_gets_its_own_time_to_answer(
    referral, other_partner, third_partner, settings, run
):
    settings.REFERRAL_EXPIRY_DAYS = 14
    sent_days_ago(referral, 13)
    run("expire_referrals")  # warned
    referral_step(referral=referral, step="pass_on", partner=other_partner, passed_to=third_partner)
    referral.refresh_from_db()
    assert referral.expiry_warned_at is None
    assert "0 warned, 0 expired" in run("expire_referrals")


def test_details_are_erased_after_the_retention_months_and_nothing_else(
    referral, partner, other_partner, settings, run
):
    settings.REFERRAL_RETENTION_MONTHS = 6
    referral_step(
        referral=referral, step="decline", partner=other_partner, reason="other", note="Bel Amira"
    )
    Referral.objects.filter(pk=referral.pk).update(ended_at=timezone.now() - timedelta(days=190))
    recent = factories.make_referral(partner, other_partner, first_name="Zoë")
    referral_step(referral=recent, step="withdraw", partner=partner)
    open_one = factories.make_referral(partner, other_partner, first_name="Noor")
    assert "Erased the details of 1 referrals" in run("erase_referrals")
    referral.refresh_from_db()
    assert referral.erased_at is not None
    assert (referral.first_name, referral.contact_detail, referral.language) == ("", "", "")
    assert (referral.question, referral.contact_lookup) == ("", "")
    assert (referral.status, referral.age_band) == ("declined", "0-3")  # the counts stay
    assert not ReferralEvent.objects.filter(referral=referral).exclude(note="").exists()
    assert Referral.objects.get(pk=recent.pk).first_name == "Zoë"
    assert Referral.objects.get(pk=open_one.pk).first_name == "Noor"
    assert "Erased the details of 0 referrals" in run("erase_referrals")


def test_an_erased_referral_shows_that_and_logs_no_view(client, editor, partner, referral):
    Referral.objects.filter(pk=referral.pk).update(status="closed", ended_at=timezone.now())
    referral_erase(referrals=Referral.objects.filter(pk=referral.pk))
    client.force_login(editor)
    response = client.get(f"/mijn/{partner.slug}/doorverwijzingen/{referral.pk}/")
    assert "zijn gewist op" in response.text
    assert not referral.access_log.exists()
