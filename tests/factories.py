"""Small builders for test data. Each returns a saved object; keyword arguments override."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from aanbod.models import Activity, Location, Offer, OfferLocation, Pillar
from partners.models import Declaration, Membership, Partner
from referrals.services import referral_send

_counter = itertools.count(1)


def make_user(email=None, **kwargs):
    email = email or f"user{next(_counter)}@example.org"
    kwargs.setdefault("username", email)
    return get_user_model().objects.create_user(email=email, password="correct horse 42", **kwargs)


def make_partner(name=None, **kwargs):
    name = name or f"Partner {next(_counter)}"
    kwargs.setdefault("slug", name.lower().replace(" ", "-"))
    return Partner.objects.create(name=name, **kwargs)


def make_member(partner, role=Membership.Role.EDITOR, **kwargs):
    user = make_user(**kwargs)
    Membership.objects.create(user=user, partner=partner, role=role)
    return user


def make_coordinator(**kwargs):
    user = make_user(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


def make_declaration(version="2014", effective_from=None, **kwargs):
    kwargs.setdefault("title", f"Engagementsverklaring {version}")
    kwargs.setdefault("text", f"De tekst van versie {version}.")
    effective_from = effective_from or timezone.localdate() - timedelta(days=30)
    return Declaration.objects.create(version=version, effective_from=effective_from, **kwargs)


def make_location(name=None, **kwargs):
    name = name or f"Plek {next(_counter)}"
    kwargs.setdefault("slug", name.lower().replace(" ", "-"))
    kwargs.setdefault("street", "Teststraat 1")
    kwargs.setdefault("postcode", "3000")
    return Location.objects.create(name=name, **kwargs)


def make_offer(provider=None, title=None, pillars=("onthaal-en-informatie",), **kwargs):
    title = title or f"Aanbod {next(_counter)}"
    kwargs.setdefault("slug", title.lower().replace(" ", "-"))
    kwargs.setdefault("summary", f"Korte uitleg over {title}.")
    kwargs.setdefault("status", Offer.Status.PUBLISHED)
    offer = Offer.objects.create(provider=provider or make_partner(), title=title, **kwargs)
    offer.pillars.set(Pillar.objects.filter(slug__in=pillars))
    return offer


def make_offer_location(offer, location=None, **kwargs):
    return OfferLocation.objects.create(offer=offer, location=location or make_location(), **kwargs)


def make_activity(offer, starts_in=timedelta(days=3), duration=timedelta(hours=2), **kwargs):
    starts_at = timezone.now() + starts_in
    return Activity.objects.create(
        offer=offer, starts_at=starts_at, ends_at=starts_at + duration, **kwargs
    )


def make_referral(sender, receiver, sent_by=None, **kwargs):
    """A referral sent with the family's consent, through the service (so with its first step)."""
    details = {
        "age_band": "0-3",
        "consent_by": "parent",
        "consent_on": timezone.localdate(),
        "consent_method": "spoken",
        "first_name": "Amira",
        "contact_method": "phone",
        "contact_detail": "0470 12 34 56",
        "language": "Arabisch",
        "interpreter_needed": True,
        "question": "Zoekt een plek om andere ouders te ontmoeten.",
        **kwargs,
    }
    return referral_send(sender=sender, user=sent_by, receiver=receiver, **details)
