"""The preview: an offer's public page as it will look, for its own staff only, marked as a
preview and kept out of search engines."""

from datetime import timedelta

import pytest

from aanbod.models import Offer
from tests import factories
from tests.aanbod.staff import portal_url

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture
def draft(partner):
    offer = factories.make_offer(
        partner, "Nieuw aanbod", status=Offer.Status.DRAFT, summary="Nog geheim."
    )
    factories.make_offer_location(offer, factories.make_location("Zaal"))
    factories.make_activity(offer, title="Eerste keer")
    return offer


def test_a_draft_is_shown_as_the_public_will_see_it_with_a_preview_banner(
    client, editor, partner, draft
):
    client.force_login(editor)
    response = client.get(portal_url("offer_preview", partner, draft.pk))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "aanbod/offer_detail.html"
    html = response.content.decode()
    assert "Zo zien ouders deze pagina." in html
    assert "publiceer het aanbod eerst" in html
    assert "Nog geheim." in html
    assert "Zaal" in html
    assert "Eerste keer" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_public_and_other_partners_do_not_see_the_draft(client, outsider, partner, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(outsider)
    assert client.get(portal_url("offer_preview", partner, draft.pk)).status_code == 404


def test_the_public_page_has_no_preview_banner(client, partner):
    offer = factories.make_offer(partner, "Openbaar")
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "Zo zien ouders deze pagina." not in html
    assert "noindex" not in html


def test_the_preview_has_a_constant_number_of_queries(
    client, editor, partner, draft, django_assert_max_num_queries
):
    for day in range(2, 8):
        factories.make_activity(draft, starts_in=timedelta(days=day))
        factories.make_offer_location(draft)
    client.force_login(editor)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(portal_url("offer_preview", partner, draft.pk)).status_code == 200


def test_the_preview_costs_a_coordinator_one_query_more(
    client, coordinator, partner, draft, django_assert_max_num_queries
):
    # The public page's own queries, plus the activity, the person and the Coordinators group.
    client.force_login(coordinator)
    with django_assert_max_num_queries(MAX_QUERIES + 1):
        assert client.get(portal_url("offer_preview", partner, draft.pk)).status_code == 200
