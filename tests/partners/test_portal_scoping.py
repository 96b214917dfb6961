"""Every URL of the partner portal, asked for another partner's data: 404 and nothing changed.

The URL list comes from the resolver, so a new portal URL is checked without anyone having to
remember it. A URL with a new kind of id fails here until URL_ARGUMENTS knows how to fill it.
"""

import pytest
from django.core import mail
from django.urls import get_resolver, reverse

from aanbod.models import (
    Activity,
    ErrorReport,
    FormSubmission,
    Location,
    Offer,
    OfferLocation,
    OfferTranslation,
    ScheduleSlot,
)
from partners.models import Invitation, Membership, Partner, Signature
from referrals.models import AccessLogEntry, Referral, ReferralEvent
from tests import factories


def portal_patterns():
    """(name, argument names) of every URL pattern in the portal namespace."""
    _prefix, resolver = get_resolver().namespace_dict["portal"]
    patterns = []
    for pattern in resolver.url_patterns:
        assert pattern.name, f"Name the portal URL {pattern.pattern}, so it can be tested."
        patterns.append((pattern.name, tuple(pattern.pattern.converters)))
    return patterns


PATTERNS = portal_patterns()
WITH_PARTNER = [(name, args) for name, args in PATTERNS if "slug" in args]
WITHOUT_PARTNER = [(name, args) for name, args in PATTERNS if "slug" not in args]
# URLs that name an object of the partner besides the partner (a file format names none).
WITH_OBJECT = [(name, args) for name, args in WITH_PARTNER if set(args) - {"slug", "file_format"}]
METHODS = ["get", "post"]

# Whatever a form on any portal page might accept, so a POST would change something if the
# scoping let it through.
POST_DATA = {
    "email": "intruder@example.org",
    "role": "manager",
    "description": "Changed by another partner",
    "phone": "+32 16 00 00 00",
    "website": "https://example.org",
    "address": "Elders 1",
    "title": "Changed by another partner",
    "summary": "Changed",
    "status": "published",
    "version": "1",
    "form_key": "6a1f3c0e-8d0b-4b8e-9a53-1c7d2f4e5a61",
    "name": "Changed by another partner",
    "street": "Elders 1",
    "postcode": "3000",
    "age_from_years": "0",
    "age_to_years": "3",
    "cost": "free",
    "registration": "walk_in",
    "format": "in_person",
    "pillars": "1",
    "target": "p-1",
    "consent": "yes",
    "token": "forged",
    "decline-reason": "other",
    "close-outcome": "helped",
    "next": "/",
    "signed_by": "Iemand van elders",
    "signer_role": "directeur",
    "signed": "on",
}


@pytest.fixture
def targets(partner, manager, editor):
    """An object of each kind that belongs to `partner`, to aim the URLs at."""
    invitation = Invitation.objects.create(partner=partner, email="invited@example.org")
    offer = factories.make_offer(partner, "Van de partner", status=Offer.Status.DRAFT)
    site = factories.make_location("Zaal van de partner", owner=partner)
    place = factories.make_offer_location(offer, site)
    ScheduleSlot.objects.create(
        offer_location=place, weekday=1, start_time="09:00", end_time="12:00"
    )
    factories.make_activity(offer)
    OfferTranslation.objects.create(
        offer=offer, language="fr", title="De la partenaire", summary="…"
    )
    report = ErrorReport.objects.create(offer=offer, message="Klopt niet")
    # Sent by the partner to a third one: the outsider's partner is on neither side.
    referral = factories.make_referral(partner, factories.make_partner("Derde partner vzw"))
    factories.make_declaration("2030")  # not signed by the partner yet
    return {
        "slug": partner.slug,
        "membership_id": Membership.objects.get(user=editor, partner=partner).pk,
        "invitation_id": invitation.pk,
        "offer_id": offer.pk,
        "location_id": site.pk,
        "report_id": report.pk,
        "referral_id": referral.pk,
        "file_format": "csv",
        "language": "fr",
    }


def url_for(name, args, targets, **override):
    values = {**targets, **override}
    missing = [arg for arg in args if arg not in values]
    if missing:
        pytest.fail(
            f"portal:{name} takes {missing}: add an object of the target partner to `targets` "
            "in tests/partners/test_portal_scoping.py."
        )
    return reverse(f"portal:{name}", kwargs={arg: values[arg] for arg in args})


