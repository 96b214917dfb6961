"""The HSDS tabular data package (/api/hsds/datapackage.zip): a datapackage.json that describes
its CSV files as HSDS's tabular schema does, and in them exactly what the API serves."""

import csv
import io
import json
import re
import uuid
import zipfile
from datetime import date, datetime, time

import pytest
from django.core.cache import cache

from aanbod.models import Offer
from tests import factories

from .hsds_schemas import COMPILED, assert_valid, needs_schemas
from .test_api import (
    catalogue,  # noqa: F401 (a fixture)
    get_json,
    ndjson,
)

pytestmark = pytest.mark.django_db

PACKAGE = "/api/hsds/datapackage.zip"


@pytest.fixture(autouse=True)
def _fresh_package():
    cache.clear()  # each test's own data, not the package an earlier test made
    yield
    cache.clear()


def download(client):
    response = client.get(PACKAGE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Access-Control-Allow-Origin"] == "*"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    descriptor = json.loads(archive.read("datapackage.json"))
    tables = {}
    for resource in descriptor["resources"]:
        text = archive.read(resource["path"]).decode("utf-8")
        reader = csv.DictReader(io.StringIO(text))
        tables[resource["name"]] = (reader.fieldnames, list(reader))
    return descriptor, tables


def fields(resource):
    return [field["name"] for field in resource["schema"]["fields"]]


def test_every_csv_has_the_columns_its_descriptor_declares(client, catalogue):  # noqa: F811
    descriptor, tables = download(client)
    archive_names = zipfile.ZipFile(io.BytesIO(client.get(PACKAGE).content)).namelist()
    assert sorted(archive_names) == sorted(
        ["datapackage.json", *(resource["path"] for resource in descriptor["resources"])]
    )
    for resource in descriptor["resources"]:
        header, _rows = tables[resource["name"]]
        assert header == fields(resource), resource["name"]


def test_the_descriptor_is_a_tabular_data_package_under_cc_by(client, catalogue):  # noqa: F811
    descriptor, _tables = download(client)
    assert descriptor["profile"] == "tabular-data-package"
    assert re.fullmatch(r"[a-z0-9._-]+", descriptor["name"])
    assert descriptor["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0",
        }
    ]
    assert descriptor["homepage"] == "http://testserver/open-data/"
    names = [resource["name"] for resource in descriptor["resources"]]
    assert len(set(names)) == len(names)
    for resource in descriptor["resources"]:
        assert re.fullmatch(r"[a-z0-9._-]+", resource["name"])
        assert resource["profile"] == "tabular-data-resource"
        assert resource["path"].endswith(".csv") and resource["mediatype"] == "text/csv"
        schema = resource["schema"]
        assert schema["primaryKey"] == "id" and "id" in fields(resource)
        for field in schema["fields"]:
            assert field["type"] in {"string", "number", "integer", "date", "datetime", "time"}
        for key in schema.get("foreignKeys", []):
            assert key["fields"] in fields(resource)
            assert key["reference"]["resource"] in names and key["reference"]["fields"] == "id"


@needs_schemas
def test_the_tables_and_columns_are_those_of_the_hsds_tabular_schema(client, catalogue):  # noqa: F811
    hsds = json.loads((COMPILED / "tabular.json").read_text(encoding="utf-8"))["properties"]
    descriptor, _tables = download(client)
    for resource in descriptor["resources"]:
        table = hsds[resource["name"]]["items"]
        assert resource["path"] == table["path"]
        columns = [name for name, prop in table["properties"].items() if "constraints" in prop]
        assert fields(resource) == columns, resource["name"]
        required = {*table.get("required", []), *table.get("tabular_required", [])}
        for field in resource["schema"]["fields"]:
            prop = table["properties"][field["name"]]
            assert field["constraints"]["required"] == (field["name"] in required)
            assert field["constraints"].get("enum") == prop.get("enum")
            assert field["type"] == prop.get("datapackage_type", prop["type"])


def test_the_rows_are_the_objects_the_api_serves_and_no_more(client, catalogue):  # noqa: F811
    _descriptor, tables = download(client)
    totals = {
        "service": "services",
        "organization": "organizations",
        "service_at_location": "service_at_locations",
        "taxonomy": "taxonomies",
        "taxonomy_term": "taxonomy_terms",
    }
    for table, path in totals.items():
        api = get_json(client, path)
        assert len(tables[table][1]) == api["total_items"], table
        assert {row["id"] for row in tables[table][1]} == {
            item["id"] for item in ndjson(client, path)
        }
    [service] = ndjson(client, "services")
    [row] = tables["service"][1]
    for column in ("id", "organization_id", "name", "description", "url", "email",
                   "application_process", "fees_description", "eligibility_description",
                   "assured_date", "last_modified"):  # fmt: skip
        assert row[column] == service[column], column
    assert float(row["maximum_age"]) == service["maximum_age"]
    [place] = service["service_at_locations"]
    [location] = tables["location"][1]
    assert location["id"] == place["location"]["id"]
    assert location["latitude"] == str(place["location"]["latitude"])
    nested = {
        "phone": [*service["phones"], *place["location"]["phones"]],
        "contact": [*service["contacts"], *place["location"]["contacts"]],
        "language": service["languages"],
        "attribute": service["attributes"],
        "address": place["location"]["addresses"],
        "accessibility": place["location"]["accessibility"],
        "schedule": [*place["schedules"], *place["location"]["schedules"]],
    }
    organization_phones = [item.get("phones", []) for item in ndjson(client, "organizations")]
    nested["phone"] += [phone for phones in organization_phones for phone in phones]
    for table, items in nested.items():
        assert {row["id"] for row in tables[table][1]} == {item["id"] for item in items}, table
    [slot] = [row for row in tables["schedule"][1] if row["byday"]]
    assert (slot["byday"], slot["opens_at"], slot["closes_at"]) == ("TU", "09:00", "11:30")


