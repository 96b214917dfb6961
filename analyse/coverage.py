"""Coverage: published offers counted per pillar × area × age band, and the gaps.

Every cell is counted from five queries, whatever the number of offers or cells: the offers'
bands, their format and service area, their pillars, their places' postcodes (folded in
Python), and the pillars.
"""

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from aanbod.models import POSTCODES, AgeBand, Location, Offer, OfferLocation, Pillar

from .models import REACHING_EVERYONE, Area

# A cell with this many offers or fewer is a gap: none, or one that families depend on alone.
GAP_AT_MOST = 1


def offer_areas(offers):
    """{offer id: set of Area values} for these offers: every deelgemeente the offer reaches
    (those of its places, and those of its service area: all five for all of Leuven, the chosen
    ones for some deelgemeenten), and home visits, phone or online for offers in that format.

    This is the one definition of which offers count for an area; the catalogue's `gemeente`
    and `vorm` filters, which the cells link to, select the same offers (the filter codes hold
    the postcodes of the places and of the service area, see aanbod.facets).
    """
    areas = defaultdict(set)
    places = OfferLocation.objects.filter(offer__in=offers.values("pk"))
    for offer_id, postcode in places.values_list("offer_id", "location__postcode").distinct():
        areas[offer_id].add(postcode)
    reaching = offers.filter(
        Q(format__in=REACHING_EVERYONE) | ~Q(service_area=Offer.ServiceArea.PLACES)
    ).values_list("pk", "format", "service_area", "service_postcodes")
    for offer_id, offer_format, service_area, postcodes in reaching:
        if offer_format in REACHING_EVERYONE:
            areas[offer_id].add(offer_format)
        if service_area == Offer.ServiceArea.LEUVEN:
            areas[offer_id].update(POSTCODES)
        elif service_area == Offer.ServiceArea.AREAS:
            areas[offer_id].update(postcodes)
    return areas


def offer_bands(offers):
    """{offer id: set of AgeBand values}, by Offer.objects.for_band, in one query."""
    names = {f"band_{index}": band for index, band in enumerate(AgeBand)}
    flags = offers.order_by().annotate(
        **{
            name: Exists(Offer.objects.for_band(band).filter(pk=OuterRef("pk")))
            for name, band in names.items()
        }
    )
    return {
        row[0]: {band for band, flag in zip(names.values(), row[1:], strict=True) if flag}
        for row in flags.values_list("pk", *names)
    }


@dataclass
class Coverage:
    pillars: list
    # {(pillar id, area, band): number of offers}
    counts: dict

    def count(self, pillar, area, band):
        return self.counts.get((pillar.pk, area, band), 0)

    def gaps(self):
        """(pillar, area, band, count) of every cell with GAP_AT_MOST offers or fewer."""
        return [
            (pillar, area, band, count)
            for pillar in self.pillars
            for area in Area
            for band in AgeBand
            if (count := self.count(pillar, area, band)) <= GAP_AT_MOST
        ]


def coverage(offers):
    """Count `offers` (published ones, already filtered as asked) in every cell."""
    bands = offer_bands(offers)
    areas = offer_areas(offers)
    counts = defaultdict(int)
    pairs = Offer.pillars.through.objects.filter(offer__in=offers.values("pk"))
    for offer_id, pillar_id in pairs.values_list("offer_id", "pillar_id"):
        for area in areas.get(offer_id, ()):
            for band in bands.get(offer_id, ()):
                counts[pillar_id, area, band] += 1
    return Coverage(pillars=list(Pillar.objects.order_by("order")), counts=dict(counts))


def catalogue_url(filters, pillar, area, band):
    """The public catalogue with the cell's offers: the page's filters, the cell's pillar, area
    and band."""
    params = [(name, value) for name, value in filters if value not in ("", None, False)]
    params.append(("pijler", pillar.slug))
    params.append(("vorm" if area in REACHING_EVERYONE else "gemeente", area))
    params.append(("voor", band))
    return f"{reverse('aanbod:offer_list')}?{urlencode(params)}"


def huizen_pillars():
    """[(Huis van het Kind, {basic pillar ids offered there})] with published offers. Two
    queries."""
    huizen = list(Location.objects.filter(kind=Location.Kind.HUIS_VAN_HET_KIND).order_by("name"))
    offered = defaultdict(set)
    rows = OfferLocation.objects.filter(
        location__in=huizen, offer__status=Offer.Status.PUBLISHED, offer__pillars__is_basic=True
    ).values_list("location_id", "offer__pillars")
    for location_id, pillar_id in rows.distinct():
        offered[location_id].add(pillar_id)
    return [(huis, offered[huis.pk]) for huis in huizen]
