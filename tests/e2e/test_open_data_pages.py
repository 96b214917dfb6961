"""The 'Open data' page and the HSDS profile in a real browser: accessible at 1280 and at
360 px without sideways scrolling; the API answers a script on another site."""

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
