"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Fixtures: `browser` (one Chromium per session), `page` (desktop, 1280 px wide), `phone_page`
(360 x 740), `no_js_page` (JavaScript disabled) and `new_page(**context_options)` for anything
else. Every page speaks nl-BE, opens paths relative to the live server (`page.goto("/")`) and
fails its test if it asks any other host for anything (but those a test adds to
`new_page.allowed_hosts`) or breaks the Content-Security-Policy.

Helpers: `assert_accessible(page)` (axe-core, WCAG 2.x A/AA) and
`assert_no_horizontal_scroll(page)`.

Without /usr/bin/chromium the tests skip, except under CI (CI set), where that is a failure.
Tests under tests/e2e/ are marked `e2e`: `python3 dev.py test -m e2e` runs only them.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe files these under "best-practice", but our bar names them: one h1 and no skipped heading
# levels, all content in landmarks, landmarks not repeated, a working skip link.
AXE_EXTRA_RULES = [
    "page-has-heading-one",
    "heading-order",
    "empty-heading",
    "landmark-one-main",
    "region",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "skip-link",
]
E2E_DIR = Path(__file__).resolve().parent

# Contexts opened with JavaScript off: axe-core cannot run in them.
_no_js_contexts = set()


def pytest_collection_modifyitems(items):
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    if not CHROMIUM.exists():
        reason = f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; under CI they may not be skipped", pytrace=False)
        pytest.skip(reason)
    from django.db import connection, connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread. Django then refuses
    # ORM calls from the test code unless told that this is safe here, and would hand the test
    # code new connection objects. Keep the ones the test database was set up with: they hold
    # Django's snapshot for serialized rollback.
    kept = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    for alias, kept_connection in kept.items():
        connections[alias] = kept_connection
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    finally:
        # A browser test ends by emptying every table; put back what the migrations made, so
        # a test database kept with --reuse-db still has its pillars and groups.
        snapshot = getattr(connection, "_test_serialized_contents", None)
        if snapshot is not None:
            with django_db_blocker.unblock():
                connection.creation.deserialize_db_from_string(snapshot)
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser, live_server, django_db_serialized_rollback):
    """Open pages in fresh browser contexts; `new_page(viewport=..., java_script_enabled=...)`.

    The live server needs a transactional database, which empties every table after each test;
    serialized rollback puts back what the migrations created (the pillars, the Coordinators
    group) before the next one.
    """
    server = urlsplit(live_server.url)
    contexts, foreign, violations = [], [], []
    # Other hosts a test runs itself, e.g. a fake map tile server: new_page.allowed_hosts.add().
    allowed = {server.netloc}

    def only_the_live_server(route):
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob", "about") or url.netloc in allowed:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    def report_csp_violation(message):
        # Chromium reports what the policy blocked on the page's console.
        if "Content Security Policy" in message.text:
            violations.append(f"{message.page.url if message.page else ''}: {message.text}")

    def open_page(**options):
        # Reduced motion switches off Bootstrap's transitions, so axe never measures the
        # contrast of a button halfway through a colour change.
        options = {
            "locale": "nl-BE",
            "viewport": DESKTOP,
            "base_url": live_server.url,
            "reduced_motion": "reduce",
            **options,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.route("**/*", only_the_live_server)
        context.on("console", report_csp_violation)
        contexts.append(context)
        if options.get("java_script_enabled") is False:
            _no_js_contexts.add(id(context))
        return context.new_page()

    # Exposed for the harness's own tests, which make such requests on purpose.
    open_page.foreign_requests = foreign
    open_page.csp_violations = violations
    open_page.allowed_hosts = allowed
    yield open_page

    for context in contexts:
        _no_js_contexts.discard(id(context))
        context.close()
    assert not foreign, f"pages asked hosts other than the live server for: {foreign}"
    assert not violations, "pages broke the Content-Security-Policy:\n" + "\n".join(violations)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def phone_page(new_page):
    return new_page(viewport=PHONE, is_mobile=True, has_touch=True)


@pytest.fixture
def no_js_page(new_page):
    return new_page(java_script_enabled=False)


def assert_accessible(page):
    """Run axe-core on the page once it is styled; fail listing every violation and where it
    is."""
    from axe_playwright_python.sync_playwright import Axe

    if id(page.context) in _no_js_contexts:
        raise RuntimeError("axe-core needs JavaScript: check accessibility with `page`")
    wait_for_the_stylesheets(page)
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": {rule: {"enabled": True} for rule in AXE_EXTRA_RULES},
        "resultTypes": ["violations"],
    }
    violations = Axe().run(page, options=options).response["violations"]
    report = []
    for violation in violations:
        report.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            report.append(f"    {target}: {summary}")
    assert not violations, f"axe-core found problems on {page.url}:\n" + "\n".join(report)


def assert_no_horizontal_scroll(page):
    """The page is no wider than the screen. Compared with the viewport the test asked for, not
    window.innerWidth: a phone browser zooms out to fit wide content, widening innerWidth."""
    screen = page.viewport_size["width"]
    wait_for_the_stylesheets(page)
    content = page.evaluate("document.documentElement.scrollWidth")
    if content <= screen:
        return
    # The innermost elements that reach past the screen's edge, to say what to fix.
    wide = page.evaluate(
        """screen => [...document.querySelectorAll("body *")]
            .filter(e => e.getBoundingClientRect().right > screen + 1
                && ![...e.children].some(c => c.getBoundingClientRect().right > screen + 1))
            .slice(0, 5)
            .map(e => `${e.tagName}.${e.className}: ${e.textContent.trim().slice(0, 40)}`)""",
        screen,
    )
    raise AssertionError(
        f"{page.url} scrolls sideways: {content} px of content on a {screen} px screen; "
        f"too wide: {wide}"
    )


def wait_for_the_stylesheets(page):
    """Wait for the page's load event, which waits for its stylesheets. A test that waits for a
    text after a click goes on as soon as the new page's HTML has it; on a busy machine the
    live server's CSS could then still be on its way, and axe or a width check would measure an
    unstyled page (its links too small to tap, its menu laid out in one long row)."""
    page.wait_for_load_state("load")


def log_in(page, live_server, user):
    """Start the browser logged in, skipping the login form (journeys of their own test it)."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
