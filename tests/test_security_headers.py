"""The production site's response headers, scored as Mozilla's HTTP Observatory scores a site.

`observatory_scan` implements the Observatory's published tests and score modifiers
(https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring) for what a response
shows: Content-Security-Policy, cookies, CORS, the http → https redirect, Referrer-Policy,
Strict-Transport-Security, Subresource Integrity, X-Content-Type-Options, X-Frame-Options and
Cross-Origin-Resource-Policy. Left out, because a test client cannot see them: the HSTS preload
list (+5 for preloaded sites) and certificate errors.

The score starts at 100 and adds every test's modifier; the bonuses (modifiers above zero) count
only when the penalties leave at least 90. A+ is 100 or more; we hold the site to 115.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from tests import factories
from tests.test_settings import PRODUCTION_ENV, exec_settings

TARGET = 115
SIX_MONTHS = 15_768_000
GRADES = [
    (100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"), (50, "C"),
    (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F"),
]  # fmt: skip
ATTACKER = "https://attacker.example"
# Settings that differ between development and production, taken from settings.py as it runs
# with the README's production environment.
PRODUCTION_PREFIXES = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "LANGUAGE_COOKIE_")


def csp_test(response):
    header = response.headers.get("Content-Security-Policy")
    if not header:
        return "csp-not-implemented", -25
    policy = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *sources = directive.lower().split()
        if name in policy:
            return "csp-header-invalid", -25
        policy[name] = set(sources)
    fallback = policy.get("default-src", {"*"})
    script = policy.get("script-src", fallback)
    style = policy.get("style-src", fallback)
    # Nonces and hashes make browsers ignore 'unsafe-inline'; 'strict-dynamic' also the hosts.
    trusted = {s for s in script if s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-"))}
    broad = {"*", "http:", "https:", "data:"} if "'strict-dynamic'" not in script else set()
    unsafe_script = script & broad or ("'unsafe-inline'" in script and not trusted)
    active = [
        source
        for name, sources in policy.items()
        if name not in ("img-src", "media-src", "base-uri", "form-action", "frame-ancestors")
        for source in sources
    ]
    passive = policy.get("img-src", fallback) | policy.get("media-src", fallback)
    if unsafe_script:
        return "csp-implemented-with-unsafe-inline", -20
    if any(source.startswith("http:") for source in active):
        return "csp-implemented-with-insecure-scheme", -20
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10
    if any(source.startswith("http:") for source in passive):
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10
    if style & {"*", "http:", "https:", "data:", "'unsafe-inline'"}:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0
    if policy.get("default-src") == {"'none'"}:
        return "csp-implemented-with-no-unsafe-default-src-none", 10
    return "csp-implemented-with-no-unsafe", 5


def cookies_test(response):
    if not response.cookies:
        return "cookies-not-found", 0
    hsts = "Strict-Transport-Security" in response.headers
    results = []
    for name, cookie in response.cookies.items():
        session = any(word in name.lower() for word in ("login", "sess"))
        anti_csrf = any(word in name.lower() for word in ("csrf", "xsrf", "token"))
        samesite = cookie["samesite"].lower()
        if samesite and samesite not in ("strict", "lax", "none"):
            results.append(("cookies-samesite-flag-invalid", -20))
        if session and not cookie["secure"]:
            if hsts:
                results.append(("cookies-session-without-secure-flag-but-protected-by-hsts", -10))
            else:
                results.append(("cookies-session-without-secure-flag", -40))
        elif session and not cookie["httponly"]:
            results.append(("cookies-session-without-httponly-flag", -30))
        elif not cookie["secure"]:
            if hsts:
                results.append(("cookies-without-secure-flag-but-protected-by-hsts", -5))
            else:
                results.append(("cookies-without-secure-flag", -20))
        if anti_csrf and not samesite:
            results.append(("cookies-anticsrf-without-samesite-flag", -20))
    if results:
        return min(results, key=lambda result: result[1])
    if all(cookie["samesite"] for cookie in response.cookies.values()):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def cors_test(response):
    """The scan asks with an Origin of its own: a site that lets it read answers with the
    visitor's cookies has given every site that access."""
    allowed = response.headers.get("Access-Control-Allow-Origin")
    if allowed is None:
        return "cross-origin-resource-sharing-not-implemented", 0
    credentials = response.headers.get("Access-Control-Allow-Credentials", "").lower() == "true"
    if allowed == ATTACKER and credentials:
        return "cross-origin-resource-sharing-implemented-with-universal-access", -50
    if allowed == "*":
        return "cross-origin-resource-sharing-implemented-with-public-access", 0
    return "cross-origin-resource-sharing-implemented-with-restricted-access", 0


