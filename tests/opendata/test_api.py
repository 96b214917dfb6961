"""The Open Referral HSDS 3.0 API: every answer validates against the HSDS schemas, pages and
filters behave as HSDS says, and nothing unpublished ever appears."""

import json
import uuid
from datetime import time, timedelta

import pytest
from django.utils import timezone

from aanbod.models import Language, Offer, Pillar, ScheduleSlot, Theme
from opendata import taxonomy
from partners.models import Partner
from tests import factories

from .hsds_schemas import assert_valid, needs_schemas

pytestmark = pytest.mark.django_db

API = "/api/hsds/"


def get_json(client, path, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def ndjson(client, path, **params):
    response = client.get(API + path, {"format": "ndjson", **params})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in response.content.decode().splitlines()]


def ids(page):
    return [item["id"] for item in page["contents"]]


@pytest.fixture
def catalogue(partner, other_partner, editor):
    """A published offer with everything HSDS can say about it, a draft and an archived one."""
    partner.network_contact = editor
    partner.phone = "016 12 34 56"
    partner.email = "info@gezinsbond.example"
    partner.website = "https://gezinsbond.example"
    partner.save()
    theme = Theme.objects.create(name="Slaap", slug="slaap")
    location = factories.make_location(
        "Huis van het Kind Leuven",
        owner=partner,
        phone="016 00 00 00",
        email="huis@example.org",
        opening_hours="ma-vr 9-12",
        public_transport="Bus 2",
        accessibility_notes="Lift aanwezig",
        latitude="50.879800",
        longitude="4.700500",
    )
    offer = factories.make_offer(
        partner,
        "Babymassage",
        pillars=("groepsaanbod",),
        for_expecting=True,
        age_max_months=18,
        cost=Offer.Cost.SOCIAL,
        cost_details="5 euro",
        contact_name="Els",
        contact_email="els@example.org",
        contact_phone="0470 00 00 00",
        reviewed_at=timezone.now(),
    )
    offer.themes.add(theme)
    offer.co_providers.add(other_partner)
    offer.languages.add(Language.objects.create(code="fr", name="Frans"))
    place = factories.make_offer_location(offer, location, schedule="Elke dinsdag")
    ScheduleSlot.objects.create(
        offer_location=place, weekday=2, start_time=time(9), end_time=time(11, 30)
    )
    draft = factories.make_offer(partner, "Geheim ontwerp", status=Offer.Status.DRAFT)
    factories.make_offer_location(draft, location)
    archived = factories.make_offer(partner, "Oud aanbod", status=Offer.Status.ARCHIVED)
    return {
        "offer": offer,
        "draft": draft,
        "archived": archived,
        "place": place,
        "theme": theme,
    }


@needs_schemas
def test_the_root_names_the_version_profile_and_openapi_document(client):
    root = get_json(client, "")
    assert root["version"] == "3.0"
    assert root["profile"] == "http://testserver/open-data/profiel/"
    assert root["openapi_url"] == "http://testserver/api/hsds/openapi.json"
    assert client.get(root["profile"]).status_code == 200
    openapi = client.get(root["openapi_url"]).json()
    assert openapi["openapi"].startswith("3.1")
    assert {"/", "/services", "/services/{id}", "/service_at_locations"} <= set(openapi["paths"])
    assert openapi["servers"] == [{"url": "http://testserver/api/hsds"}]


@needs_schemas
def test_every_list_and_its_items_validate_against_the_hsds_schemas(client, catalogue):
    lists = {
        "services": "service_list",
        "organizations": "organization_list",
        "service_at_locations": "service_at_location_list",
        "taxonomies": "taxonomy",
        "taxonomy_terms": "taxonomy_term",
    }
    for path, item_schema in lists.items():
        page = get_json(client, path)
        assert page["contents"], path
        for item in page["contents"]:
            assert_valid(item, item_schema)
        for item in ndjson(client, path):
            assert_valid(item, item_schema)


@needs_schemas
def test_every_detail_validates_against_the_full_hsds_schema(client, catalogue):
    details = {
        "services": "service",
        "organizations": "organization",
        "service_at_locations": "service_at_location",
        "taxonomies": "taxonomy",
        "taxonomy_terms": "taxonomy_term",
    }
    for path, full_schema in details.items():
        for item_id in ids(get_json(client, path)):
            assert_valid(get_json(client, f"{path}/{item_id}"), full_schema)


