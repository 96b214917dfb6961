"""Load test of a running portal: N connections at once ask for a mix of public pages for a
fixed time, then it prints requests, requests per second, latency percentiles and every error.

    .venv/bin/python bench/load.py http://127.0.0.1:8000 --connections 50 --seconds 60

The mix, taken in turn by each connection: the home page, the catalogue, a search, an offer
(the first one the catalogue shows), the agenda and the places. Any answer but 200 counts as an
error, and so does a refused or broken connection; the exit code is 1 when there was any.

Only the standard library: each connection is a thread with its own http.client connection,
opened anew for every request as gunicorn's sync workers close it after each response. See
README.md, Performance, for how it is run against gunicorn and what it measured.
"""

import argparse
import http.client
import re
import statistics
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

PAGES = ["/", "/aanbod/", "/aanbod/?q=borstvoeding", None, "/agenda/", "/plekken/"]
OFFER_LINK = re.compile(r'href="(/aanbod/[a-z0-9-]+/)"')


def get(host, port, path, timeout):
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        return response.status, body
    finally:
        connection.close()


def find_offer(host, port):
    try:
        status, body = get(host, port, "/aanbod/", timeout=30)
    except (OSError, http.client.HTTPException) as error:
        sys.exit(f"bench/load.py: no answer from {host}:{port} ({error})")
    found = OFFER_LINK.search(body.decode(errors="replace")) if status == 200 else None
    if found is None:
        sys.exit(
            f"bench/load.py: /aanbod/ answered {status} without a link to an offer; "
            "load the demo content first (manage.py load_demo)"
        )
    return found.group(1)


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = Counter()

    def add(self, seconds, error=None):
        with self.lock:
            if error:
                self.errors[error] += 1
            else:
                self.latencies.append(seconds)


def worker(number, host, port, paths, deadline, budget, results, timeout):
    turn = number
    while time.monotonic() < deadline and budget.acquire(blocking=False):
        path = paths[turn % len(paths)]
        turn += 1
        started = time.monotonic()
        try:
            status, _body = get(host, port, path, timeout)
        except (OSError, http.client.HTTPException) as error:
            results.add(0, f"{type(error).__name__} on {path}")
            continue
        elapsed = time.monotonic() - started
        results.add(elapsed, None if status == 200 else f"HTTP {status} on {path}")


def run(url, connections, seconds, max_requests, timeout):
    parts = urlsplit(url)
    host, port = parts.hostname, parts.port or 80
    paths = [page or find_offer(host, port) for page in PAGES]
    results = Results()
    # Bounded in count as well as in time.
    budget = threading.Semaphore(max_requests)
    started = time.monotonic()
    threads = [
        threading.Thread(
            target=worker,
            args=(n, host, port, paths, started + seconds, budget, results, timeout),
        )
        for n in range(connections)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return paths, results, time.monotonic() - started


def report(paths, results, elapsed, connections):
    latencies = sorted(results.latencies)
    total = len(latencies) + sum(results.errors.values())
    lines = [
        f"pages: {', '.join(paths)}",
        f"{total} requests in {elapsed:.1f} s over {connections} connections: "
        f"{total / elapsed:.1f} requests/s, {sum(results.errors.values())} errors",
    ]
    if len(latencies) >= 2:
        cuts = statistics.quantiles(latencies, n=100, method="inclusive")
        lines.append(
            "latency of the 200 answers: "
            f"p50 {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms, "
            f"p99 {cuts[98] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
        )
    lines += [f"  {count} x {error}" for error, count in results.errors.most_common()]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the portal, e.g. http://127.0.0.1:8000")
    parser.add_argument("--connections", type=int, default=50, help="at once (50)")
    parser.add_argument("--seconds", type=float, default=60, help="how long (60)")
    parser.add_argument(
        "--max-requests", type=int, default=1_000_000, help="stop after this many (1000000)"
    )
    parser.add_argument("--timeout", type=float, default=30, help="per request, seconds (30)")
    args = parser.parse_args()
    if urlsplit(args.url).scheme != "http" or not urlsplit(args.url).hostname:
        parser.error(f"the portal's address must start with http://, not {args.url!r}")
    paths, results, elapsed = run(
        args.url, args.connections, args.seconds, args.max_requests, args.timeout
    )
    print(report(paths, results, elapsed, args.connections))
    sys.exit(1 if results.errors else 0)


if __name__ == "__main__":
    main()