def redirection_test(http_response, host):
    location = http_response.headers.get("Location", "")
    if http_response.status_code not in (301, 302, 307, 308) or not location:
        return "redirection-missing", -20
    target = urlsplit(location)
    if target.scheme != "https":
        return "redirection-not-to-https", -20
    if target.hostname != host:
        return "redirection-off-host-from-http", -5
    return "redirection-to-https", 0


def referrer_policy_test(response):
    header = response.headers.get("Referrer-Policy")
    if header is None:
        return "referrer-policy-not-implemented", 0
    private = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
    unsafe = {"origin", "origin-when-cross-origin", "unsafe-url"}
    known = [value for value in re.split(r"[,\s]+", header.lower()) if value]
    # Browsers take the last value they know.
    policy = next(
        (v for v in reversed(known) if v in private | unsafe | {"no-referrer-when-downgrade"}), None
    )
    if policy in private:
        return "referrer-policy-private", 5
    if policy == "no-referrer-when-downgrade":
        return "referrer-policy-no-referrer-when-downgrade", 0
    if policy in unsafe:
        return "referrer-policy-unsafe", -5
    return "referrer-policy-header-invalid", -5


def hsts_test(response):
    header = response.headers.get("Strict-Transport-Security")
    if header is None:
        return "hsts-not-implemented", -20
    max_age = re.search(r"(?:^|;)\s*max-age=\"?(\d+)\"?\s*(?:;|$)", header, re.IGNORECASE)
    if not max_age:
        return "hsts-header-invalid", -20
    if int(max_age[1]) < SIX_MONTHS:
        return "hsts-implemented-max-age-less-than-six-months", -10
    return "hsts-implemented-max-age-at-least-six-months", 0


class ScriptSources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.scripts.append((attributes["src"], bool(attributes.get("integrity"))))


def sri_test(response, host):
    if not response.get("Content-Type", "").startswith("text/html"):
        return "sri-not-implemented-response-not-html", 0
    parser = ScriptSources()
    parser.feed(response.content.decode())
    if not parser.scripts:
        return "sri-not-implemented-but-no-scripts-loaded", 0
    external = []
    for src, integrity in parser.scripts:
        url = urlsplit(src)
        if url.netloc and url.hostname != host:
            external.append((url.scheme == "https", integrity))
    if not external:
        if all(integrity for _src, integrity in parser.scripts):
            return "sri-implemented-and-all-scripts-loaded-securely", 5
        return "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0
    secure = all(https for https, _integrity in external)
    protected = all(integrity for _https, integrity in external)
    if protected:
        if secure:
            return "sri-implemented-and-external-scripts-loaded-securely", 5
        return "sri-implemented-but-external-scripts-not-loaded-securely", -20
    if secure:
        return "sri-not-implemented-but-external-scripts-loaded-securely", -5
    return "sri-not-implemented-and-external-scripts-not-loaded-securely", -50


def x_content_type_options_test(response):
    header = response.headers.get("X-Content-Type-Options")
    if header is None:
        return "x-content-type-options-not-implemented", -5
    if header.strip().lower() != "nosniff":
        return "x-content-type-options-header-invalid", -5
    return "x-content-type-options-nosniff", 0


