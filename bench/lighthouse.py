"""Lighthouse scores of the public pages, as production serves them, with Debian's Chromium.

    (cd bench/lighthouse && npm ci)      # once: Lighthouse 12.2.3, pinned in package-lock.json
    .venv/bin/python bench/lighthouse.py

It fills a database of its own (`hvhk_lighthouse` on the embedded PostgreSQL server of the
project folder, or the empty database DATABASE_URL names) with the demo content, collects the
static files (hashed names, compressed, as in production), starts gunicorn with DEBUG off on a
free port of 127.0.0.1 and runs Lighthouse (its default: a phone, throttled, and with
--desktop the desktop preset too) on the home page, the catalogue, an offer page, the agenda
and the places. It prints a Markdown table and writes it with every report (JSON) to
bench/results/. The embedded database is dropped at the end unless --keep.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
LIGHTHOUSE = BENCH_DIR / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
DATABASE_NAME = "hvhk_lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The offer page is the first offer the catalogue lists.
PAGES = [
    ("home", "/"),
    ("catalogue", "/aanbod/"),
    ("offer", "{offer}"),
    ("agenda", "/agenda/"),
    ("places", "/plekken/"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desktop", action="store_true", help="also the desktop preset")
    parser.add_argument("--keep", action="store_true", help="keep the embedded database")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"bench: {LIGHTHOUSE} is missing: run `npm ci` in {LIGHTHOUSE.parents[2]}")
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    with database() as url, tempfile.TemporaryDirectory(prefix="hvhk_lighthouse_") as tmp:
        env = server_environment(url, Path(tmp))
        manage(env, "migrate", "--verbosity", "0")
        manage(env, "load_demo", "--allow-production", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        with app_server(env, Path(tmp)) as base:
            offer = first_offer(base)
            rows = []
            presets = ["mobile"] + (["desktop"] if args.desktop else [])
            for preset in presets:
                for name, path in PAGES:
                    path = path.format(offer=offer)
                    report = RESULTS_DIR / f"lighthouse-{stamp}-{preset}-{name}.json"
                    scores = lighthouse(base + path, report, preset)
                    rows.append((preset, name, path, scores))
                    print(preset, name, scores, flush=True)
    table = markdown(rows)
    (RESULTS_DIR / f"lighthouse-{stamp}.md").write_text(table)
    print(table)
    if not args.keep and not os.environ.get("DATABASE_URL"):
        drop_embedded_database()


@contextlib.contextmanager
def database():
    """DATABASE_URL (an empty database), or hvhk_lighthouse on the embedded server, kept
    running by a holder process while this runs."""
    given = os.environ.get("DATABASE_URL", "").strip()
    if given:
        yield given
        return
    holder = subprocess.Popen(
        [sys.executable, "-m", "huisvanhetkind.local_database", "hold"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        if holder.stdout.readline().strip() != "ready":
            sys.exit("bench: the embedded PostgreSQL server did not start")
        sys.path.insert(0, str(ROOT))
        from huisvanhetkind import local_database
        from tests.servers import database_url

        settings = local_database.settings_dict("")
        create_embedded_database(settings)
        yield database_url({**settings, "NAME": DATABASE_NAME})
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


def _connect(settings):
    import psycopg

    connection = psycopg.connect(
        host=settings["HOST"], port=settings["PORT"], user=settings["USER"], dbname="postgres"
    )
    connection.autocommit = True
    return connection


def create_embedded_database(settings):
    with _connect(settings) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}"')
        connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def drop_embedded_database():
    """Drop it through a short-lived holder: the server may have stopped with the last user."""
    holder = subprocess.Popen(
        [sys.executable, "-m", "huisvanhetkind.local_database", "hold"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        holder.stdout.readline()
        from huisvanhetkind import local_database

        with _connect(local_database.settings_dict("")) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


def server_environment(url, tmp):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "huisvanhetkind.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-secret-key-for-lighthouse-only-" + "x" * 20,
        "REFERRAL_KEYS": "bGlnaHRob3VzZS1vbmx5LXJlZmVycmFsLWtleS0wMDA=",
        "REFERRAL_LOOKUP_KEY": "a-lookup-key-for-lighthouse-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain http on the loopback: no redirect to https, no HSTS (a proxy's job).
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(tmp / "media"),
    }


def manage(env, *arguments):
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True)


@contextlib.contextmanager
def app_server(env, tmp):
    from tests.servers import free_port

    port = free_port()
    log = tmp / "gunicorn.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "huisvanhetkind.wsgi"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--no-control-socket"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/health/", timeout=5)
                break
            if process.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"bench: gunicorn did not answer:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)


def first_offer(base):
    html = urllib.request.urlopen(base + "/aanbod/", timeout=30).read().decode()
    return re.search(r'class="offer-card-link" href="(/aanbod/[^"/]+/)"', html).group(1)


def lighthouse(url, report, preset):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    # Chromium on a busy machine now and then fails to record the trace (NO_NAVSTART): retry.
    for attempt in range(3):
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if run.returncode == 0:
            break
        print(f"bench: Lighthouse failed on {url} (attempt {attempt + 1})", flush=True)
    else:
        sys.exit(f"bench: Lighthouse failed three times on {url}")
    result = json.loads(report.read_text())
    scores = {name: result["categories"][name]["score"] for name in CATEGORIES}
    failed = [
        audit_id
        for category in CATEGORIES
        for ref in result["categories"][category]["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"])
        and result["audits"][audit_id]["score"] is not None
        and result["audits"][audit_id]["score"] < 1
    ]
    scores["not passed"] = ", ".join(sorted(set(failed))) or "–"
    return scores


def markdown(rows):
    lines = [
        f"Lighthouse {lighthouse_version()}, {chromium_version()}, {datetime.now():%Y-%m-%d %H:%M}",
        "",
        "| form factor | page | path | performance | accessibility | best practices | SEO "
        "| audits not fully passed |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for preset, name, path, scores in rows:
        values = " | ".join(f"{scores[category]:.2f}" for category in CATEGORIES)
        lines.append(f"| {preset} | {name} | `{path}` | {values} | {scores['not passed']} |")
    return "\n".join(lines) + "\n"


def lighthouse_version():
    lock = json.loads((BENCH_DIR / "lighthouse" / "package-lock.json").read_text())
    return lock["packages"]["node_modules/lighthouse"]["version"]


def chromium_version():
    found = shutil.which(CHROMIUM)
    output = subprocess.run([found, "--version"], capture_output=True, text=True).stdout
    return output.strip().splitlines()[0] if output.strip() else "Chromium"


if __name__ == "__main__":
    main()
