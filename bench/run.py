"""Benchmark of the public pages: fill a database with N offers, then time the pages through
the full Django stack (WSGI handler, all middleware, DEBUG off, cached template loader).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python bench/run.py --offers 10000 --fresh

See bench/README.md for what it measures and how to read the table.
"""

import argparse
import cProfile
import io
import os
import platform
import pstats
import re
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
MARKER_TABLE = "hvhk_bench_marker"
HOST = "testserver"
AGENDA_ITEM = 'class="agenda-item'
# A phone's browser: the pages count its visits (common.usage leaves robots out).
BROWSER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
# --counting: the pages measured with and without counting their use, and the ways compared.
COUNTING_PAGES = ("catalogue", "search, rare word", "offer detail")
COUNTING_WAYS = ("not counted", "counted (batched)", "counted, written every request")

# name, path, query parameters; "{detail}" is replaced by an offer's slug after the fill.
PAGES = [
    ("baseline", "/bench/baseline/", {}),
    ("home", "/", {}),
    ("catalogue", "/aanbod/", {}),
    (
        "catalogue, filtered",
        "/aanbod/",
        {
            "pijler": ["spel-en-ontmoeting", "groepsaanbod"],
            "voor": "0-3",
            "gemeente": ["3000", "3010"],
            "kosten": ["gratis", "sociaal"],
            "zonder_inschrijving": "on",
            "taal": "nl",
            "dag": "3",
        },
    ),
    ("search, common word", "/aanbod/", {"q": "ouders"}),
    ("search, rare word", "/aanbod/", {"q": "tweeling"}),
    ("search, typo", "/aanbod/", {"q": "borstvoding"}),
    ("offer detail", "/aanbod/{detail}/", {}),
    ("agenda", "/agenda/", {}),
]


def main():
    args = parse_args()
    database_url = prepare_environment(args)

    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    static_root = tempfile.mkdtemp(prefix="hvhk_bench_static_")
    overrides = override_settings(
        ROOT_URLCONF="bench.urls",
        TEMPLATES=[
            {
                **settings.TEMPLATES[0],
                "DIRS": [*settings.TEMPLATES[0]["DIRS"], BENCH_DIR / "templates"],
            }
        ],
        # Production's CompressedManifestStaticFilesStorage minus the compression at collect
        # time: {% static %} looks names up in a manifest just the same.
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
            },
        },
        STATIC_ROOT=static_root,
    )
    overrides.enable()
    try:
        run(args, database_url)
    finally:
        overrides.disable()
        shutil.rmtree(static_root, ignore_errors=True)
        if args.fresh and not args.keep:
            drop_fresh_database(database_url)


def parse_args():
    parser = argparse.ArgumentParser(
        description="Fill a benchmark database with N offers and time the public pages."
    )
    parser.add_argument("--offers", type=int, default=10_000, help="number of offers (10000)")
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="create the database hvhk_bench_<offers> on the server of DATABASE_URL, and drop "
        "it at the end",
    )
    parser.add_argument(
        "--keep", action="store_true", help="with --fresh: keep the database for --reuse"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure a database that an earlier --fresh --keep run filled (no fill)",
    )
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page (50)")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page (5)")
    parser.add_argument(
        "--only", action="append", default=[], help="measure only pages whose name contains this"
    )
    parser.add_argument("--sql", action="store_true", help="print each page's queries and times")
    parser.add_argument(
        "--profile", metavar="PAGE", help="profile this page with cProfile instead of the table"
    )
    parser.add_argument("--label", default="", help="text added to the result file's name")
    parser.add_argument(
        "--counting",
        action="store_true",
        help="compare the catalogue pages with and without counting their use (A/B, in rounds)",
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="with --counting: repetitions, each --requests (5)"
    )
    args = parser.parse_args()
    if args.reuse and args.fresh:
        parser.error("--reuse measures the database an earlier --fresh --keep run left")
    if args.offers < 100:
        parser.error("--offers must be at least 100")
    return args


