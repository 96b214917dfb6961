"""The public partner pages: who takes part in the network, what they offer, where."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aanbod.models import Offer
from partners.models import Partner
from tests import factories

pytestmark = pytest.mark.django_db

LIST_MAX_QUERIES = 2
DETAIL_MAX_QUERIES = 4
LIST_URL = reverse("partners:list")

# The smallest valid GIF: one transparent pixel.
PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def assert_headings_in_order(html):
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_it_lists_active_and_candidate_partners_but_not_former_ones(client, partner):
    factories.make_partner("Nieuwe Buurtwerking", status=Partner.Status.CANDIDATE)
    factories.make_partner("Vroeger Partner vzw", status=Partner.Status.FORMER)

    html = client.get(LIST_URL).text

    assert f'<a href="/partners/{partner.slug}/">Gezinsbond vzw</a>' in html
    assert "Nieuwe Buurtwerking" in html
    assert "kandidaat-partner" in html
    assert "Vroeger Partner vzw" not in html
    assert_headings_in_order(html)


def test_the_list_is_in_alphabetical_order(client):
    for name in ("Sporen vzw", "Amber vzw", "Kind en Gezin", "Bakermat vzw"):
        factories.make_partner(name)

    html = client.get(LIST_URL).text

    positions = [html.index(name) for name in ("Amber", "Bakermat", "Kind en Gezin", "Sporen")]
    assert positions == sorted(positions)


def test_the_list_counts_only_published_offers_as_provider_and_co_provider(
    client, partner, other_partner
):
    factories.make_offer(partner)
    factories.make_offer(partner, status=Offer.Status.DRAFT)
    together = factories.make_offer(other_partner)
    together.co_providers.add(partner)

    html = client.get(LIST_URL).text

    gezinsbond = html[html.index("Gezinsbond vzw") : html.index("Wigwam vzw")]
    assert "Aanbod: 2" in gezinsbond


def test_the_list_needs_the_same_number_of_queries_for_many_partners(
    client, django_assert_max_num_queries
):
    for number in range(20):
        provider = factories.make_partner(f"Organisatie {number}")
        factories.make_offer(provider).co_providers.add(factories.make_partner())

    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        response = client.get(LIST_URL)

    assert response.text.count("Organisatie ") == 20


def test_a_partner_page_shows_its_description_contact_and_since_when(client, partner):
    Partner.objects.filter(pk=partner.pk).update(
        description="De Gezinsbond komt op voor alle gezinnen.",
        website="https://www.gezinsbond.be/",
        email="info@example.org",
        phone="02 507 88 88",
        partner_since=date(2014, 11, 13),
    )

    html = client.get(partner.get_absolute_url()).text

    assert '<h1 class="mb-1">Gezinsbond vzw</h1>' in html
    assert "De Gezinsbond komt op voor alle gezinnen." in html
    assert '<a href="https://www.gezinsbond.be/">' in html
    assert 'href="mailto:info@example.org"' in html
    assert 'href="tel:025078888"' in html
    assert 'partner sinds <time datetime="2014-11-13">13 november 2014</time>' in html
    assert_headings_in_order(html)


def test_a_partner_logo_has_alt_text(client, partner, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    partner.logo = SimpleUploadedFile("gezinsbond.gif", PIXEL, content_type="image/gif")
    partner.save()

    html = client.get(partner.get_absolute_url()).text

    logo = re.search(r'<img class="partner-logo" src="([^"]+)" alt="([^"]+)">', html)
    assert logo.group(1).startswith("/media/partners/logos/gezinsbond")
    assert logo.group(2) == "Logo van Gezinsbond vzw"


def test_a_partner_page_lists_published_offers_as_provider_and_as_co_provider(
    client, partner, other_partner
):
    factories.make_offer(partner, "Opvoedingswinkel")
    factories.make_offer(partner, "Nog een klad", status=Offer.Status.DRAFT)
    together = factories.make_offer(other_partner, "Samen spelen")
    together.co_providers.add(partner)
    archived = factories.make_offer(other_partner, "Oud samenwerkingsproject")
    archived.co_providers.add(partner)
    Offer.objects.filter(pk=archived.pk).update(status=Offer.Status.ARCHIVED)
    factories.make_offer(other_partner, "Alleen van Wigwam")

    html = client.get(partner.get_absolute_url()).text

    assert '<a href="/aanbod/opvoedingswinkel/">Opvoedingswinkel</a>' in html
    assert '<a href="/aanbod/samen-spelen/">Samen spelen</a>' in html
    assert "georganiseerd door Wigwam vzw" in html
    assert "Nog een klad" not in html
    assert "Oud samenwerkingsproject" not in html
    assert "Alleen van Wigwam" not in html


def test_a_partner_page_lists_its_places(client, partner):
    factories.make_location("Gezinsbond Heverlee", owner=partner, postcode="3001")

    html = client.get(partner.get_absolute_url()).text

    assert '<a href="/plekken/gezinsbond-heverlee/">Gezinsbond Heverlee</a>' in html


def test_a_candidate_partner_has_a_page(client):
    candidate = factories.make_partner("Nieuwe Buurtwerking", status=Partner.Status.CANDIDATE)
    assert client.get(candidate.get_absolute_url()).status_code == 200


def test_a_former_partner_page_is_not_found(client):
    former = factories.make_partner("Vroeger Partner vzw", status=Partner.Status.FORMER)
    assert client.get(former.get_absolute_url()).status_code == 404


def test_an_unknown_partner_is_not_found(client):
    assert client.get(reverse("partners:detail", args=["bestaat-niet"])).status_code == 404


def test_a_partner_page_needs_the_same_number_of_queries_for_many_offers(
    client, django_assert_max_num_queries, partner, other_partner
):
    for number in range(10):
        factories.make_offer(partner, f"Eigen aanbod {number}")
        factories.make_offer(other_partner, f"Gedeeld aanbod {number}").co_providers.add(partner)
        factories.make_location(f"Plek {number} van de Gezinsbond", owner=partner)

    with django_assert_max_num_queries(DETAIL_MAX_QUERIES):
        response = client.get(partner.get_absolute_url())

    assert response.text.count(">Eigen aanbod") == 10
    assert response.text.count(">Gedeeld aanbod") == 10
