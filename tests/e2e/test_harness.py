"""The browser harness itself: each guard really catches what it is for."""

import pytest

from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll

BROKEN_PAGE = """<!doctype html><html lang="nl"><head><title>Kapot</title></head><body>
<main><h1>Kapot</h1><input id="unlabelled" type="text">
<p style="color:#bbb;background:#fff">Te licht</p></main></body></html>"""


def test_assert_accessible_lists_each_violation_with_its_place(page):
    page.set_content(BROKEN_PAGE)
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    report = str(failure.value)
    assert "label (critical)" in report
    assert "#unlabelled" in report
    assert "color-contrast (serious)" in report


def test_assert_accessible_needs_javascript(no_js_page):
    no_js_page.goto("/")
    with pytest.raises(RuntimeError, match="needs JavaScript"):
        assert_accessible(no_js_page)


def test_assert_no_horizontal_scroll_catches_a_too_wide_element(phone_page):
    phone_page.set_content(
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<div style="width:500px">breed</div>'
    )
    with pytest.raises(AssertionError, match="scrolls sideways: 5\\d\\d px"):
        assert_no_horizontal_scroll(phone_page)


def test_requests_to_other_hosts_are_blocked_and_reported(new_page):
    # On a blank page: on the site's own pages the Content-Security-Policy stops such a
    # request before it is made.
    page = new_page()
    page.evaluate(
        """() => new Promise(done => {
            const img = new Image();
            img.onerror = img.onload = done;
            img.src = "https://cdn.example.org/logo.png";
        })"""
    )
    assert new_page.foreign_requests == ["https://cdn.example.org/logo.png"]
    new_page.foreign_requests.clear()  # caught as intended: let the fixture's own check pass


def test_content_security_policy_violations_are_reported(new_page):
    page = new_page()
    page.goto("/")
    with page.expect_console_message():
        page.evaluate("""() => document.body.insertAdjacentHTML(
            "beforeend", '<p style="color: red">Ingevoegd</p>')""")
    assert len(new_page.csp_violations) == 1
    assert "inline style" in new_page.csp_violations[0]
    new_page.csp_violations.clear()  # caught as intended


def test_pages_open_in_dutch_on_the_live_server(page, live_server):
    page.goto("/")
    assert page.url == f"{live_server.url}/"
    assert page.evaluate("navigator.language") == "nl-BE"
    assert page.viewport_size == {"width": 1280, "height": 800}
