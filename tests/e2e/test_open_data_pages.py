"""The 'Open data' page and the HSDS profile in a real browser: accessible at 1280 and at
360 px without sideways scrolling; the API answers a script on another site; the data
package downloads from the page without JavaScript."""

import io
import json
import zipfile
from pathlib import Path

from django.core.cache import cache

from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll


def test_the_open_data_pages_pass_axe_at_both_widths(page, phone_page):
    for path in ("/open-data/", "/open-data/profiel/", "/fr/open-data/"):
        for browser_page in (page, phone_page):
            response = browser_page.goto(path)
            assert response.status == 200, f"{path} answered {response.status}"
            assert_no_horizontal_scroll(browser_page)
            assert_accessible(browser_page)


def test_the_footer_leads_to_the_open_data_page_and_on_to_the_profile(page):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Open data").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Open data"
    assert page.get_by_text("CC BY 4.0").is_visible()
    page.get_by_role("link", name="Ons HSDS-profiel: wat we aan de standaard toevoegen").click()
    assert page.get_by_role("heading", name="Leeftijd en zwangerschap").is_visible()


def test_a_visitor_downloads_the_data_package_from_the_page_without_javascript(no_js_page):
    partner = factories.make_partner("Gezinsbond vzw", slug="gezinsbond")
    factories.make_offer(partner, "Babymassage")
    cache.clear()  # a package made earlier in the run holds other data
    no_js_page.goto("/open-data/")
    with no_js_page.expect_download() as download_info:
        no_js_page.get_by_role("link", name="Download het datapakket (ZIP, CSV-bestanden)").click()
    download = download_info.value
    assert download.suggested_filename == "huisvanhetkind-leuven-hsds.zip"
    archive = zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))
    descriptor = json.loads(archive.read("datapackage.json"))
    assert "Babymassage" in archive.read("services.csv").decode()
    assert {resource["path"] for resource in descriptor["resources"]} <= set(archive.namelist())
