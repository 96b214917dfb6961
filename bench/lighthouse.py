"""Lighthouse scores of the public pages, as production serves them, with Debian's Chromium.

    (cd bench/node && npm ci)      # once: Lighthouse 12.2.3, pinned in package-lock.json
    .venv/bin/python bench/lighthouse.py

It serves the demo site as production does (bench/demo_server.py: a database of its own,
`hvhk_lighthouse` on the embedded server unless DATABASE_URL names an empty one; gunicorn with
DEBUG off) and runs Lighthouse (its default: a phone, throttled, and with --desktop the
desktop preset too) on the home page, the catalogue, an offer page, the agenda and the places.
It prints a Markdown table and writes it with every report (JSON) to bench/results/. The
embedded database is dropped at the end unless --keep.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime

from demo_server import BENCH_DIR, NODE_BIN, demo_site, first_offer, npm_version

RESULTS_DIR = BENCH_DIR / "results"
LIGHTHOUSE = NODE_BIN / "lighthouse"
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
    with demo_site(DATABASE_NAME, keep=args.keep) as base:
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
        f"Lighthouse {npm_version('lighthouse')}, {chromium_version()}, "
        f"{datetime.now():%Y-%m-%d %H:%M}",
        "",
        "| form factor | page | path | performance | accessibility | best practices | SEO "
        "| audits not fully passed |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for preset, name, path, scores in rows:
        values = " | ".join(f"{scores[category]:.2f}" for category in CATEGORIES)
        lines.append(f"| {preset} | {name} | `{path}` | {values} | {scores['not passed']} |")
    return "\n".join(lines) + "\n"


def chromium_version():
    found = shutil.which(CHROMIUM)
    output = subprocess.run([found, "--version"], capture_output=True, text=True).stdout
    return output.strip().splitlines()[0] if output.strip() else "Chromium"


if __name__ == "__main__":
    main()
