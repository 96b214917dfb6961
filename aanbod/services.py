"""Writes of the partner portal that span models or guard a rule: offers with their places,
times and activities, a partner's places, and handling error reports.

Lost updates: every write to an offer or to what belongs to it raises the offer's version in
one conditional UPDATE (`... WHERE version = <the version the form was made from>`). The
database makes a second, simultaneous save wait for the first and then find the version
changed, so it is refused (VersionConflict) and nothing of it is written. Callers run these
functions inside transaction.atomic().
"""

import uuid
from itertools import count

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import ErrorReport, Location, Offer, OfferLocation, ScheduleSlot


class VersionConflict(Exception):
    """Someone else saved the offer after the version the form was made from."""


def _claim_version(offer, expected):
    """Raise the stored version from `expected` to the next, or VersionConflict. Until the
    transaction ends, the offer's row is locked against other writers."""
    updated = Offer.objects.filter(pk=offer.pk, version=expected).update(version=F("version") + 1)
    if not updated:
        raise VersionConflict
    offer.version = expected + 1


def _bump_version(offer, **conditions):
    """Raise the version whatever it is (for a button, which has no form to be out of date),
    if the offer meets `conditions`; then read the offer as stored now. The row stays locked
    against other writers until the transaction ends."""
    updated = Offer.objects.filter(pk=offer.pk, **conditions).update(version=F("version") + 1)
    if updated:
        offer.refresh_from_db()
    return bool(updated)


def _save_with_history(offer, reason, m2m=None):
    """Save the offer and its many-to-many fields as one history record. (On its own,
    simple-history also writes a record for every many-to-many field that changes.)"""
    if m2m:
        offer.skip_history_when_saving = True
        try:
            for name, values in m2m.items():
                getattr(offer, name).set(values)
        finally:
            del offer.skip_history_when_saving
    offer._change_reason = reason
    offer.save()


# Addresses under /aanbod/ that are pages of their own, not offers (aanbod/urls.py).
RESERVED_SLUGS = {"lijstje"}


def unique_slug(model, text, *, fallback):
    base = slugify(text)[:150].strip("-") or fallback
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if model is Offer:
        taken |= RESERVED_SLUGS
    if base not in taken:
        return base
    return next(f"{base}-{number}" for number in count(2) if f"{base}-{number}" not in taken)


def _insert_with_slug(obj, text, *, fallback, save):
    """Insert with a slug made from `text`, unique even when two people create the same
    title at the same moment (the second one gets the next number)."""
    model = type(obj)
    for attempt in range(5):
        obj.slug = unique_slug(model, text, fallback=fallback)
        try:
            with transaction.atomic():
                save()
            return
        except IntegrityError:
            if attempt == 4 or not model.objects.filter(slug=obj.slug).exists():
                raise
            obj.pk = None


def _insert_offer(offer, m2m, reason):
    offer.status = Offer.Status.DRAFT
    offer.version = 1
    _insert_with_slug(
        offer, offer.title, fallback="aanbod", save=offer.save_without_historical_record
    )
    _save_with_history(offer, reason, m2m)
    # The record written after the many-to-many fields is the offer's first: call it so.
    offer.history.filter(history_id=offer.history.latest().history_id).update(history_type="+")


def offer_create(*, partner, form):
    """A new offer of `partner` from a valid OfferForm; it starts as a draft."""
    offer = form.save(commit=False)
    offer.provider = partner
    _insert_offer(offer, form.m2m_values(), "create")
    return offer


def offer_update(*, offer, form, base_version):
    """Save a valid OfferForm over the version it was made from. Saving the whole offer
    counts as confirming it is correct."""
    _claim_version(offer, base_version)
    offer = form.save(commit=False)
    offer.reviewed_at = timezone.now()
    _save_with_history(offer, "edit", form.m2m_values())
    return offer


def offer_save_locations(*, offer, formset, base_version):
    """Save where and when an offer happens (OfferLocationFormSet)."""
    _claim_version(offer, base_version)
    formset.save_all()
    offer.refresh_from_db()
    _save_with_history(offer, "places")


def offer_save_activities(*, offer, formset, base_version):
    """Save an offer's dated activities (ActivityFormSet)."""
    _claim_version(offer, base_version)
    formset.save_for(offer)
    offer.refresh_from_db()
    _save_with_history(offer, "activities")


STATUS_CHANGES = {
    # action: (statuses it applies to, new status)
    "publish": ({Offer.Status.DRAFT}, Offer.Status.PUBLISHED),
    "unpublish": ({Offer.Status.PUBLISHED}, Offer.Status.DRAFT),
    "archive": ({Offer.Status.DRAFT, Offer.Status.PUBLISHED}, Offer.Status.ARCHIVED),
    "restore": ({Offer.Status.ARCHIVED}, Offer.Status.DRAFT),
}


def offer_set_status(*, offer, action):
    """Publish, take offline, archive or bring back an offer. Returns False when the offer was
    not in a state the action applies to (e.g. published twice): nothing changes then.
    Publishing confirms the offer is correct."""
    applies_to, status = STATUS_CHANGES[action]
    if not _bump_version(offer, status__in=applies_to):
        return False
    offer.status = status
    if action == "publish":
        offer.reviewed_at = timezone.now()
    _save_with_history(offer, action)
    return True


def offer_mark_reviewed(*, offer):
    """Confirm the offer is still correct. The version stays: nothing anyone is typing into
    the form changes, so nobody's open form needs refusing."""
    offer.reviewed_at = timezone.now()
    offer._change_reason = "review"
    offer.save(update_fields=["reviewed_at", "updated_at"])


def offer_duplicate(*, offer):
    """A draft copy of an offer with its places and regular times, not its dated activities
    (those belong to the original)."""
    places = list(offer.offer_locations.prefetch_related("slots"))
    m2m = {
        "pillars": list(offer.pillars.all()),
        "themes": list(offer.themes.all()),
        "languages": list(offer.languages.all()),
        "co_providers": list(offer.co_providers.all()),
    }
    copy = Offer.objects.get(pk=offer.pk)
    copy.pk = copy.id = None
    copy._state.adding = True
    copy.uuid = uuid.uuid4()  # a new offer for the open data too
    copy.title = _("%(title)s (copy)") % {"title": offer.title}
    copy.title = copy.title[: Offer._meta.get_field("title").max_length]
    copy.reviewed_at = None
    copy.search_vector = None
    _insert_offer(copy, m2m, "duplicate")
    for place in places:
        new_place = OfferLocation.objects.create(
            offer=copy, location_id=place.location_id, schedule=place.schedule
        )
        for slot in place.slots.all():
            ScheduleSlot.objects.create(
                offer_location=new_place,
                weekday=slot.weekday,
                start_time=slot.start_time,
                end_time=slot.end_time,
            )
    return copy


def location_create(*, partner, form):
    """A new site of `partner` from a valid LocationForm."""
    location = form.save(commit=False)
    location.owner = partner
    location.kind = Location.Kind.PARTNER_SITE
    _insert_with_slug(location, location.name, fallback="plek", save=location.save)
    return location


def report_mark_handled(*, report, user):
    """Close a public error report. Returns False when it was handled already."""
    updated = ErrorReport.objects.filter(pk=report.pk, status=ErrorReport.Status.OPEN).update(
        status=ErrorReport.Status.HANDLED, handled_at=timezone.now(), handled_by=user
    )
    return bool(updated)