def x_frame_options_test(response):
    # CSP's frame-ancestors supersedes X-Frame-Options in every current browser.
    if "frame-ancestors" in response.headers.get("Content-Security-Policy", "").lower():
        return "x-frame-options-implemented-via-csp", 5
    header = response.headers.get("X-Frame-Options")
    if header is None:
        return "x-frame-options-not-implemented", -20
    if header.strip().lower() in ("deny", "sameorigin"):
        return "x-frame-options-sameorigin-or-deny", 0
    if header.strip().lower().startswith("allow-from "):
        return "x-frame-options-allow-from-origin", 0
    return "x-frame-options-header-invalid", -20


def cross_origin_resource_policy_test(response):
    header = response.headers.get("Cross-Origin-Resource-Policy")
    if header is None:
        return "cross-origin-resource-policy-not-implemented", 0
    if header.strip().lower() not in ("same-site", "same-origin", "cross-origin"):
        return "cross-origin-resource-policy-header-invalid", -5
    return f"cross-origin-resource-policy-implemented-with-{header.strip().lower()}", 0


def observatory_scan(client, path):
    """Fetch `path` as the Observatory does, over http (which should redirect) and over https,
    through a proxy that terminates TLS; return (score, grade, {test: (result, modifier)})."""
    host = "testserver"
    http = client.get(path, headers={"X-Forwarded-Proto": "http"})
    https = client.get(
        path, secure=True, headers={"X-Forwarded-Proto": "https", "Origin": ATTACKER}
    )
    assert https.status_code == 200, (path, https.status_code)
    results = {
        "content-security-policy": csp_test(https),
        "cookies": cookies_test(https),
        "cross-origin-resource-sharing": cors_test(https),
        "redirection": redirection_test(http, host),
        "referrer-policy": referrer_policy_test(https),
        "strict-transport-security": hsts_test(https),
        "subresource-integrity": sri_test(https, host),
        "x-content-type-options": x_content_type_options_test(https),
        "x-frame-options": x_frame_options_test(https),
        "cross-origin-resource-policy": cross_origin_resource_policy_test(https),
    }
    modifiers = [modifier for _result, modifier in results.values()]
    score = 100 + sum(m for m in modifiers if m < 0)
    if score >= 90:
        score += sum(m for m in modifiers if m > 0)
    score = max(score, 0)
    grade = next(grade for minimum, grade in GRADES if score >= minimum)
    return score, grade, results


@pytest.fixture
def production(settings, monkeypatch):
    """The security settings of settings.py run with the README's production environment."""
    production_settings = exec_settings(monkeypatch, **PRODUCTION_ENV)
    settings.DEBUG = False
    for name in dir(production_settings):
        if name.startswith(PRODUCTION_PREFIXES):
            setattr(settings, name, getattr(production_settings, name))
    settings.CONTENT_SECURITY_POLICY = production_settings.CONTENT_SECURITY_POLICY
    return settings


@pytest.fixture
def offer(partner):
    return factories.make_offer(partner, title="Babymassage")


def test_the_public_pages_score_a_plus(production, client, offer):
    for path in [
        reverse("home"),
        reverse("aanbod:offer_list"),
        reverse("aanbod:offer_list") + "?afdrukken=1",  # the one page with a script
        offer.get_absolute_url(),
        reverse("login"),
    ]:
        score, grade, results = observatory_scan(client, path)
        assert score >= TARGET, (path, score, results)
        assert grade == "A+"


def test_a_logged_in_page_scores_a_plus(production, client, editor):
    client.force_login(editor)
    score, _grade, results = observatory_scan(client, reverse("netwerk:calendar"))
    assert score >= TARGET, results


def test_the_scores_come_from_the_headers_we_meant(production, client, offer):
    score, _grade, results = observatory_scan(client, reverse("aanbod:offer_list"))
    assert score == 120
    assert {test: result for test, (result, _modifier) in results.items()} == {
        "content-security-policy": "csp-implemented-with-no-unsafe",
        "cookies": "cookies-secure-with-httponly-sessions-and-samesite",
        "cross-origin-resource-sharing": "cross-origin-resource-sharing-not-implemented",
        "redirection": "redirection-to-https",
        "referrer-policy": "referrer-policy-private",
        "strict-transport-security": "hsts-implemented-max-age-at-least-six-months",
        "subresource-integrity": "sri-not-implemented-but-no-scripts-loaded",
        "x-content-type-options": "x-content-type-options-nosniff",
        "x-frame-options": "x-frame-options-implemented-via-csp",
        "cross-origin-resource-policy": "cross-origin-resource-policy-implemented-with-same-origin",
    }


