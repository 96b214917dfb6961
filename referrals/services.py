"""Every write of a referral: sending it, each step of its life, the scheduled expiry and
erasure, and the coordinators' access requests. E-mails go out after the transaction commits,
so a rolled-back change sends nothing."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from aanbod.review import months_before
from common import outbox

from . import emails
from .crypto import contact_lookup
from .models import (
    ENDED,
    SEARCHABLE,
    WAITING,
    AccessLogEntry,
    Referral,
    ReferralEvent,
    Status,
)

WARN_DAYS_BEFORE_EXPIRY = 3


class StepRefused(Exception):
    """The step does not fit the referral's status (someone else was quicker) or the side the
    partner is on."""


@dataclass(frozen=True)
class Step:
    status: str
    side: str | None  # who may take it: "sender", "receiver", or None for the scheduled job
    after: tuple  # the statuses it may follow


STEPS = {
    "open": Step(Status.OPENED, "receiver", (Status.SENT, Status.PASSED_ON)),
    "accept": Step(Status.ACCEPTED, "receiver", WAITING),
    "decline": Step(Status.DECLINED, "receiver", WAITING),
    "pass_on": Step(Status.PASSED_ON, "receiver", WAITING),
    "contact_made": Step(Status.CONTACT_MADE, "receiver", (Status.ACCEPTED,)),
    "close": Step(Status.CLOSED, "receiver", (Status.ACCEPTED, Status.CONTACT_MADE)),
    "withdraw": Step(Status.WITHDRAWN, "sender", (*WAITING, Status.ACCEPTED, Status.CONTACT_MADE)),
    "expire": Step(Status.EXPIRED, None, WAITING),
}
# The receiving partner's answer: the time to answer is measured to the first of these.
ANSWERS = {"accept", "decline", "pass_on"}


def steps_for(referral, side):
    """The steps a side may take now (the page shows these buttons and forms)."""
    if referral.is_erased:
        return set()
    return {
        name
        for name, step in STEPS.items()
        if step.side == side and referral.status in step.after and name != "open"
    }


def referral_send(
    *, sender, user, receiver, offer=None, huis=None, form_key=None, now=None, **details
):
    """Create and send a referral whose consent was recorded. Raises ValidationError, and
    IntegrityError when the same form was sent before."""
    now = now or timezone.now()
    referral = Referral(
        sender=sender,
        sent_by=user,
        receiver=receiver,
        offer=offer,
        huis=huis,
        form_key=form_key,
        created_at=now,
        waiting_since=now,
        **details,
    )
    if referral.contact_method in SEARCHABLE:
        referral.contact_lookup = contact_lookup(referral.contact_detail)
    # The form key is unique: a second send of the same form fails on save (IntegrityError).
    referral.full_clean(validate_unique=False)
    with transaction.atomic():
        referral.save()
        ReferralEvent.objects.create(
            referral=referral, status=Status.SENT, at=now, by=user, partner=sender
        )
        messages = emails.new_referral(referral)
        outbox.queue(messages)
    return referral


def referral_step(
    *,
    referral,
    step,
    partner=None,
    user=None,
    reason="",
    outcome="",
    note="",
    passed_to=None,
    now=None,
):
    """Take one step of the referral's life for `partner`'s side. The row is locked and its
    status checked again, so of two people answering at once only the first one counts.
    Raises StepRefused."""
    now = now or timezone.now()
    rule = STEPS[step]
    with transaction.atomic():
        current = (
            Referral.objects.select_for_update(of=("self",))
            .select_related("sender", "receiver", "sent_by")
            .get(pk=referral.pk)
        )
        if current.status not in rule.after or current.is_erased:
            raise StepRefused(step)
        if rule.side is not None:
            side = current.sender_id if rule.side == "sender" else current.receiver_id
            if partner is None or partner.pk != side:
                raise StepRefused(step)
        if step == "pass_on" and passed_to.pk in (current.sender_id, current.receiver_id):
            raise StepRefused(step)
        current.status = rule.status
        if step in ANSWERS and current.answered_at is None:
            current.answered_at = now
        if step == "pass_on":
            current.receiver = passed_to
            current.offer = None
            current.huis = None
            current.waiting_since = now
            current.expiry_warned_at = None
        if step == "close":
            current.outcome = outcome
        if rule.status in ENDED:
            current.ended_at = now
        current.save()
        event = ReferralEvent.objects.create(
            referral=current,
            status=rule.status,
            at=now,
            by=user,
            partner=partner,
            passed_to=passed_to,
            reason=reason,
            outcome=outcome,
            note=note,
        )
        # The sender hears of every step; the receiving side of the sender's own step and of
        # the expiry; a partner it is passed on to gets it as a new referral.
        messages = emails.step_taken(current, event, to_receiver=step == "withdraw")
        if step == "expire":
            messages += emails.step_taken(current, event, to_receiver=True)
        if step == "pass_on":
            messages += emails.new_referral(current)
        outbox.queue(messages)
    return current


def log_access(*, user, action, referrals, partner=None):
    AccessLogEntry.objects.bulk_create(
        AccessLogEntry(user=user, partner=partner, referral=referral, action=action)
        for referral in referrals
    )


@dataclass
class Expiry:
    warned: list
    expired: list


def expire_referrals(*, now=None):
    """Warn both sides of each unanswered referral WARN_DAYS_BEFORE_EXPIRY days before it
    expires (once per receiver), and expire those unanswered for REFERRAL_EXPIRY_DAYS."""
    now = now or timezone.now()
    days = settings.REFERRAL_EXPIRY_DAYS
    expire_before = now - timedelta(days=days)
    warn_before = now - timedelta(days=days - WARN_DAYS_BEFORE_EXPIRY)
    expired = [
        referral_step(referral=referral, step="expire", now=now)
        for referral in Referral.objects.waiting().filter(waiting_since__lte=expire_before)
    ]
    warned = []
    for referral in Referral.objects.waiting().filter(
        waiting_since__lte=warn_before, expiry_warned_at__isnull=True
    ):
        with transaction.atomic():
            # Only the run that marks the referral warns, even when two runs overlap.
            if not Referral.objects.filter(pk=referral.pk, expiry_warned_at__isnull=True).update(
                expiry_warned_at=now
            ):
                continue
            referral = Referral.objects.select_related("sender", "receiver", "sent_by").get(
                pk=referral.pk
            )
            messages = emails.expiry_warning(referral, referral.waiting_since + timedelta(days))
            outbox.queue(messages)
        warned.append(referral)
    return Expiry(warned=warned, expired=expired)


def referral_erase(*, referrals, now=None):
    """Erase the family's details of these referrals (and the notes of their steps); what is
    left (partners, dates, statuses, outcome) identifies nobody. Returns how many were erased."""
    now = now or timezone.now()
    pks = list(referrals.filter(erased_at__isnull=True).values_list("pk", flat=True))
    with transaction.atomic():
        ReferralEvent.objects.filter(referral__in=pks).exclude(note="").update(note="")
        return Referral.objects.filter(pk__in=pks).update(
            erased_at=now, contact_lookup="", **dict.fromkeys(Referral.PERSONAL_FIELDS, "")
        )


def erase_ended_referrals(*, now=None):
    """The scheduled erasure: details of referrals that ended REFERRAL_RETENTION_MONTHS ago."""
    now = now or timezone.now()
    cutoff = months_before(now, settings.REFERRAL_RETENTION_MONTHS)
    return referral_erase(referrals=Referral.objects.ended_before(cutoff), now=now)


def rotate_keys(*, batch_size=200):
    """Encrypt every stored detail again with the first key of REFERRAL_KEYS and recompute the
    lookup hashes with REFERRAL_LOOKUP_KEY. Returns the number of referrals rewritten."""
    count = 0
    fields = [*Referral.PERSONAL_FIELDS, "contact_lookup"]
    with transaction.atomic():
        batch = []
        for referral in Referral.objects.filter(erased_at__isnull=True).iterator(batch_size):
            if referral.contact_method in SEARCHABLE:
                referral.contact_lookup = contact_lookup(referral.contact_detail)
            batch.append(referral)
            if len(batch) == batch_size:
                count += Referral.objects.bulk_update(batch, fields)
                batch = []
        count += Referral.objects.bulk_update(batch, fields) if batch else 0
        events = list(ReferralEvent.objects.exclude(note=""))
        ReferralEvent.objects.bulk_update(events, ["note"], batch_size=batch_size)
    return count