@needs_schemas
def test_a_service_says_what_the_offer_page_says(client, catalogue):
    offer, place = catalogue["offer"], catalogue["place"]
    service = get_json(client, f"services/{offer.uuid}")
    assert service["id"] == str(offer.uuid)
    assert service["organization_id"] == str(offer.provider.uuid)
    assert service["name"] == "Babymassage"
    assert service["minimum_age"] == 0 and service["maximum_age"] == 1.5
    assert service["fees_description"] == "sociaal tarief mogelijk\n\n5 euro"
    assert service["contacts"][0]["email"] == "els@example.org"
    assert service["phones"][0]["number"] == "0470 00 00 00"
    assert service["languages"][0]["code"] == "fr"
    [at] = service["service_at_locations"]
    assert at["id"] == str(place.uuid)
    assert at["schedules"][0] | {"id": None} == {
        "id": None,
        "service_at_location_id": str(place.uuid),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": "TU",
        "opens_at": "09:00",
        "closes_at": "11:30",
    }
    assert at["location"]["addresses"][0]["postal_code"] == "3000"
    terms = {attribute["taxonomy_term"]["code"] for attribute in service["attributes"]}
    assert terms == {"groepsaanbod", "slaap", "expecting", "walk-in", "social-tariff"}


def test_identifiers_are_stable_from_one_request_to_the_next(client, catalogue):
    first = client.get(API + f"services/{catalogue['offer'].uuid}").json()
    second = client.get(API + f"services/{catalogue['offer'].uuid}").json()
    assert first == second


def test_drafts_and_archived_offers_never_appear(client, catalogue):
    hidden = {str(catalogue["draft"].uuid), str(catalogue["archived"].uuid)}
    everything = json.dumps(
        [
            get_json(client, "services"),
            get_json(client, "organizations"),
            get_json(client, "service_at_locations"),
            ndjson(client, "services"),
            ndjson(client, "organizations"),
            ndjson(client, "service_at_locations"),
        ]
    )
    assert not any(item_id in everything for item_id in hidden)
    assert "Geheim ontwerp" not in everything and "Oud aanbod" not in everything
    for item_id in hidden:
        assert client.get(API + f"services/{item_id}").status_code == 404
    draft_place = catalogue["draft"].offer_locations.get()
    assert client.get(API + f"service_at_locations/{draft_place.uuid}").status_code == 404


def test_no_staff_only_data_is_published(client, catalogue, editor):
    everything = json.dumps([ndjson(client, "services"), ndjson(client, "organizations")])
    assert editor.email not in everything  # the partner's network representative
    former = factories.make_partner("Vroeger vzw", status=Partner.Status.FORMER)
    assert str(former.uuid) not in json.dumps(ndjson(client, "organizations"))
    assert client.get(API + f"organizations/{former.uuid}").status_code == 404


def test_paging_follows_hsds(client, partner):
    for number in range(5):
        factories.make_offer(partner, f"Aanbod {number}")
    first = get_json(client, "services", per_page=2)
    assert {key: value for key, value in first.items() if key != "contents"} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    last = get_json(client, "services", per_page=2, page=3)
    assert (last["page_number"], last["size"], last["first_page"], last["last_page"]) == (
        3,
        1,
        False,
        True,
    )
    pages = [ids(get_json(client, "services", per_page=2, page=n)) for n in (1, 2, 3)]
    assert len({item for page in pages for item in page}) == 5
    assert [item["id"] for item in ndjson(client, "services")] == sum(pages, [])


def test_an_empty_result_is_an_empty_first_page(client, db):
    page = get_json(client, "services")
    assert page["empty"] is True and page["total_items"] == 0 and page["contents"] == []
    assert page["first_page"] is True and page["last_page"] is True


@pytest.mark.parametrize(
    "params",
    [
        {"page": "9"},
        {"page": "abc"},
        {"taxonomy_term_id": "not-a-uuid"},
        {"organization_id": "42"},
        {"modified_after": "yesterday"},
        {"format": "xml"},
    ],
)
def test_bad_parameters_get_a_clear_answer_not_an_error(client, partner, params):
    factories.make_offer(partner)
    response = client.get(API + "services", params)
    assert response.status_code in (400, 404)
    assert response.json()


def test_an_unknown_or_malformed_id_is_not_found(client, db):
    for path in ("services", "organizations", "service_at_locations", "taxonomies"):
        assert client.get(API + f"{path}/{uuid.uuid4()}").status_code == 404
        assert client.get(API + f"{path}/nope").status_code == 404
    assert client.get(API + "taxonomy_terms/nope").status_code == 404