def test_drafts_archived_offers_and_staff_details_are_absent(client, catalogue, editor):  # noqa: F811
    content = client.get(PACKAGE).content
    archive = zipfile.ZipFile(io.BytesIO(content))
    everything = "".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    for hidden in (catalogue["draft"], catalogue["archived"]):
        assert str(hidden.uuid) not in everything and hidden.title not in everything
    assert editor.email not in everything  # the partner's network contact
    assert "Babymassage" in everything


def test_every_foreign_key_and_primary_key_holds(client, catalogue):  # noqa: F811
    descriptor, tables = download(client)
    ids = {name: {row["id"] for row in rows} for name, (_header, rows) in tables.items()}
    for resource in descriptor["resources"]:
        rows = tables[resource["name"]][1]
        assert len(ids[resource["name"]]) == len(rows), resource["name"]  # unique ids
        for key in resource["schema"].get("foreignKeys", []):
            target = ids[key["reference"]["resource"]]
            for row in rows:
                value = row[key["fields"]]
                assert not value or value in target, (resource["name"], key["fields"], value)
    attribute_links = {row["link_id"] for row in tables["attribute"][1]}
    assert attribute_links <= ids["service"]


def test_every_value_fits_its_field(client, catalogue):  # noqa: F811
    descriptor, tables = download(client)
    parsers = {
        "number": float,
        "date": date.fromisoformat,
        "datetime": datetime.fromisoformat,
        "time": lambda value: time.fromisoformat(value),
    }
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            constraints = field["constraints"]
            for row in tables[resource["name"]][1]:
                value = row[field["name"]]
                where = (resource["name"], field["name"], value)
                if not value:
                    # HSDS requires an organisation's description, and the API then sends ""
                    # for a partner that has none: a CSV cannot tell "" from no value.
                    if where[:2] != ("organization", "description"):
                        assert not constraints["required"], where
                    continue
                if field["type"] in parsers:
                    parsers[field["type"]](value)
                if field.get("format") == "uuid":
                    uuid.UUID(value)
                if "enum" in constraints:
                    assert value in constraints["enum"], where


@needs_schemas
def test_the_service_area_is_published(client, partner):
    factories.make_offer(partner, "Thuisbegeleiding", service_area=Offer.ServiceArea.LEUVEN,
                         format=Offer.Format.HOME_VISIT)  # fmt: skip
    factories.make_offer(partner, "Wijkspel", service_area=Offer.ServiceArea.AREAS,
                         service_postcodes=["3001", "3010"])  # fmt: skip
    factories.make_offer(partner, "Ter plekke")
    _descriptor, tables = download(client)
    services = {row["id"]: row["name"] for row in tables["service"][1]}
    areas = {services[row["service_id"]]: row for row in tables["service_area"][1]}
    assert set(areas) == {"Thuisbegeleiding", "Wijkspel"}
    assert areas["Thuisbegeleiding"]["name"] == "In heel Leuven"
    assert areas["Thuisbegeleiding"]["extent"] == "3000 3001 3010 3012 3018"
    assert areas["Wijkspel"]["name"] == "In Heverlee en Kessel-Lo"
    assert areas["Wijkspel"]["description"] == "3001 Heverlee, 3010 Kessel-Lo"
    api = {item["name"]: item for item in ndjson(client, "services")}
    assert api["Wijkspel"]["service_areas"][0]["id"] == areas["Wijkspel"]["id"]
    assert_valid(api["Wijkspel"], "service")
    assert "service_areas" not in api["Ter plekke"]


def test_its_query_count_does_not_grow_with_the_offers(
    client, partner, other_partner, django_assert_max_num_queries
):
    def add_offers(count, provider):
        for _ in range(count):
            offer = factories.make_offer(provider)
            place = factories.make_offer_location(offer, factories.make_location(owner=provider))
            offer.languages.create(code=f"x{offer.pk}", name=f"Taal {offer.pk}")
            assert place.pk

    add_offers(2, partner)
    with django_assert_max_num_queries(20) as few:
        client.get(PACKAGE)
    add_offers(25, other_partner)
    cache.clear()
    with django_assert_max_num_queries(20) as many:
        response = client.get(PACKAGE)
    assert len(many.captured_queries) == len(few.captured_queries)
    services = zipfile.ZipFile(io.BytesIO(response.content)).read("services.csv").decode()
    assert len(services.strip().splitlines()) == 1 + 27


def test_only_get_and_head_are_answered(client):
    assert client.post(PACKAGE).status_code == 405
    assert client.head(PACKAGE).status_code == 200


def test_a_former_partners_published_offer_still_names_its_organisation(client, partner):
    former = factories.make_partner("Oud lid vzw", slug="oud-lid", status="former")
    factories.make_offer(former, "Nog online")
    _descriptor, tables = download(client)
    organizations = {row["id"]: row["name"] for row in tables["organization"][1]}
    [service] = tables["service"][1]
    assert organizations[service["organization_id"]] == "Oud lid vzw"
    assert service["organization_id"] in {item["id"] for item in ndjson(client, "organizations")}


def test_a_package_is_made_at_most_every_ten_minutes(client, partner, django_assert_num_queries):
    factories.make_offer(partner, "Eerste")
    first = client.get(PACKAGE).content
    factories.make_offer(partner, "Tweede")
    with django_assert_num_queries(1):  # the cache
        assert client.get(PACKAGE).content == first
    cache.clear()
    _descriptor, tables = download(client)
    assert {row["name"] for row in tables["service"][1]} == {"Eerste", "Tweede"}
