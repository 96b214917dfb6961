"""Helpers shared by the portal's offer, place and report pages (aanbod/views/manage_*.py).

Every object is fetched through its scoping method (Offer.objects.editable_by(user), ...)
*and* must belong to the partner in the URL, so another partner's object answers 404 whatever
partner the URL names.
"""

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect

from .. import submissions
from ..models import Offer
from ..review import needs_review, review_cutoff


def offer_for(request, partner, offer_id):
    """The partner's offer with this id, if the person may edit it; else 404."""
    return get_object_or_404(
        Offer.objects.editable_by(request.user).filter(provider=partner).select_related("provider"),
        pk=offer_id,
    )


def last_change(obj):
    """The newest history record of an offer or place, with who made it (or None)."""
    return obj.history.select_related("history_user").order_by("-history_date").first()


def mark_freshness(offers):
    """Set `needs_review` on each offer, for the highlight on the portal pages. Only what the
    public sees needs checking: a draft is confirmed when it is published."""
    cutoff = review_cutoff()
    for offer in offers:
        offer.needs_review = offer.is_public and needs_review(offer, cutoff)
    return offers


def save_once(request, form_key, save, fallback):
    """Run `save` (which returns the URL to go on to) once per form key, in one transaction.

    A repeated submit (a double click, a reload) goes where the first one went and saves
    nothing. Exceptions from `save` (e.g. VersionConflict) pass to the caller, nothing saved.
    """
    try:
        with transaction.atomic():
            submission = submissions.claim(key=form_key, user=request.user)
            url = save()
            submissions.finish(submission, url)
    except submissions.AlreadySubmitted as done:
        return redirect(done.redirect_to or fallback)
    return redirect(url)
