"""The public partner pages: who takes part in the network, with their offers and places.
They list offers and places by provider, so aanbod serves them (partners does not import aanbod)."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from common import usage
from partners.models import Partner

from ..models import Offer


def partner_list(request):
    # Two distinct counts: one join per relation would otherwise multiply each other's rows.
    published = Offer.Status.PUBLISHED
    # Aggregation drops Meta.ordering, so the order is explicit.
    partners = (
        Partner.objects.public()
        .annotate(
            provided_count=Count("offers", filter=Q(offers__status=published), distinct=True),
            co_provided_count=Count(
                "co_offers", filter=Q(co_offers__status=published), distinct=True
            ),
        )
        .order_by("name")
    )
    usage.count(request)
    return render(request, "aanbod/partner_list.html", {"partners": partners})


def partner_detail(request, slug):
    """A partner of the network, with its published offers and its places.

    Former partners answer 404, like an unknown slug: the site shows who takes part in the
    network now, and an old link should not suggest otherwise.
    """
    partner = get_object_or_404(Partner.objects.public(), slug=slug)
    offers = list(
        Offer.objects.published()
        .filter(Q(provider=partner) | Q(pk__in=partner.co_offers.values("pk")))
        .select_related("provider")
    )
    usage.count(request)
    return render(
        request,
        "aanbod/partner_detail.html",
        {
            "partner": partner,
            "provided_offers": [offer for offer in offers if offer.provider_id == partner.pk],
            "co_provided_offers": [offer for offer in offers if offer.provider_id != partner.pk],
            "locations": partner.locations.all(),
        },
    )
