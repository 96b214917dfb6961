"""A partner's portal is /mijn/<slug>/: a slug may not be one of the portal's own addresses."""

import pytest
from django.forms import modelform_factory
from django.urls import URLResolver, get_resolver, resolve, reverse

from partners.forms import RESERVED_PARTNER_SLUGS, PartnerAdminForm
from partners.models import Partner

PartnerForm = modelform_factory(Partner, form=PartnerAdminForm, fields=["name", "slug"])


def partner_data():
    return {"name": "Netwerk vzw", "slug": "netwerk", "kind": "nonprofit", "status": "active"}


def admin_data(**overrides):
    """The admin's add/change form for a partner, with its two inlines left empty."""
    data = {**partner_data(), **overrides}
    for prefix in ("memberships", "signatures"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data


def fixed_addresses_under_mijn():
    """The first path segment below /mijn/ of every URL that is not a partner's: the apps
    mounted at /mijn/<something>/ and the portal's own pages that start with a fixed word."""
    segments = set()
    for entry in get_resolver().url_patterns:
        if not isinstance(entry, URLResolver):
            continue
        # The pages under a language prefix: "mijn/netwerk/", "mijn/", ...
        for pattern in entry.url_patterns:
            route = str(pattern.pattern)
            if route == "mijn/":
                routes = [str(portal.pattern) for portal in pattern.url_patterns]
            elif route.startswith("mijn/"):
                routes = [route.removeprefix("mijn/")]
            else:
                continue
            segments |= {r.split("/")[0] for r in routes if r and not r.startswith("<")}
    return segments


def test_every_fixed_address_under_mijn_is_reserved():
    assert fixed_addresses_under_mijn() == RESERVED_PARTNER_SLUGS


@pytest.mark.parametrize("slug", sorted(RESERVED_PARTNER_SLUGS))
def test_a_reserved_slug_would_not_reach_the_partner_portal(slug):
    assert resolve(f"/mijn/{slug}/").view_name != "portal:dashboard"


@pytest.mark.parametrize("slug", ["netwerk", "Netwerk"])
def test_the_admin_form_refuses_a_reserved_slug(db, slug):
    form = PartnerForm(data={**partner_data(), "slug": slug})
    assert not form.is_valid()
    assert form.has_error("slug", "reserved_slug")
    assert f"“{slug}”" in form.errors["slug"][0]


def test_the_admin_form_accepts_an_ordinary_slug(db):
    form = PartnerForm(data={**partner_data(), "slug": "netwerk-vzw"})
    assert form.is_valid(), form.errors


def test_a_coordinator_cannot_add_a_partner_with_a_reserved_slug(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("admin:partners_partner_add"), admin_data())
    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("slug", "reserved_slug")
    assert not Partner.objects.filter(slug="netwerk").exists()


def test_a_coordinator_cannot_rename_a_partner_to_a_reserved_slug(client, coordinator, partner):
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:partners_partner_change", args=[partner.pk]),
        admin_data(name=partner.name),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.has_error("slug", "reserved_slug")
    partner.refresh_from_db()
    assert partner.slug == "gezinsbond"
