"""The referral e-mails, in Dutch (the network's language). They carry no personal details of
the family: only the referral's number, the partners, the offer and a link into the portal,
where the details are shown to the two partners' staff (and each view is logged)."""

from django.conf import settings
from django.urls import reverse

from common.emails import absolute_url, staff_message
from partners.models import Membership


def staff_addresses(partner):
    return sorted(
        {
            address.strip().lower()
            for address in Membership.objects.filter(partner=partner, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        }
    )


def sender_addresses(referral):
    """The person who sent the referral; their partner's staff when that person is gone."""
    person = referral.sent_by
    if person is not None and person.is_active and person.email:
        return [person.email.strip().lower()]
    return staff_addresses(referral.sender)


def _messages(template, referral, partner, addresses, **context):
    """One message per address, each with the link for `partner`'s side."""
    context = {
        "referral": referral,
        "partner": partner,
        "url": absolute_url(reverse("portal:referral_detail", args=[partner.slug, referral.pk])),
        "expiry_days": settings.REFERRAL_EXPIRY_DAYS,
        **context,
    }
    return [staff_message(f"emails/referrals/{template}", context, to) for to in addresses]


def new_referral(referral):
    """To the receiving partner's staff: a referral waits for them."""
    return _messages("new", referral, referral.receiver, staff_addresses(referral.receiver))


def step_taken(referral, event, *, to_receiver=False):
    """To the sender (or, for a step of the sender's, to the receiving partner's staff)."""
    if to_receiver:
        partner, addresses = referral.receiver, staff_addresses(referral.receiver)
    else:
        partner, addresses = referral.sender, sender_addresses(referral)
    return _messages("step", referral, partner, addresses, event=event)


def expiry_warning(referral, expires_at):
    return [
        *_messages(
            "expiry_warning",
            referral,
            referral.sender,
            sender_addresses(referral),
            expires_at=expires_at,
        ),
        *_messages(
            "expiry_warning",
            referral,
            referral.receiver,
            staff_addresses(referral.receiver),
            expires_at=expires_at,
        ),
    ]
