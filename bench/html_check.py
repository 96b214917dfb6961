"""The Nu Html Checker on every page of the demo site that a visitor, a partner's staff and a
coordinator reach by following links, in every interface language.

    (cd bench/node && npm ci)      # once: vnu-jar 26.9.27 (the checker), needs Java 11 or newer
    .venv/bin/python bench/html_check.py

It serves the demo site as production does (bench/demo_server.py, database `hvhk_html_check`),
then follows the links of the pages from the home page of each language as an anonymous
visitor, and from the portal's start page (/mijn/) of each language logged in as each demo
account, within the portal and the account pages (the public ones were checked already).
The admin is left out (Django's own markup), and so are downloads (calendars, CSV, XLSX, JSON).
A page's path is visited with at most QUERIES_PER_PATH query strings (filters and pages multiply
without end), and an account visits at most --max-pages pages (the report says how many more
it found). Every HTML page that answered 200 goes through vnu.jar at once; a page that did not
answer 200, or sent an account to the login page, is reported as well. It prints the number of
pages checked, every error and warning, writes the report to bench/results/, and exits with 1
if there was an error or a broken link.
"""

import argparse
import http.client
import json
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from collections import Counter, deque
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from demo_server import BENCH_DIR, demo_site, npm_version

from tests.servers import Browser

VNU = BENCH_DIR / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
RESULTS_DIR = BENCH_DIR / "results"
DATABASE_NAME = "hvhk_html_check"
LANGUAGE_PREFIXES = ["", "/fr", "/en", "/ar", "/tr", "/uk"]
# The demo accounts (README, Demo accounts); None is the anonymous visitor.
ACCOUNTS = [
    None,
    ("redacteur@demo.huisvanhetkind.test", "demo-redacteur-2026"),
    ("beheerder@demo.huisvanhetkind.test", "demo-beheerder-2026"),
    ("coordinator@demo.huisvanhetkind.test", "demo-coordinator-2026"),
]
# Pages no link leads to from a home page, or only a form does.
EXTRA_PATHS = ["/aanbod/?afdrukken=1", "/aanbod/lijstje/afdrukken/", "/account/inloggen/"]
PORTAL = re.compile(r"^(/[a-z]{2})?/(mijn|account)/")
LOGIN = re.compile(r"^(/[a-z]{2})?/account/inloggen/")
REDIRECTS = (301, 302, 303, 307, 308)
SKIPPED = re.compile(
    r"^(/[a-z]{2})?/(admin|api|static|media|account/uitloggen)/"
    r"|/naar/[^/]+/$"  # counted redirects to a phone number, an address or another site
    r"|\.(ics|csv|xlsx|zip|json|svg|png|ico|txt|pdf)$"
    r"|/(csv|xlsx|ics)/$"
)
QUERIES_PER_PATH = 3
MAX_PAGES_PER_ACCOUNT = 2000


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the embedded database")
    parser.add_argument(
        "--max-pages", type=int, default=MAX_PAGES_PER_ACCOUNT, help="per account (2000)"
    )
    args = parser.parse_args()
    if not VNU.exists():
        sys.exit(f"bench: {VNU} is missing: run `npm ci` in {BENCH_DIR / 'node'}")
    if not shutil.which("java"):
        sys.exit("bench: the Nu Html Checker needs Java 11 or newer (`java` is not found)")
    RESULTS_DIR.mkdir(exist_ok=True)
    with demo_site(DATABASE_NAME, keep=args.keep) as base, tempfile.TemporaryDirectory() as tmp:
        pages, broken, left = {}, [], {}
        for account in ACCOUNTS:
            crawl(base, account, Path(tmp), pages, broken, left, args.max_pages)
        messages = check(list(pages))
    report(pages, messages, broken, left)


def browser_for(base, account):
    """A visitor (tests.servers.Browser: cookies, CSRF token, Secure cookies over the
    loopback's plain http), logged in as `account` unless None."""
    browser = Browser()
    if account:
        answer = browser.log_in(base, *account)
        if answer.status != 302 or LOGIN.search(
            urllib.parse.urlsplit(answer.headers["Location"]).path
        ):
            sys.exit(f"bench: could not log in as {account[0]}")
    return browser


