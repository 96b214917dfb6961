"""Coordinators import and export partners, places and offers as CSV and XLSX in the admin, with
a preview that shows each row's errors before anything is saved; a partner exports its own
offers from its portal page."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from aanbod.models import Location, Offer
from tests import factories

pytestmark = pytest.mark.django_db

LOCATIONS_IMPORT = "/admin/aanbod/location/import/"
CSV_FORMAT, XLSX_FORMAT = "0", "1"  # their places in the admin's list of formats


def upload(rows, name="plekken.csv"):
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return SimpleUploadedFile(name, text.getvalue().encode(), content_type="text/csv")


HEADER = ["slug", "name", "owner", "street", "postcode"]


def test_an_import_with_one_bad_row_saves_nothing_and_shows_that_rows_error(
    client, coordinator, partner
):
    client.force_login(coordinator)
    rows = [
        HEADER,
        ["speelplek", "Speelplek", "gezinsbond", "Naamsestraat 1", "3000"],
        ["elders", "Elders", "gezinsbond", "Stationsstraat 2", "9000"],
    ]
    response = client.post(
        LOCATIONS_IMPORT, {"resource": "0", "format": CSV_FORMAT, "import_file": upload(rows)}
    )
    assert response.status_code == 200
    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 2 and "postcode" in invalid.error_dict
    assert "9000" in response.content.decode()  # the row is shown beside its error
    assert response.context.get("confirm_form") is None  # nothing to confirm
    assert not Location.objects.exists()


def test_a_good_import_previews_then_saves(client, coordinator, partner):
    client.force_login(coordinator)
    rows = [HEADER, ["speelplek", "Speelplek", "gezinsbond", "Naamsestraat 1", "3000"]]
    preview = client.post(
        LOCATIONS_IMPORT, {"resource": "0", "format": CSV_FORMAT, "import_file": upload(rows)}
    )
    confirm = preview.context["confirm_form"]
    assert not Location.objects.exists()  # the preview saves nothing
    response = client.post("/admin/aanbod/location/process_import/", confirm.initial)
    assert response.status_code == 302
    place = Location.objects.get()
    assert (place.name, place.owner, place.postcode) == ("Speelplek", partner, "3000")


def test_offers_can_be_imported_from_xlsx(client, coordinator, partner):
    client.force_login(coordinator)
    book = Workbook()
    sheet = book.active
    sheet.append(["slug", "title", "provider", "summary", "pillars", "status"])
    sheet.append(["babyzwemmen", "Babyzwemmen", "gezinsbond", "Zwemmen met je baby.",
                  "spel-en-ontmoeting|groepsaanbod", "draft"])  # fmt: skip
    data = io.BytesIO()
    book.save(data)
    upload_file = SimpleUploadedFile("aanbod.xlsx", data.getvalue())
    preview = client.post(
        "/admin/aanbod/offer/import/",
        {"resource": "0", "format": XLSX_FORMAT, "import_file": upload_file},
    )
    client.post("/admin/aanbod/offer/process_import/", preview.context["confirm_form"].initial)
    offer = Offer.objects.get()
    assert offer.provider == partner and offer.status == Offer.Status.DRAFT
    assert set(offer.pillars.values_list("slug", flat=True)) == {
        "spel-en-ontmoeting",
        "groepsaanbod",
    }


def test_coordinators_export_partners_as_csv(client, coordinator, partner, other_partner):
    client.force_login(coordinator)
    response = client.post("/admin/partners/partner/export/", {"format": CSV_FORMAT, **{
        f"partnerresource_{name}": "on" for name in ("slug", "name", "status")
    }})  # fmt: skip
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row["slug"] for row in rows} == {"gezinsbond", "wigwam"}


def test_partner_staff_cannot_import_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get(LOCATIONS_IMPORT).status_code == 302  # to the admin's login


def test_a_partner_exports_only_its_own_offers(client, editor, partner, other_partner):
    factories.make_offer(partner, "Ons aanbod")
    factories.make_offer(partner, "Ons ontwerp", status=Offer.Status.DRAFT)
    factories.make_offer(other_partner, "Hun aanbod")
    client.force_login(editor)
    response = client.get(f"/mijn/{partner.slug}/aanbod/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(row["title"] for row in rows) == ["Ons aanbod", "Ons ontwerp"]
    assert {row["provider"] for row in rows} == {"gezinsbond"}


def test_another_partners_export_is_not_found(client, outsider, partner):
    client.force_login(outsider)
    assert client.get(f"/mijn/{partner.slug}/aanbod/export.csv").status_code == 404


def test_the_portal_page_offers_the_export(client, editor, partner):
    client.force_login(editor)
    content = client.get(f"/mijn/{partner.slug}/").content.decode()
    assert f'href="/mijn/{partner.slug}/aanbod/export.csv"' in content
    assert "Exporteer mijn aanbod" in content