def test_without_a_content_security_policy_the_site_scores_75_grade_b(production, client, db):
    production.CONTENT_SECURITY_POLICY = None
    score, grade, results = observatory_scan(client, reverse("home"))
    assert results["content-security-policy"] == ("csp-not-implemented", -25)
    assert (score, grade) == (75, "B")


def policy_with(directives):
    """The site's Content-Security-Policy with some directives changed."""
    policy = django_settings.CONTENT_SECURITY_POLICY
    return {**policy, "DIRECTIVES": {**policy["DIRECTIVES"], **directives}}


CSP = "CONTENT_SECURITY_POLICY"
UNSAFE_SCRIPTS = policy_with({"script-src": ["'self'", "'unsafe-inline'"]})
UNSAFE_STYLES = policy_with({"style-src": ["'self'", "'unsafe-inline'"]})


@pytest.mark.parametrize(
    ("setting", "value", "result", "score"),
    [
        # A penalty of more than 10 also forfeits the bonuses (+20 here).
        (CSP, UNSAFE_SCRIPTS, "csp-implemented-with-unsafe-inline", 80),
        (CSP, UNSAFE_STYLES, "csp-implemented-with-unsafe-inline-in-style-src-only", 115),
        ("SECURE_SSL_REDIRECT", False, "redirection-missing", 80),
        ("SECURE_HSTS_SECONDS", 86400, "hsts-implemented-max-age-less-than-six-months", 110),
        ("SECURE_HSTS_SECONDS", 0, "hsts-not-implemented", 80),
        ("SECURE_REFERRER_POLICY", "unsafe-url", "referrer-policy-unsafe", 110),
        ("SECURE_CONTENT_TYPE_NOSNIFF", False, "x-content-type-options-not-implemented", 115),
        ("CSRF_COOKIE_SECURE", False, "cookies-without-secure-flag-but-protected-by-hsts", 110),
        ("CSRF_COOKIE_SAMESITE", None, "cookies-anticsrf-without-samesite-flag", 80),
    ],
)  # fmt: skip
def test_each_weakness_costs_what_the_observatory_takes_off(
    production, client, db, setting, value, result, score
):
    setattr(production, setting, value)
    scanned, _grade, results = observatory_scan(client, reverse("home"))
    assert result in {result for result, _modifier in results.values()}
    assert scanned == score, results


def test_framing_is_refused_without_frame_ancestors_only_through_x_frame_options(
    production, client, db
):
    production.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    _score, _grade, results = observatory_scan(client, reverse("home"))
    assert results["x-frame-options"] == ("x-frame-options-sameorigin-or-deny", 0)


def test_the_policy_allows_only_the_sites_own_resources_and_the_map_tiles(client, db):
    header = client.get(reverse("home"))["Content-Security-Policy"]
    policy = {part.split()[0]: part.split()[1:] for part in header.split("; ")}
    assert policy == {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "https://tile.openstreetmap.org"],
        "style-src-attr": [
            "'unsafe-hashes'",
            "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


def test_production_cookies_are_host_only_and_secure(production, client, editor):
    page = client.get(reverse("login"), secure=True)
    csrf = page.cookies["__Host-csrftoken"]
    response = client.post(
        reverse("login"),
        {"username": editor.email, "password": "correct horse 42"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    for cookie in (csrf, session):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert not cookie["domain"]
    assert session["httponly"] is True


def test_a_same_origin_script_needs_no_integrity_attribute(production, client, db):
    _score, _grade, results = observatory_scan(
        client, reverse("aanbod:offer_list") + "?afdrukken=1"
    )
    assert results["subresource-integrity"] == (
        "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
        0,
    )
