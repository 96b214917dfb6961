"""The open data as an HSDS 3.0 tabular data package: a ZIP with a CSV file per HSDS table we
publish and a ``datapackage.json`` (a Frictionless Tabular Data Package) that describes them.

The rows are the API's own objects, serialised by the same serializers from the same
querysets and then cut into tables, so the package holds exactly what the API serves, with the
same UUIDs. The tables and their columns are those of the HSDS tabular schema
(``datapackage_resources.json``, taken from HSDS's ``schema/compiled/tabular.json``; the tests
compare the two): every column of a table is in its CSV, also the ones we have no value for.
"""

import csv
import io
import json
import zipfile
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from . import serializers, taxonomy

RESOURCES = json.loads(
    Path(__file__).with_name("datapackage_resources.json").read_text(encoding="utf-8")
)
COLUMNS = {
    resource["name"]: [field["name"] for field in resource["schema"]["fields"]]
    for resource in RESOURCES
}

# A property of an API object that is a list of (or one) objects of another table.
NESTED_TABLES = {
    "phones": "phone",
    "contacts": "contact",
    "languages": "language",
    "attributes": "attribute",
    "service_areas": "service_area",
    "service_at_locations": "service_at_location",
    "schedules": "schedule",
    "addresses": "address",
    "accessibility": "accessibility",
    "location": "location",
}
# Properties that repeat, in brief, an object of a table that is written whole elsewhere: the
# provider of a service, an organisation's services, a term and its taxonomy.
REPEATED = {"organization", "services", "taxonomy_term", "taxonomy_detail"}

FILE_NAME = "huisvanhetkind-leuven-hsds.zip"
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


class Tables:
    """Rows per table, each object once (a place many offers share is one row)."""

    def __init__(self):
        self.rows = {name: {} for name in COLUMNS}

    def add(self, table, data):
        columns = COLUMNS[table]
        row = {}
        for key, value in data.items():
            if key in NESTED_TABLES:
                for item in value if isinstance(value, list) else [value]:
                    self.add(NESTED_TABLES[key], item)
            elif key in columns:
                row[key] = value
            elif key not in REPEATED:
                raise ValueError(f"{table}.{key} has no column in the HSDS tabular schema")
        self.rows[table].setdefault(row["id"], row)

    def csv(self, table):
        text = io.StringIO()
        writer = csv.DictWriter(text, fieldnames=COLUMNS[table], lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(self.rows[table].values())
        return text.getvalue()


def descriptor(request):
    """The datapackage.json: who publishes what under which licence, and every table's
    columns and keys."""
    return {
        "profile": "tabular-data-package",
        "name": "huis-van-het-kind-leuven-hsds",
        "title": "Huis van het Kind Leuven: aanbod voor gezinnen (Open Referral HSDS 3.0)",
        "description": (
            "Het gepubliceerde aanbod van de partners van Huis van het Kind Leuven: diensten, "
            "organisaties, plekken en hun indeling, als HSDS 3.0-tabellen."
        ),
        "homepage": request.build_absolute_uri(reverse("opendata:page")),
        "version": "3.0",
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "licenses": [LICENCE],
        "sources": [{"title": "Huis van het Kind Leuven", "path": request.build_absolute_uri("/")}],
        "resources": RESOURCES,
    }


def build_tables(request, offers, partners):
    """Every published object of the API, cut into HSDS tables."""
    context = {"request": request}
    tables = Tables()
    for partner in partners:
        organization = serializers.OrganizationSerializer(partner, context=context)
        tables.add("organization", organization.data)
    for offer in offers:
        tables.add("service", serializers.ServiceSerializer(offer, context=context).data)
    for term in taxonomy.all_terms():
        tables.add("taxonomy_term", serializers.term_data(term))
    for item in taxonomy.TAXONOMIES:
        tables.add("taxonomy", serializers.taxonomy_data(item))
    return tables


def data_package(request, offers, partners):
    """The ZIP file's bytes."""
    tables = build_tables(request, offers, partners)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "datapackage.json", json.dumps(descriptor(request), ensure_ascii=False, indent=2)
        )
        for resource in RESOURCES:
            package.writestr(resource["path"], tables.csv(resource["name"]))
    return archive.getvalue()