def prepare_environment(args):
    """Production-like settings through the environment, and the database to use."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huisvanhetkind.settings")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
    # Throw-away referral keys: the benchmark makes no referral, but DEBUG off requires them.
    os.environ.setdefault("REFERRAL_KEYS", "YmVuY2htYXJrLW9ubHktcmVmZXJyYWwta2V5LTAwMDA=")
    os.environ.setdefault("REFERRAL_LOOKUP_KEY", "benchmark-only-referral-lookup-key")
    os.environ["ALLOWED_HOSTS"] = HOST
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(
            "bench: set DATABASE_URL to a PostgreSQL database: an empty one, or with --fresh or "
            "--reuse any database on the server, which is only used to connect."
        )
    os.environ["BENCH_GIVEN_DATABASE_URL"] = url
    if args.fresh or args.reuse:
        name = f"hvhk_bench_{args.offers}"
        parts = urlsplit(url)
        url = urlunsplit(parts._replace(path="/" + name))
        if args.fresh:
            create_fresh_database(parts, name)
    os.environ["DATABASE_URL"] = url
    return url


def create_fresh_database(parts, name):
    """CREATE DATABASE name; an existing one is dropped first only if the benchmark made it."""
    import psycopg

    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            with psycopg.connect(urlunsplit(parts._replace(path="/" + name))) as old:
                marked = old.execute("SELECT to_regclass(%s)", [MARKER_TABLE]).fetchone()[0]
            if not marked:
                sys.exit(f"bench: database {name} exists and was not made by the benchmark.")
            admin.execute(f'DROP DATABASE "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_fresh_database(url):
    from django.db import connections

    connections.close_all()
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}"')
    print(f"bench: dropped {parts.path.lstrip('/')}")


def run(args, database_url):
    from django.core.management import call_command
    from django.db import connection

    started = time.monotonic()
    if args.reuse:
        counts = read_marker(args.offers)
    else:
        require_empty_database()
        print(f"bench: migrating {describe_database(database_url)}")
        call_command("migrate", verbosity=0)
        print(f"bench: filling with {args.offers:,} offers")
        from bench.fill import fill

        counts = fill(args.offers, log=print)
        write_marker(args.offers, counts)
        print(f"bench: ready in {time.monotonic() - started:.0f} s")
    call_command("collectstatic", interactive=False, verbosity=0)

    pages = resolve_pages(args.only)
    if args.counting:
        report = counting_report(args, counts, pages, connection)
        print()
        print(report)
        write_result(args, report, "counting")
        return
    if args.profile:
        profile(pages, args.profile, args.requests, args.warmup)
        return
    load_before = os.getloadavg()
    started_at = datetime.now().astimezone()
    timings, details = measure(pages, args.requests, args.warmup, args.sql)
    load_after = os.getloadavg()
    report = markdown_report(
        args, counts, pages, timings, details, started_at, load_before, load_after, connection
    )
    print()
    print(report)
    write_result(args, report)


def write_result(args, report, kind=""):
    RESULTS_DIR.mkdir(exist_ok=True)
    suffix = "".join(f"-{part}" for part in (kind, args.label) if part)
    out = RESULTS_DIR / f"{datetime.now():%Y%m%d-%H%M}-{args.offers}{suffix}.md"
    out.write_text(report + "\n")
    print(f"bench: written to {out.relative_to(ROOT)}")


def describe_database(url):
    parts = urlsplit(url)
    return f"{parts.scheme} database {parts.path.lstrip('/')}"


def require_empty_database():
    from django.db import connection

    tables = connection.introspection.table_names()
    if tables:
        sys.exit(
            f"bench: the database {connection.settings_dict['NAME']} is not empty "
            f"({len(tables)} tables). Use an empty database, --fresh, or --reuse for a "
            "database an earlier --fresh --keep run filled."
        )


def write_marker(offers, counts):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {MARKER_TABLE} (name varchar(40), value integer)")
        cursor.executemany(
            f"INSERT INTO {MARKER_TABLE} (name, value) VALUES (%s, %s)",
            [("requested", offers), *counts.items()],
        )


def read_marker(offers):
    from django.db import connection

    if MARKER_TABLE not in connection.introspection.table_names():
        sys.exit("bench: --reuse needs a database that an earlier --fresh --keep run filled.")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, value FROM {MARKER_TABLE}")
        counts = dict(cursor.fetchall())
    if counts.pop("requested") != offers:
        sys.exit(f"bench: that database was filled with another number of offers: {counts}")
    return counts


def resolve_pages(only):
    from aanbod.models import Activity, Offer

    # An offer page with places, weekly slots and upcoming activities: the fullest kind.
    detail = (
        Activity.objects.upcoming()
        .filter(offer__offer_locations__slots__isnull=False)
        .order_by("offer_id")
        .values_list("offer__slug", flat=True)
        .first()
    ) or Offer.objects.published().order_by("pk").values_list("slug", flat=True).first()
    pages = []
    for name, path, params in PAGES:
        if only and name != "baseline" and not any(part in name for part in only):
            continue
        pages.append((name, path.format(detail=detail), urlencode(params, doseq=True)))
    return pages


class Client:
    """Calls the WSGI application as a server would, without a network in between."""

    def __init__(self):
        from django.core.handlers.wsgi import WSGIHandler

        self.handler = WSGIHandler()

    def get(self, path, query):
        environ = {
            "REQUEST_METHOD": "GET",
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": HOST,
            "SERVER_PORT": "443",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": HOST,
            "HTTP_ACCEPT_LANGUAGE": "nl-BE,nl;q=0.9,en;q=0.5",
            "HTTP_USER_AGENT": BROWSER_AGENT,
            "wsgi.version": (1, 0),
            # Production answers plain http with a redirect to https.
            "wsgi.url_scheme": "https",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        status = []
        result = self.handler(environ, lambda code, headers, exc_info=None: status.append(code))
        try:
            body = b"".join(result)
        finally:
            result.close()
        return status[0], body


def measure(pages, requests, warmup, show_sql):
    """Time every page `requests` times, in rounds (one request per page per round), so a
    change in the machine's load weighs on all pages alike."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    details = {}
    for name, path, query in pages:
        status, body = client.get(path, query)
        if status != "200 OK":
            sys.exit(f"bench: {name} ({path}?{query}) answered {status}")
        with CaptureQueriesContext(connection) as captured:
            client.get(path, query)
        details[name] = {
            "queries": len(captured.captured_queries),
            "kb": len(body) / 1024,
            "shows": shows(name, body.decode()),
        }
        if show_sql:
            print(f"\n## {name}: {len(captured.captured_queries)} queries")
            for q in captured.captured_queries:
                print(f"  {float(q['time']) * 1000:7.1f} ms  {q['sql'][:300]}")
    for _ in range(warmup):
        for _name, path, query in pages:
            client.get(path, query)
    timings = {name: [] for name, _path, _query in pages}
    for _ in range(requests):
        for name, path, query in pages:
            start, cpu = time.perf_counter(), time.process_time()
            client.get(path, query)
            timings[name].append((time.perf_counter() - start) * 1000)
            details[name].setdefault("cpu", []).append((time.process_time() - cpu) * 1000)
    return timings, details


