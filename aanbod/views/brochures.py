"""Brochures: the offer at one place (a Huis van het Kind or another place) or of one pillar as
an A4 booklet -- a cover, the contents and a compact card per offer with a QR code to its page --
printed from the browser."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.emails import absolute_url
from common.qr import qr_svg

from ..models import (
    Activity,
    Location,
    Offer,
    OfferLocation,
    Pillar,
    not_in_lists,
    with_shown_texts,
)

# A booklet this long is already more than anyone carries around; the catalogue has the rest.
BROCHURE_MAX_OFFERS = 150
# The next activities a card names; the offer's page (behind the QR code) has them all.
CARD_ACTIVITIES = 3

PUBLISHED = Offer.Status.PUBLISHED


def brochure_list(request):
    """The brochures there are: one per place with published offers, one per pillar."""
    places = list(
        Location.objects.huizen_first()
        .annotate(
            offer_count=Count("offer_locations", filter=Q(offer_locations__offer__status=PUBLISHED))
        )
        .filter(offer_count__gt=0)
    )
    pillars = (
        Pillar.objects.annotate(offer_count=Count("offers", filter=Q(offers__status=PUBLISHED)))
        .filter(offer_count__gt=0)
        .order_by("order")
    )
    huizen = [place for place in places if place.kind == Location.Kind.HUIS_VAN_HET_KIND]
    others = [place for place in places if place.kind != Location.Kind.HUIS_VAN_HET_KIND]
    return render(
        request,
        "aanbod/brochure_list.html",
        {"huizen": huizen, "other_places": others, "pillars": pillars},
    )


def place_brochure(request, slug):
    location = get_object_or_404(Location, slug=slug)
    offers = Offer.objects.published().filter(offer_locations__location=location)
    return _brochure(request, offers, location=location, subject=location.name)


def pillar_brochure(request, slug):
    pillar = get_object_or_404(Pillar, slug=slug)
    offers = Offer.objects.published().filter(pillars=pillar)
    return _brochure(request, offers, pillar=pillar, subject=pillar.name)


def brochure_offers(offers):
    """The offers of a brochure in title order, with what their cards show, in a fixed number
    of queries: the offers (with their texts in the page's language), their languages, their
    places with the weekly times, and their next activities."""
    upcoming = (
        Activity.objects.upcoming()
        .filter(is_cancelled=False)
        .select_related("location")[:CARD_ACTIVITIES]
    )
    return with_shown_texts(
        offers.select_related("provider")
        .defer(*not_in_lists())
        .order_by("title", "pk")
        .prefetch_related(
            "languages",
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related("location").prefetch_related("slots"),
            ),
            Prefetch("activities", queryset=upcoming, to_attr="upcoming"),
        )
    )


def _brochure(request, offers, *, subject, location=None, pillar=None):
    offers = list(brochure_offers(offers)[: BROCHURE_MAX_OFFERS + 1])
    truncated = len(offers) > BROCHURE_MAX_OFFERS
    offers = offers[:BROCHURE_MAX_OFFERS]
    # The QR codes and printed addresses name the site's public address, whatever host the
    # brochure was printed from: the paper is handed on for months.
    for offer in offers:
        offer.page_url = absolute_url(offer.get_absolute_url())
        offer.qr_code = qr_svg(
            offer.page_url,
            title=_("QR code to the page of %(title)s") % {"title": offer.shown.title},
        )
    return render(
        request,
        "aanbod/brochure.html",
        {
            "subject": subject,
            "location": location,
            "pillar": pillar,
            "offers": offers,
            "truncated": truncated,
            "max_offers": BROCHURE_MAX_OFFERS,
            "printed_at": timezone.now(),
            "site_root": absolute_url(""),
            "site_home": absolute_url(reverse("home")),
        },
    )
