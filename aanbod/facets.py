"""The filter codes of offers (``Offer.facets``): their format, defined once for Python and SQL.

A code is a prefix and a value: ``p3`` is the pillar with id 3. The triggers in
aanbod/sql/facets.sql write the codes, with the prefixes of :class:`Facet` filled in when a
migration applies that file (aanbod/sql/__init__.py); the catalogue's filters and the search's
typo fallback look for them with :func:`has_any`.
"""

from enum import StrEnum, unique

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q


@unique
class Facet(StrEnum):
    """The prefix of each kind of code, and what follows it."""

    PILLAR = "p"  # the pillar's id
    THEME = "t"  # the theme's id
    LANGUAGE = "l"  # the language's id
    POSTCODE = "g"  # a postcode ("gemeente") of one of the offer's places or its service area
    SLOT_WEEKDAY = "d"  # the ISO weekday (1-7) of one of its weekly slots
    ACTIVITY_WEEKDAY = "s"  # the weekday in Leuven of one of its activities, if not cancelled

    def code(self, value):
        return f"{self}{value}"

    def codes(self, values):
        return [self.code(value) for value in values]


def has_any(*codes):
    """Offers with at least one of these codes; the GIN index on ``Offer.facets`` serves it.

    The codes are plain letters and digits, so the 'simple' configuration keeps them as they
    are.
    """
    return Q(facets=SearchQuery(" | ".join(codes), search_type="raw", config="simple"))
