"""The places where the offer happens: the Huizen van het Kind first, then the other places."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from common import usage
from partners.models import Partner

from ..models import Activity, Location, Offer, not_in_lists

# The place page lists the next activities there; the agenda, filtered on the place, has all.
LOCATION_ACTIVITIES = 10


def map_markers(places):
    """The markers of a map (common/templatetags/maps.py) for (location, offers) pairs, in
    order; places without coordinates are left out."""
    return [
        {
            "name": location.name,
            "address": location.address,
            "lat": float(location.latitude),
            "lng": float(location.longitude),
            "url": location.get_absolute_url(),
            "offers": [{"title": offer.title, "url": offer.get_absolute_url()} for offer in offers],
        }
        for location, offers in places
        if location.latitude is not None and location.longitude is not None
    ]


def _owner_is_public(location):
    return location.owner is not None and location.owner.status != Partner.Status.FORMER


def location_list(request):
    locations = list(
        Location.objects.huizen_first()
        .select_related("owner")
        .annotate(
            offer_count=Count(
                "offer_locations",
                filter=Q(offer_locations__offer__status=Offer.Status.PUBLISHED),
            )
        )
    )
    huizen = [loc for loc in locations if loc.kind == Location.Kind.HUIS_VAN_HET_KIND]
    others = [loc for loc in locations if loc.kind != Location.Kind.HUIS_VAN_HET_KIND]
    groups = [("huizen", _("Huizen van het Kind"), huizen), ("other", _("Other places"), others)]
    usage.count(request)
    return render(
        request,
        "aanbod/location_list.html",
        {
            "groups": [group for group in groups if group[2]],
            "markers": map_markers((location, ()) for location in locations),
        },
    )


def location_detail(request, slug):
    location = get_object_or_404(Location.objects.select_related("owner"), slug=slug)
    offer_locations = (
        location.offer_locations.filter(offer__status=Offer.Status.PUBLISHED)
        .select_related("offer__provider")
        .defer(*not_in_lists("offer__"))
        .prefetch_related("slots")
        .order_by("offer__title")
    )
    activities = (
        Activity.objects.upcoming()
        .filter(location=location)
        .select_related("offer")
        .defer(*not_in_lists("offer__"))[:LOCATION_ACTIVITIES]
    )
    usage.count(request)
    return render(
        request,
        "aanbod/location_detail.html",
        {
            "location": location,
            "owner_is_public": _owner_is_public(location),
            "offer_locations": offer_locations,
            "activities": activities,
            "activity_limit": LOCATION_ACTIVITIES,
        },
    )
