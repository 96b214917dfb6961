"""The review reminder: partner staff hear about their published offers that nobody
confirmed as correct within OFFER_REVIEW_MONTHS.

Each person gets one e-mail per partner listing that partner's offers due for checking, each
with a direct link. What was sent is recorded (ReviewReminder) in the transaction that puts
the e-mail in the outbox, so nobody hears about the same offer again within
REMIND_AGAIN_AFTER, however often the command runs; the outbox sends it after the commit and
tries again when the mail server fails.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from common import outbox
from common.emails import absolute_url, staff_message
from partners.models import Membership

from .models import Offer, ReviewReminder
from .review import review_cutoff

REMIND_AGAIN_AFTER = timedelta(days=7)


@dataclass
class Sent:
    recipient: str
    partner: object
    offers: list


def _message(partner, offers, recipient):
    context = {
        "partner": partner,
        "offers": [
            (offer, absolute_url(reverse("portal:offer_edit", args=[partner.slug, offer.pk])))
            for offer in offers
        ],
        "dashboard_url": absolute_url(reverse("portal:dashboard", args=[partner.slug])),
        "months": settings.OFFER_REVIEW_MONTHS,
    }
    return staff_message("aanbod/manage/emails/review_reminder", context, recipient)


def send_review_reminders(*, now=None, dry_run=False):
    """Send what is due; returns a Sent for every e-mail (with dry_run only planned)."""
    now = now or timezone.now()
    offers = (
        Offer.objects.published()
        .needs_review(review_cutoff(now))
        .select_related("provider")
        .order_by("title")
    )
    by_partner = {}
    for offer in offers:
        by_partner.setdefault(offer.provider_id, []).append(offer)
    members = (
        Membership.objects.filter(partner_id__in=by_partner, user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "partner")
        .order_by("partner__name", "user__email")
    )
    recent = set(
        ReviewReminder.objects.filter(
            offer__provider_id__in=by_partner, sent_at__gte=now - REMIND_AGAIN_AFTER
        ).values_list("offer_id", "recipient")
    )
    results = []
    for membership in members:
        recipient = membership.user.email.strip().lower()
        due = [
            offer
            for offer in by_partner[membership.partner_id]
            if (offer.pk, recipient) not in recent
        ]
        if not due:
            continue
        result = Sent(recipient, membership.partner, due)
        results.append(result)
        if dry_run:
            continue
        message = _message(membership.partner, due, recipient)
        with transaction.atomic():
            ReviewReminder.objects.bulk_create(
                ReviewReminder(offer=offer, recipient=recipient, sent_at=now) for offer in due
            )
            outbox.queue([message])
        recent.update((offer.pk, recipient) for offer in due)
    return results
