"""The taxonomies the open data classifies services by (our HSDS profile, see the profile page).

Pillars and themes are rows in the catalogue, each with its own UUID. The taxonomies themselves
and the "kenmerken" (what a family asks first: for expecting parents, walk in, free, social
tariff) are fixed here, with UUIDs derived from one namespace so they never change.
"""

import uuid
from dataclasses import dataclass

from django.db.models import Q

from aanbod.models import Offer, Pillar, Theme

NAMESPACE = uuid.UUID("4f0b8a2e-6d1c-5c3a-9a57-1b7e0c2f5d10")


@dataclass(frozen=True)
class Taxonomy:
    code: str
    name: str
    description: str

    @property
    def id(self):
        return uuid.uuid5(NAMESPACE, f"taxonomy:{self.code}")


@dataclass(frozen=True)
class Term:
    id: uuid.UUID
    code: str
    name: str
    description: str
    taxonomy: Taxonomy


PILLARS = Taxonomy(
    "pillars",
    "Pijlers van het Huis van het Kind",
    "De vijf basispijlers van elk Huis van het Kind (engagementsverklaring, 2014), "
    "plus extra aanbod.",
)
THEMES = Taxonomy(
    "themes", "Thema's", "De onderwerpen van het aanbod van Huis van het Kind Leuven."
)
FEATURES = Taxonomy(
    "features",
    "Kenmerken",
    "Wat gezinnen vaak eerst vragen: voor aanstaande ouders, vrije inloop, gratis, sociaal tarief.",
)
TAXONOMIES = [PILLARS, THEMES, FEATURES]

# code → (name, description, the offers it applies to)
_FEATURES = {
    "expecting": (
        "Voor aanstaande ouders",
        "Ook voor wie een kind verwacht (de zwangerschap), los van de leeftijd van kinderen.",
        Q(for_expecting=True),
    ),
    "walk-in": (
        "Vrije inloop",
        "Binnenlopen zonder inschrijving.",
        Q(registration=Offer.Registration.WALK_IN),
    ),
    "free": ("Gratis", "Kost niets.", Q(cost=Offer.Cost.FREE)),
    "social-tariff": (
        "Sociaal tarief",
        "Betalend, met een sociaal tarief voor wie het nodig heeft.",
        Q(cost=Offer.Cost.SOCIAL),
    ),
}
FEATURE_TERMS = [
    Term(uuid.uuid5(NAMESPACE, f"feature:{code}"), code, name, description, FEATURES)
    for code, (name, description, _condition) in _FEATURES.items()
]
FEATURE_CONDITIONS = {term.id: _FEATURES[term.code][2] for term in FEATURE_TERMS}


def pillar_term(pillar):
    return Term(pillar.uuid, pillar.slug, pillar.name, pillar.description or pillar.name, PILLARS)


def theme_term(theme):
    return Term(theme.uuid, theme.slug, theme.name, theme.name, THEMES)


def all_terms():
    """Every term of every taxonomy: the pillars, the themes, the kenmerken."""
    return [
        *(pillar_term(pillar) for pillar in Pillar.objects.all()),
        *(theme_term(theme) for theme in Theme.objects.all()),
        *FEATURE_TERMS,
    ]


def feature_terms(offer):
    """The kenmerken that apply to an offer (read from its fields, no query)."""
    found = []
    if offer.for_expecting:
        found.append("expecting")
    if offer.registration == Offer.Registration.WALK_IN:
        found.append("walk-in")
    if offer.cost == Offer.Cost.FREE:
        found.append("free")
    elif offer.cost == Offer.Cost.SOCIAL:
        found.append("social-tariff")
    return [term for term in FEATURE_TERMS if term.code in found]


def offer_terms(offer):
    """Every term an offer is classified by; pillars and themes must be prefetched."""
    return [
        *(pillar_term(pillar) for pillar in offer.pillars.all()),
        *(theme_term(theme) for theme in offer.themes.all()),
        *feature_terms(offer),
    ]


def term_condition(term_id):
    """The offers classified by one term (a Q on Offer); no offer when the term is unknown."""
    if term_id in FEATURE_CONDITIONS:
        return FEATURE_CONDITIONS[term_id]
    return Q(
        pk__in=Offer.pillars.through.objects.filter(pillar__uuid=term_id).values("offer_id")
    ) | Q(pk__in=Offer.themes.through.objects.filter(theme__uuid=term_id).values("offer_id"))


def taxonomy_condition(taxonomy_id):
    """The offers classified by any term of one taxonomy (a Q on Offer)."""
    if taxonomy_id == PILLARS.id:
        return Q(pk__in=Offer.pillars.through.objects.values("offer_id"))
    if taxonomy_id == THEMES.id:
        return Q(pk__in=Offer.themes.through.objects.values("offer_id"))
    if taxonomy_id == FEATURES.id:
        condition = Q(pk__in=[])
        for feature in FEATURE_CONDITIONS.values():
            condition |= feature
        return condition
    return Q(pk__in=[])