def crawl(base, account, folder, pages, broken, left, max_pages):
    """Every page reached as `account`, saved in `folder` and listed in `pages`; a page that
    did not answer 200, or sent a logged-in account to the login page, in `broken`; the
    number of pages found but not visited (the limit was reached) in `left`. A redirect is
    followed as a link of the page that sent it."""
    who = account[0] if account else "anonymous"
    browser = browser_for(base, account)
    start = "/mijn/" if account else "/"
    queue = deque(prefix + start for prefix in LANGUAGE_PREFIXES)
    if not account:
        queue.extend(EXTRA_PATHS)
    seen = set(queue)
    queries = Counter()
    fetched = 0
    while queue and fetched < max_pages:
        url = queue.popleft()
        try:
            response = browser.get(base + url)
        except (OSError, http.client.HTTPException) as error:
            broken.append((who, url, f"no answer ({error!r})"))
            continue
        if response.status in REDIRECTS:
            hrefs = [response.headers["Location"]]
            if account and LOGIN.search(urllib.parse.urlsplit(hrefs[0]).path):
                broken.append((who, url, f"sent to the login page ({hrefs[0]})"))
                continue
        elif response.status != 200:
            broken.append((who, url, response.status))
            continue
        else:
            fetched += 1
            if "text/html" not in response.headers.get("Content-Type", ""):
                continue
            path = folder / f"{len(pages):05d}.html"
            path.write_text(response.text, encoding="utf-8")
            pages[str(path)] = (who, url)
            parser = Links()
            parser.feed(response.text)
            hrefs = parser.hrefs
        for href in hrefs:
            link = urllib.parse.urljoin(base + url, href)
            if not link.startswith(base + "/"):
                continue
            link = urllib.parse.urldefrag(link)[0][len(base) :]
            path_only, _, query = link.partition("?")
            if link in seen or SKIPPED.search(path_only):
                continue
            if account and not PORTAL.search(path_only):
                continue
            if query:
                if queries[path_only] >= QUERIES_PER_PATH:
                    continue
                queries[path_only] += 1
            seen.add(link)
            queue.append(link)
    left[who] = len(queue)
    print(f"bench: {who}: {fetched} pages, {len(queue)} found but not visited", flush=True)


def check(files):
    """The Nu Html Checker's messages on the files, by file."""
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1):
        sys.exit(f"bench: vnu.jar failed:\n{run.stderr}")
    return json.loads(run.stdout)["messages"]


def report(pages, messages, broken, left):
    # A page the checker could not read (non-document-error) counts as an error too.
    errors, warnings = [], []
    for message in messages:
        is_error = message["type"] in ("error", "non-document-error")
        (errors if is_error else warnings).append(message)
    lines = [
        f"Nu Html Checker {npm_version('vnu-jar')}, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- pages checked: {len(pages)} ({count_by_account(pages)})",
        f"- errors: {len(errors)}",
        f"- warnings: {len(warnings)}",
        f"- pages that did not answer 200: {len(broken)}",
        "- pages found but not visited (the limit per account was reached): "
        + ", ".join(f"{who}: {count}" for who, count in left.items()),
        "",
    ]
    for kind, found in (("error", errors), ("warning", warnings)):
        for message in found:
            who, url = pages.get(message["url"].removeprefix("file:"), ("?", message["url"]))
            line = message.get("lastLine", "?")
            lines.append(f"- {kind} ({who}) `{url}` line {line}: {message['message']}")
    for who, url, status in broken:
        lines.append(f"- {status} ({who}) `{url}`")
    text = "\n".join(lines) + "\n"
    (RESULTS_DIR / f"html-check-{datetime.now():%Y%m%d-%H%M%S}.md").write_text(text)
    print(text)
    sys.exit(1 if errors or broken else 0)


def count_by_account(pages):
    counts = Counter(who for who, _url in pages.values())
    return ", ".join(f"{who}: {count}" for who, count in counts.items())


if __name__ == "__main__":
    main()