class TestFilters:
    @pytest.fixture
    def offers(self, partner, other_partner):
        theme = Theme.objects.create(name="Slaap", slug="slaap")
        walk_in_free = factories.make_offer(partner, "Inloop", pillars=("spel-en-ontmoeting",))
        social = factories.make_offer(
            other_partner,
            "Cursus slapen",
            cost=Offer.Cost.SOCIAL,
            registration=Offer.Registration.REQUIRED,
        )
        social.themes.add(theme)
        expecting = factories.make_offer(
            partner,
            "Zwangerschapsyoga",
            for_expecting=True,
            cost=Offer.Cost.PAID,
            registration=Offer.Registration.REQUIRED,
        )
        expecting.co_providers.add(other_partner)
        return {
            "walk_in_free": walk_in_free,
            "social": social,
            "expecting": expecting,
            "theme": theme,
        }

    def names(self, client, path="services", **params):
        page = get_json(client, path, **params)
        if path == "services":
            return {item["name"] for item in page["contents"]}
        return {item["service"]["name"] for item in page["contents"]}

    @pytest.mark.parametrize("path", ["services", "service_at_locations"])
    def test_each_filter_narrows_the_list(self, client, offers, partner, other_partner, path):
        if path == "service_at_locations":
            for offer in offers.values():
                if isinstance(offer, Offer):
                    factories.make_offer_location(offer)
        pillar = Pillar.objects.get(slug="spel-en-ontmoeting")
        term = {code.code: code.id for code in taxonomy.FEATURE_TERMS}
        assert self.names(client, path, taxonomy_term_id=pillar.uuid) == {"Inloop"}
        assert self.names(client, path, taxonomy_term_id=offers["theme"].uuid) == {"Cursus slapen"}
        assert self.names(client, path, taxonomy_term_id=term["expecting"]) == {"Zwangerschapsyoga"}
        assert self.names(client, path, taxonomy_term_id=term["walk-in"]) == {"Inloop"}
        assert self.names(client, path, taxonomy_term_id=term["free"]) == {"Inloop"}
        assert self.names(client, path, taxonomy_term_id=term["social-tariff"]) == {"Cursus slapen"}
        assert self.names(client, path, taxonomy_id=taxonomy.THEMES.id) == {"Cursus slapen"}
        assert self.names(client, path, taxonomy_term_id=uuid.uuid4()) == set()
        # provided or co-provided
        assert self.names(client, path, organization_id=other_partner.uuid) == {
            "Cursus slapen",
            "Zwangerschapsyoga",
        }
        assert self.names(client, path, search="yoga") == {"Zwangerschapsyoga"}

    def test_filters_are_cumulative(self, client, offers, other_partner):
        term = {code.code: code.id for code in taxonomy.FEATURE_TERMS}
        assert self.names(
            client,
            organization_id=other_partner.uuid,
            taxonomy_term_id=term["expecting"],
        ) == {"Zwangerschapsyoga"}
        assert (
            self.names(client, organization_id=other_partner.uuid, taxonomy_term_id=term["free"])
            == set()
        )
        assert self.names(client, search="slapen", taxonomy_id=taxonomy.THEMES.id) == {
            "Cursus slapen"
        }

    def test_modified_after_keeps_what_changed_since(self, client, offers):
        long_ago = timezone.now() - timedelta(days=30)
        Offer.objects.exclude(pk=offers["social"].pk).update(updated_at=long_ago)
        since = (timezone.now() - timedelta(days=1)).isoformat()
        assert self.names(client, modified_after=since) == {"Cursus slapen"}

    def test_organizations_and_terms_can_be_searched(self, client, offers):
        orgs = get_json(client, "organizations", search="wigw")["contents"]
        assert [org["name"] for org in orgs] == ["Wigwam vzw"]
        terms = get_json(client, "taxonomy_terms", taxonomy_id=taxonomy.FEATURES.id)["contents"]
        assert {t["code"] for t in terms} == {"expecting", "walk-in", "free", "social-tariff"}
        assert [
            t["name"] for t in get_json(client, "taxonomy_terms", search="slaap")["contents"]
        ] == ["Slaap"]


def test_get_answers_are_open_to_every_origin(client, catalogue):
    for path in ("", "services", f"services/{catalogue['offer'].uuid}", "openapi.json"):
        response = client.get(API + path, HTTP_ORIGIN="https://example.net")
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    # and only the API's
    assert "Access-Control-Allow-Origin" not in client.get("/")


def test_a_logged_in_user_gets_the_same_public_answer(client, editor, catalogue):
    anonymous = client.get(API + "services").json()
    client.force_login(editor)
    response = client.get(API + "services")
    assert response.status_code == 200
    assert response.json() == anonymous


def test_the_api_speaks_dutch_whatever_the_browser_asks(client, catalogue):
    service = client.get(
        API + f"services/{catalogue['offer'].uuid}", HTTP_ACCEPT_LANGUAGE="fr"
    ).json()
    assert service["url"] == "http://testserver/aanbod/babymassage/"
    assert service["fees_description"].startswith("sociaal tarief")


@pytest.mark.parametrize(
    "path", ["services", "organizations", "service_at_locations", "taxonomy_terms"]
)
def test_query_counts_do_not_grow_with_the_rows(
    client, partner, path, django_assert_max_num_queries
):
    counts = []
    for total in (2, 20):
        while Offer.objects.count() < total:
            offer = factories.make_offer(partner)
            offer.themes.add(Theme.objects.get_or_create(name="Spel", slug="spel")[0])
            place = factories.make_offer_location(offer)
            ScheduleSlot.objects.create(
                offer_location=place, weekday=1, start_time=time(9), end_time=time(10)
            )
            factories.make_partner()
        with django_assert_max_num_queries(10) as captured:
            get_json(client, path, per_page=50)
        with django_assert_max_num_queries(10) as captured_all:
            ndjson(client, path)
        counts.append((len(captured), len(captured_all)))
    assert counts[0] == counts[1]
