"""Counting how the public pages are used, without following anyone: per day, how often each
page and each offer was seen, its phone, e-mail and website links followed, the agenda
downloaded as a calendar. Nothing personal is kept: no cookie, no IP address, no user, no query
string; only the day, what happened, the page's URL name and the offer's id (UsageCount).

Obvious robots are left out: requests other than GET (HEAD among them), without a user agent,
or whose user agent names a robot, a crawler or a scripting tool.

The hot path stays cheap: a request only adds one to a counter in this process's memory. The
counters are written in one statement (INSERT ... ON CONFLICT DO UPDATE, adding to the day's
row) at most every FLUSH_SECONDS or FLUSH_HITS counted requests, by the request that finds them
due, and when the process exits. A process that is killed loses at most that many seconds of
counts, which figures per day can spare; the benchmark (bench/run.py --counting) measured the
difference with writing every request at once.
"""

import atexit
import functools
import logging
import re
import threading
import time
from collections import Counter

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import UsageCount

logger = logging.getLogger(__name__)

Kind = UsageCount.Kind

FLUSH_SECONDS = 10
FLUSH_HITS = 1000

# Words in the user agents of crawlers, link previews, monitors, headless browsers and
# scripting tools; a browser's user agent has none of them.
ROBOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|scrap|headless|lighthouse|phantomjs|selenium|playwright|puppeteer"
    r"|python|curl|wget|httpclient|http-client|okhttp|go-http|java/|libwww|perl|ruby|node-fetch"
    r"|axios|facebookexternalhit|embedly|preview|monitor|pingdom|uptime|validator|feedfetcher",
    re.IGNORECASE,
)

_lock = threading.Lock()
_pending = Counter()
_first_at = None
_hits = 0


def is_robot(request):
    return _is_robot_agent(request.META.get("HTTP_USER_AGENT", ""))


# Visitors share a few hundred user agents; looking one up is a hundred times quicker than the
# pattern (0.1 against 32 microseconds on the development machine).
@functools.lru_cache(maxsize=1024)
def _is_robot_agent(agent):
    return not agent.strip() or bool(ROBOT_AGENT.search(agent))


def count(request, kind=Kind.VIEW, *, offer_id=None):
    """Count one use of the page that answers `request` (by its URL name), for an offer or
    none; nothing for a robot or a request other than GET."""
    global _first_at, _hits
    if request.method != "GET" or is_robot(request):
        return
    page = request.resolver_match.view_name if request.resolver_match else ""
    key = (timezone.localdate(), str(kind), page[:40], offer_id)
    now = time.monotonic()
    with _lock:
        _pending[key] += 1
        _hits += 1
        if _first_at is None:
            _first_at = now
        due = _hits >= FLUSH_HITS or now - _first_at >= FLUSH_SECONDS
    if due:
        flush()


def _take_pending():
    global _first_at, _hits
    with _lock:
        rows = list(_pending.items())
        _pending.clear()
        _first_at, _hits = None, 0
    return rows


def discard():
    """Forget the counts not written yet (for tests)."""
    _take_pending()


def flush():
    """Write this process's counts; the number of rows written. When the database cannot take
    them they are kept for the next time, and the request goes on."""
    rows = _take_pending()
    if not rows:
        return 0
    # Always in the same order, so two processes writing at once never wait on each other's
    # rows in opposite orders (a deadlock).
    rows.sort(key=lambda row: (row[0][0], row[0][1], row[0][2], row[0][3] or 0))
    table = UsageCount._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    sql = (
        f'INSERT INTO "{table}" (day, kind, page, offer_id, count) VALUES {values} '
        "ON CONFLICT (day, kind, page, offer_id) "
        f'DO UPDATE SET count = "{table}".count + EXCLUDED.count'
    )
    params = [
        value
        for (day, kind, page, offer_id), hits in rows
        for value in (day, kind, page, offer_id, hits)
    ]
    try:
        # A savepoint: a failure here never spoils the transaction of the request around it.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError as error:
        logger.warning("use counts not written yet: %s", error)
        with _lock:
            _pending.update(dict(rows))
        return 0
    return len(rows)


def _flush_at_exit():
    try:
        flush()
    except Exception:  # noqa: BLE001 - nothing may stop a process from exiting
        logger.exception("use counts lost at exit")


atexit.register(_flush_at_exit)
