"""Coordinators import and export partners, places and offers as CSV and XLSX in the admin, with
a preview that shows each row's errors before anything is saved; a partner exports its own
offers from its portal page."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from aanbod.models import Location, Offer
from partners.models import Partner
from tests import factories

pytestmark = pytest.mark.django_db

LOCATIONS_IMPORT = "/admin/aanbod/location/import/"
CSV_FORMAT, XLSX_FORMAT = "0", "1"  # their places in the admin's list of formats


def read_csv(response):
    """An export's rows: UTF-8 with a byte order mark, separated by semicolons (Excel in
    Belgium)."""
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(content[1:]), delimiter=";"))


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
    assert {row["slug"] for row in read_csv(response)} == {"gezinsbond", "wigwam"}


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
    rows = read_csv(response)
    assert sorted(row["title"] for row in rows) == ["Ons aanbod", "Ons ontwerp"]
    assert {row["provider"] for row in rows} == {"gezinsbond"}


def test_another_partners_export_is_not_found(client, outsider, partner):
    client.force_login(outsider)
    assert client.get(f"/mijn/{partner.slug}/aanbod/export.csv").status_code == 404
    assert client.get(f"/mijn/{partner.slug}/plekken/export.xlsx").status_code == 404


def test_the_portal_page_offers_the_export(client, editor, partner):
    client.force_login(editor)
    content = client.get(f"/mijn/{partner.slug}/").content.decode()
    assert f'href="/mijn/{partner.slug}/aanbod/export.csv"' in content
    assert "Exporteer mijn aanbod" in content


def post_import(client, content, name, file_format=CSV_FORMAT, url=LOCATIONS_IMPORT):
    upload_file = SimpleUploadedFile(name, content)
    return client.post(url, {"resource": "0", "format": file_format, "import_file": upload_file})


def file_errors(response):
    assert response.status_code == 200
    return response.context["form"].errors.get("import_file", [])


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_a_csv_not_in_utf8_is_refused_with_what_to_do(client, coordinator, partner):
    client.force_login(coordinator)
    content = "slug,name,owner,street,postcode\nspeel,Spéélplek,gezinsbond,Straat 1,3000\n"
    response = post_import(client, content.encode("cp1252"), "plekken.csv")
    assert file_errors(response) == [
        "Het bestand is niet in UTF-8. Bewaar het in Excel als \u201cCSV UTF-8\u201d of als XLSX."
    ]
    assert not Location.objects.exists()


def test_a_csv_from_belgian_excel_with_semicolons_is_read(client, coordinator, partner):
    client.force_login(coordinator)
    content = "\ufeffslug;name;owner;street;postcode\nspeel;Spéélplek;gezinsbond;Straat 1;3000\n"
    preview = post_import(client, content.encode("utf-8"), "plekken.csv")
    client.post("/admin/aanbod/location/process_import/", preview.context["confirm_form"].initial)
    assert Location.objects.get().name == "Spéélplek"


def test_unknown_or_missing_columns_are_named_and_nothing_is_read(client, coordinator, partner):
    client.force_login(coordinator)
    response = post_import(client, b"naam,straat\nSpeelplek,Straat 1\n", "plekken.csv")
    [error] = response.context["result"].base_errors
    message = str(error.error)
    assert "Onbekend: naam, straat." in message and "Ontbrekend: slug." in message
    assert "slug, name, kind, owner" in message  # the columns it takes
    assert response.context.get("confirm_form") is None
    assert not Location.objects.exists()


def test_a_file_that_is_not_what_its_format_says_gets_a_message(client, coordinator):
    client.force_login(coordinator)
    response = post_import(client, b"slug,name\nx,y\n", "plekken.xlsx", XLSX_FORMAT)
    assert file_errors(response) == ["Dit is geen XLSX-bestand."]
    response = post_import(client, b"\x00\x01\x02binary", "plekken.csv")
    assert file_errors(response) == ["Dit is geen CSV-bestand."]


def test_formula_cells_are_that_rows_error_in_xlsx_and_csv(client, coordinator, partner):
    client.force_login(coordinator)
    rows = [HEADER, ["speelplek", '=HYPERLINK("https://example.org","Klik")', "gezinsbond",
                     "Straat 1", "3000"]]  # fmt: skip
    for content, name, file_format in (
        (xlsx(rows), "plekken.xlsx", XLSX_FORMAT),
        (upload(rows).read(), "plekken.csv", CSV_FORMAT),
    ):
        response = post_import(client, content, name, file_format)
        [invalid] = response.context["result"].invalid_rows
        assert invalid.error_dict == {
            "name": ["Een formule kan niet geïmporteerd worden: typ de waarde zelf."]
        }
        assert response.context.get("confirm_form") is None
    assert not Location.objects.exists()


def test_a_file_too_large_or_with_too_many_rows_is_refused_before_reading(
    client, coordinator, partner
):
    client.force_login(coordinator)
    rows = "".join(f"s{number},Plek,gezinsbond,Straat 1,3000\n" for number in range(1001))
    response = post_import(client, ("slug,name,owner,street,postcode\n" + rows).encode(), "p.csv")
    assert file_errors(response) == [
        "Het bestand heeft meer dan 1000 rijen: importeer het in delen."
    ]
    response = post_import(client, b"slug\n" + b"x" * (2 * 1024 * 1024), "p.csv")
    assert file_errors(response) == [
        "Het bestand is 2,0\xa0MB; importeer hoogstens 2,0\xa0MB per keer."
    ]
    assert not Location.objects.exists()


def test_the_service_area_is_imported_and_exported(client, coordinator, partner):
    client.force_login(coordinator)
    rows = [
        ["slug", "title", "provider", "summary", "pillars", "service_area", "service_postcodes"],
        ["thuis", "Thuisbegeleiding", "gezinsbond", "Aan huis.", "opvoedadvies",
         "areas", "3001|3010"],
        ["overal", "Overal", "gezinsbond", "Overal.", "opvoedadvies", "leuven", ""],
        ["fout", "Fout", "gezinsbond", "Fout.", "opvoedadvies", "areas", "9000"],
    ]  # fmt: skip
    offers_import = "/admin/aanbod/offer/import/"
    response = post_import(client, upload(rows).read(), "a.csv", url=offers_import)
    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 3
    assert not Offer.objects.exists()
    preview = post_import(client, upload(rows[:3]).read(), "a.csv", url=offers_import)
    client.post("/admin/aanbod/offer/process_import/", preview.context["confirm_form"].initial)
    assert dict(Offer.objects.values_list("slug", "service_postcodes")) == {
        "thuis": ["3001", "3010"],
        "overal": [],
    }
    export = client.post("/admin/aanbod/offer/export/", {"format": CSV_FORMAT, **{
        f"offerresource_{name}": "on" for name in ("slug", "service_area", "service_postcodes")
    }})  # fmt: skip
    assert {row["slug"]: (row["service_area"], row["service_postcodes"])
            for row in read_csv(export)} == {"thuis": ("areas", "3001|3010"),
                                             "overal": ("leuven", "")}  # fmt: skip


def test_exports_never_hand_a_spreadsheet_a_formula(client, editor, partner):
    factories.make_offer(partner, "=HYPERLINK(1)", slug="formule", contact_phone="+32 16 00")
    client.force_login(editor)
    [row] = read_csv(client.get(f"/mijn/{partner.slug}/aanbod/export.csv"))
    assert (row["title"], row["contact_phone"]) == ("'=HYPERLINK(1)", "'+32 16 00")
    response = client.get(f"/mijn/{partner.slug}/aanbod/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    title = sheet.cell(row=2, column=header.index("title") + 1)
    assert (title.value, title.data_type) == ("=HYPERLINK(1)", "s")


def test_an_export_imports_again_unchanged(client, coordinator, editor, partner):
    factories.make_location("Speelplek", owner=partner, phone="+32 16 00 00 00")
    client.force_login(editor)
    exported = client.get(f"/mijn/{partner.slug}/plekken/export.csv").content
    Location.objects.all().delete()
    client.force_login(coordinator)
    preview = post_import(client, exported, "plekken.csv")
    client.post("/admin/aanbod/location/process_import/", preview.context["confirm_form"].initial)
    assert Location.objects.get().phone == "+32 16 00 00 00"


def test_a_partner_exports_only_its_own_places_as_xlsx(client, editor, partner, other_partner):
    factories.make_location("Onze plek", owner=partner)
    factories.make_location("Hun plek", owner=other_partner)
    client.force_login(editor)
    response = client.get(f"/mijn/{partner.slug}/plekken/export.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="plekken-gezinsbond.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Onze plek"]


def test_an_unknown_export_format_is_not_found(client, editor, partner):
    client.force_login(editor)
    assert client.get(f"/mijn/{partner.slug}/aanbod/export.pdf").status_code == 404
    assert client.get(f"/mijn/{partner.slug}/plekken/export.exe").status_code == 404


def test_partners_import_with_a_preview_and_an_error_per_row(client, coordinator):
    client.force_login(coordinator)
    rows = [
        ["slug", "name", "status", "email"],
        ["speelodroom", "SpeelOdroom vzw", "active", "info@speelodroom.example"],
        ["sporen", "Sporen vzw", "ergens", "geen-adres"],
    ]
    url = "/admin/partners/partner/import/"
    response = post_import(client, xlsx(rows), "partners.xlsx", XLSX_FORMAT, url=url)
    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 2 and set(invalid.error_dict) == {"status", "email"}
    assert not Partner.objects.exists()
    preview = post_import(client, xlsx(rows[:2]), "partners.xlsx", XLSX_FORMAT, url=url)
    assert not Partner.objects.exists()
    client.post("/admin/partners/partner/process_import/", preview.context["confirm_form"].initial)
    assert Partner.objects.get().name == "SpeelOdroom vzw"


def test_an_xlsx_export_holds_dates_and_times(client, coordinator, editor, partner):
    factories.make_offer(partner, "Nagekeken", reviewed_at=timezone.now())
    client.force_login(editor)
    response = client.get(f"/mijn/{partner.slug}/aanbod/export.xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[1][rows[0].index("reviewed_at")]
    client.force_login(coordinator)
    export = client.post("/admin/aanbod/offer/export/", {"format": XLSX_FORMAT, **{
        f"offerresource_{name}": "on" for name in ("slug", "reviewed_at")
    }})  # fmt: skip
    assert export.status_code == 200
    assert list(load_workbook(io.BytesIO(export.content)).active.values)[1][0] == "nagekeken"


def test_a_sheet_of_endless_empty_rows_is_refused_without_reading_them_all(
    client, coordinator, partner
):
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(["speelplek", "Speelplek", "gezinsbond", "Straat 1", "3000"])
    book.active.cell(row=200_000, column=1, value="verloren")
    data = io.BytesIO()
    book.save(data)
    client.force_login(coordinator)
    response = post_import(client, data.getvalue(), "plekken.xlsx", XLSX_FORMAT)
    assert file_errors(response) == [
        "Het bestand heeft meer dan 1000 rijen: importeer het in delen."
    ]
