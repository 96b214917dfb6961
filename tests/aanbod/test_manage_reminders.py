"""remind_offer_review: partner staff hear about published offers nobody confirmed within the
review period, once a week at most, with a link to each.

`mailoutbox` comes after the database fixtures: setting up the database replaces Django's
outbox, which would leave an earlier `mailoutbox` pointing at an old list."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from aanbod.models import Offer, ReviewReminder
from aanbod.reminders import send_review_reminders
from common import outbox
from common.models import OutgoingEmail
from partners.models import Membership
from tests import factories
from tests.mail import committed

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    with committed():
        call_command("remind_offer_review", *args, stdout=out, stderr=out)
    return out.getvalue()


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def stale(partner):
    return factories.make_offer(partner, "Babbelbox", reviewed_at=days_ago(200))


@pytest.fixture
def never(partner):
    return factories.make_offer(partner, "Koffieklets", reviewed_at=None)


def test_editors_and_managers_get_a_digest_with_a_link_to_each_offer(
    partner, editor, manager, outsider, stale, never, settings, mailoutbox
):
    settings.SITE_URL = "https://hvhk.example"
    factories.make_offer(partner, "Vers", reviewed_at=days_ago(20))
    factories.make_offer(partner, "Kladje", status=Offer.Status.DRAFT)
    output = run()
    assert sorted(message.to[0] for message in mailoutbox) == [
        "editor@example.org",
        "manager@example.org",
    ]
    message = mailoutbox[0]
    assert message.subject == "Klopt het aanbod van Gezinsbond vzw nog?"
    assert f"https://hvhk.example/mijn/gezinsbond/aanbod/{stale.pk}/" in message.body
    assert f"https://hvhk.example/mijn/gezinsbond/aanbod/{never.pk}/" in message.body
    assert "nog nooit nagekeken" in message.body
    assert "Vers" not in message.body and "Kladje" not in message.body
    assert "https://hvhk.example/mijn/gezinsbond/" in message.body
    assert "Gezinsbond vzw → editor@example.org: 2 (Babbelbox; Koffieklets)" in output
    assert "2 e-mail(s) sent." in output


def test_a_second_run_in_the_same_week_sends_nothing(partner, editor, stale, mailoutbox):
    run()
    output = run()
    assert len(mailoutbox) == 1
    assert "Nothing to send" in output
    assert ReviewReminder.objects.get().offer == stale


def test_a_newly_stale_offer_is_sent_alone(partner, editor, stale, mailoutbox):
    run()
    newly = factories.make_offer(partner, "Pas verlopen", reviewed_at=days_ago(190))
    run()
    assert len(mailoutbox) == 2
    assert "Pas verlopen" in mailoutbox[1].body
    assert "Babbelbox" not in mailoutbox[1].body
    assert set(ReviewReminder.objects.values_list("offer", flat=True)) == {stale.pk, newly.pk}


def test_after_a_week_the_same_offers_are_sent_again(partner, editor, stale, mailoutbox):
    with committed():
        send_review_reminders(now=timezone.now() - timedelta(days=8))
    run()
    assert len(mailoutbox) == 2


def test_a_new_colleague_also_hears_about_offers_others_heard_about(
    partner, editor, stale, mailoutbox
):
    run()
    factories.make_member(partner, email="nieuw@example.org")
    run()
    assert [message.to for message in mailoutbox] == [
        ["editor@example.org"],
        ["nieuw@example.org"],
    ]


def test_the_review_period_is_a_setting(partner, editor, stale, settings, mailoutbox):
    settings.OFFER_REVIEW_MONTHS = 12
    run()
    assert mailoutbox == []


def test_a_dry_run_sends_and_records_nothing(partner, editor, stale, mailoutbox):
    output = run("--dry-run")
    assert mailoutbox == []
    assert not ReviewReminder.objects.exists()
    assert "Dry run: 1 e-mail(s) would be sent" in output


def test_people_without_an_address_or_inactive_are_skipped(partner, stale, mailoutbox):
    factories.make_member(partner, email="weg@example.org", is_active=False)
    quiet = factories.make_member(partner, email="stil@example.org")
    quiet.email = ""
    quiet.save()
    run()
    assert mailoutbox == []


def test_a_failed_e_mail_is_recorded_and_tried_again_by_the_outbox(
    partner, editor, manager, stale, settings, mailoutbox
):
    settings.EMAIL_BACKEND = "tests.mail.FailingBackend"
    output = run()
    assert "2 e-mail(s) sent." in output
    assert ReviewReminder.objects.count() == 2
    assert OutgoingEmail.objects.filter(status="pending", attempts=1).count() == 2
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run()
    assert mailoutbox == []
    call_command("send_queued_mail", stdout=StringIO())
    assert mailoutbox == []  # not yet: the next try is in five minutes
    outbox.send_queued(now=timezone.now() + timedelta(minutes=5))
    assert sorted(m.to[0] for m in mailoutbox) == [editor.email, manager.email]


def test_a_person_of_two_partners_gets_one_e_mail_per_partner(
    partner, other_partner, editor, stale, mailoutbox
):
    Membership.objects.create(user=editor, partner=other_partner)
    factories.make_offer(other_partner, "Wigwam-aanbod", reviewed_at=None)
    run()
    assert sorted(message.subject for message in mailoutbox) == [
        "Klopt het aanbod van Gezinsbond vzw nog?",
        "Klopt het aanbod van Wigwam vzw nog?",
    ]