def measure_counting(pages, requests, warmup, repeat):
    """{page: {way: [(wall ms, CPU ms) of each timed round]}}: each page requested in rounds,
    each round once per way of counting, the ways in a turning order, so the machine's load and
    the order weigh on all of them alike and the ways of one round can be compared pairwise."""
    from common import usage

    counting = usage.count
    batch = usage.FLUSH_HITS

    def use(way):
        usage.count = (lambda *args, **kwargs: None) if way == "not counted" else counting
        usage.FLUSH_HITS = 1 if way == "counted, written every request" else batch

    client = Client()
    result = {name: {way: [] for way in COUNTING_WAYS} for name, _path, _query in pages}
    try:
        for _ in range(repeat):
            for number in range(warmup + requests):
                ways = COUNTING_WAYS[number % 3 :] + COUNTING_WAYS[: number % 3]
                for name, path, query in pages:
                    for way in ways:
                        use(way)
                        start, cpu = time.perf_counter(), time.process_time()
                        client.get(path, query)
                        wall = (time.perf_counter() - start) * 1000
                        if number >= warmup:
                            cpu = (time.process_time() - cpu) * 1000
                            result[name][way].append((wall, cpu))
    finally:
        use("counted (batched)")
        usage.flush()
    return result


def counting_report(args, counts, pages, connection):
    from common.models import UsageCount

    pages = [page for page in pages if page[0] in COUNTING_PAGES]
    before = os.getloadavg()
    started_at = datetime.now().astimezone()
    UsageCount.objects.all().delete()
    result = measure_counting(pages, args.requests, args.warmup, args.repeat)
    after = os.getloadavg()
    lines = [
        f"### Counting the use: {args.offers:,} offers on {database_version(connection)}",
        "",
        f"- date: {started_at:%Y-%m-%d %H:%M %Z}; machine: {os.cpu_count()} cores "
        f"({cpu_model()}), Python {platform.python_version()}; load average "
        f"{before[0]:.2f} / {before[1]:.2f} / {before[2]:.2f} at the start, "
        f"{after[0]:.2f} at the end",
        f"- command: `{command_line()}`",
        f"- {args.repeat} repetitions of {args.warmup} warm-up and {args.requests} timed rounds;"
        " in each round every page once per way, in a turning order. Medians over all timed"
        " rounds; the throughput change is the median over the rounds of (time not counted /"
        " time of the way) - 1, each round compared with itself, so a change in the machine's"
        " load between rounds cancels out",
        f"- rows written: {UsageCount.objects.count()}, counting "
        f"{sum(UsageCount.objects.values_list('count', flat=True)):,} requests",
        "",
        "| page | way | median ms | Python ms | throughput vs not counted |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for name, ways in result.items():
        base = ways["not counted"]
        for way, times in ways.items():
            paired = [off[0] / on[0] - 1 for off, on in zip(base, times, strict=True)]
            lines.append(
                f"| {name} | {way} | {statistics.median(t[0] for t in times):.1f} |"
                f" {statistics.median(t[1] for t in times):.1f} |"
                f" {statistics.median(paired):+.1%} |"
            )
    return "\n".join(lines)


def shows(name, html):
    """What the page showed, in a few words: the result heading, or a count of items."""
    heading = re.search(r'<h2 id="results-title"[^>]*>(.*?)</h2>', html, re.S)
    if heading:
        text = re.sub(r"\s+", " ", heading.group(1)).strip()
        return text.replace("&#x27;", "'").replace("&lsquo;", "‘").replace("&rsquo;", "’")
    if name == "agenda":
        return f"{html.count(AGENDA_ITEM)} activities"
    return ""


def percentile(values, share):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def markdown_report(args, counts, pages, timings, details, started_at, before, after, connection):
    base = statistics.median(timings["baseline"])
    lines = [
        f"### {args.offers:,} offers on {database_version(connection)}",
        "",
        f"- date: {started_at:%Y-%m-%d %H:%M %Z}; machine: {os.cpu_count()} cores "
        f"({cpu_model()}), Python {platform.python_version()}; load average "
        f"{before[0]:.2f} / {before[1]:.2f} / {before[2]:.2f} at the start, "
        f"{after[0]:.2f} at the end",
        f"- command: `{command_line()}`",
        f"- data: {counts.get('offers', 0):,} offers ({counts.get('published', 0):,} published),"
        f" {counts.get('partners', 0):,} partners, {counts.get('locations', 0):,} places,"
        f" {counts.get('offer_locations', 0):,} offer places, {counts.get('slots', 0):,} weekly"
        f" slots, {counts.get('activities', 0):,} activities",
        f"- {args.warmup} warm-up and {args.requests} timed requests per page, in rounds;"
        " DEBUG off, cached template loader, WSGI handler; median and p95 of the wall-clock"
        " time per request, and the median CPU time of the Django process (Python ms: without"
        " the database's work, and hardly changed by other load on the machine)",
        "",
        "| page | request | queries | median ms | p95 ms | × baseline | Python ms | KB | shows |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, path, query in pages:
        values = timings[name]
        median = statistics.median(values)
        detail = details[name]
        request = path + (f"?{query}" if query else "")
        lines.append(
            f"| {name} | `{request}` | {detail['queries']} | {median:.1f} | "
            f"{percentile(values, 0.95):.1f} | {median / base:.1f} | "
            f"{statistics.median(detail['cpu']):.1f} | {detail['kb']:.0f} | {detail['shows']} |"
        )
    return "\n".join(lines)


def database_version(connection):
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0].split()[0]
        cursor.execute("SHOW jit")
        jit = cursor.fetchone()[0]
    return f"PostgreSQL {version} (jit {jit})"


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def command_line():
    url = os.environ.get("BENCH_GIVEN_DATABASE_URL", "")
    prefix = ""
    if url:
        parts = urlsplit(url)
        # Never a password in a report.
        netloc = parts.netloc.rsplit("@", 1)
        if len(netloc) == 2 and ":" in netloc[0]:
            netloc[0] = netloc[0].split(":", 1)[0] + ":***"
        prefix = f"DATABASE_URL={urlunsplit(parts._replace(netloc='@'.join(netloc)))} "
    command = " ".join(shlex.quote(arg) for arg in ["bench/run.py", *sys.argv[1:]])
    return f"{prefix}python {command}"


def profile(pages, name, requests, warmup):
    matches = [page for page in pages if name in page[0]]
    if not matches:
        sys.exit(f"bench: no page named like {name!r}")
    page_name, path, query = matches[0]
    client = Client()
    for _ in range(warmup):
        client.get(path, query)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(path, query)
    profiler.disable()
    print(f"bench: cProfile of {requests} requests of {page_name} ({path}?{query})")
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