def snapshot():
    """Everything a portal URL could change."""
    return (
        list(Partner.objects.order_by("pk").values()),
        list(Membership.objects.order_by("pk").values()),
        list(Invitation.objects.order_by("pk").values()),
        list(Offer.objects.order_by("pk").values()),
        list(Location.objects.order_by("pk").values()),
        list(OfferLocation.objects.order_by("pk").values()),
        list(ScheduleSlot.objects.order_by("pk").values()),
        list(Activity.objects.order_by("pk").values()),
        list(OfferTranslation.objects.order_by("pk").values()),
        list(ErrorReport.objects.order_by("pk").values()),
        list(Referral.objects.order_by("pk").values()),
        list(ReferralEvent.objects.order_by("pk").values()),
        AccessLogEntry.objects.count(),
        list(Signature.objects.order_by("pk").values()),
        Partner.history.count(),
        Membership.history.count(),
        Offer.history.count(),
        Location.history.count(),
        Activity.history.count(),
        FormSubmission.objects.count(),
        len(mail.outbox),
    )


def request(client, method, url):
    if method == "post":
        role_fields = {
            f"m{pk}-role": "manager" for pk in Membership.objects.values_list("pk", flat=True)
        }
        return client.post(url, {**POST_DATA, **role_fields})
    return client.get(url)


def test_the_portal_has_urls_to_check():
    names = {name for name, _ in WITH_PARTNER}
    assert {"dashboard", "team", "member_role", "member_remove", "profile"} <= names
    assert {
        "offer_list",
        "offer_create",
        "offer_edit",
        "offer_locations",
        "offer_activities",
        "offer_preview",
        "offer_history",
        "offer_publish",
        "offer_unpublish",
        "offer_archive",
        "offer_restore",
        "offer_reviewed",
        "offer_duplicate",
        "offer_translations",
        "offer_translation_edit",
        "translation_list",
        "location_list",
        "location_create",
        "location_edit",
        "report_list",
        "report_handled",
        "referral_list",
        "referral_create",
        "referral_no_consent",
        "referral_detail",
        "referral_accept",
        "referral_decline",
        "referral_pass_on",
        "referral_contact_made",
        "referral_close",
        "referral_withdraw",
    } <= names


@pytest.fixture(params=["another partner", "no partner"])
def stranger(request, outsider):
    """Another partner's editor, or an account that works for no partner at all."""
    if request.param == "another partner":
        return outsider
    return factories.make_user(email="zonder.partner@example.org")


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("name", "args"), WITH_PARTNER, ids=[n for n, _ in WITH_PARTNER])
def test_another_partners_url_is_not_found_and_changes_nothing(
    client, stranger, targets, name, args, method
):
    url = url_for(name, args, targets)
    client.force_login(stranger)
    before = snapshot()
    response = request(client, method, url)
    assert response.status_code == 404, f"{method.upper()} {url}"
    assert snapshot() == before


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(
    ("name", "args"),
    [(name, args) for name, args in WITH_OBJECT],
    ids=[name for name, args in WITH_OBJECT],
)
def test_another_partners_object_under_ones_own_partner_is_not_found(
    client, outsider, other_partner, targets, name, args, method
):
    # The outsider's own partner in the URL, the target partner's object id after it.
    url = url_for(name, args, targets, slug=other_partner.slug)
    Membership.objects.filter(user=outsider).update(role=Membership.Role.MANAGER)
    client.force_login(outsider)
    before = snapshot()
    response = request(client, method, url)
    assert response.status_code == 404, f"{method.upper()} {url}"
    assert snapshot() == before


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize(("name", "args"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_anonymous_people_are_sent_to_login_and_change_nothing(client, targets, name, args, method):
    url = url_for(name, args, targets)
    before = snapshot()
    response = request(client, method, url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert snapshot() == before


@pytest.mark.parametrize(("name", "args"), WITHOUT_PARTNER, ids=[n for n, _ in WITHOUT_PARTNER])
def test_pages_without_a_partner_do_not_show_another_partner(
    client, stranger, partner, targets, name, args
):
    client.force_login(stranger)
    response = client.get(url_for(name, args, targets))
    assert response.status_code == 200
    assert partner.name not in response.content.decode()
