"""Rate limits (common/throttle.py) count in the cache that every worker process and app server
shares: the database by default, Redis when REDIS_URL is set.

Workers are forked processes, as gunicorn's are: each has its own memory and its own
connections. The Redis tests use REDIS_URL, or a Redis server on 127.0.0.1:6379; without one
they are skipped, and with CI set they fail instead.
"""

import multiprocessing
import os
import uuid

import pytest
from asgiref.local import Local
from django.core.cache import caches
from django.db import connections
from django.test import override_settings

from common.throttle import take_slot

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
DATABASE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    }
}
LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The parent's connections, kept by a forked worker so that they are never closed there: a
# closing child would end the parent's session on the shared socket.
_inherited = []


def _worker(pipe, scope, attempts):
    _inherited.append((connections._connections, caches._connections))
    connections._connections = Local(connections.thread_critical)
    allowed = sum(take_slot(scope, "192.0.2.1", limit=5, window=600) for _ in range(attempts))
    pipe.send(allowed)
    connections.close_all()


def allowed_in_workers(scope, workers=3, attempts=5):
    """How many of `attempts` uses per worker the limit of 5 let through, in all workers."""
    context = multiprocessing.get_context("fork")
    pipes, processes = [], []
    for _ in range(workers):
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_worker, args=(child_end, scope, attempts))
        process.start()
        pipes.append(parent_end)
        processes.append(process)
    counts = [pipe.recv() for pipe in pipes]
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode == 0
    return sum(counts)


@pytest.fixture
def redis_cache():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"No Redis answers at {REDIS_URL} ({error}); CI needs one.")
        pytest.skip(f"No Redis answers at {REDIS_URL} ({error}); set REDIS_URL or start one.")
    backend = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        # Keys of this test only; they expire with their window.
        "KEY_PREFIX": f"hvhk-test-{uuid.uuid4()}",
    }
    with override_settings(CACHES={"default": backend}):
        yield


@pytest.fixture
def database_cache(db):
    with override_settings(CACHES=DATABASE):
        yield


def scope():
    return f"test-{uuid.uuid4()}"


def test_a_limit_holds_across_workers_in_the_database(database_cache):
    assert allowed_in_workers(scope()) == 5


def test_a_limit_holds_across_workers_in_redis(redis_cache):
    assert allowed_in_workers(scope()) == 5


@override_settings(CACHES=LOCAL_MEMORY)
def test_local_memory_would_count_per_worker():
    # What the limit did before: each gunicorn worker counted on its own.
    assert allowed_in_workers(scope()) == 15


def test_workers_counting_at_once_never_let_more_through_in_the_database(database_cache):
    assert allowed_in_workers(scope(), workers=6, attempts=10) == 5


def test_workers_counting_at_once_never_let_more_through_in_redis(redis_cache):
    assert allowed_in_workers(scope(), workers=6, attempts=10) == 5


def test_each_client_and_each_scope_has_its_own_count(database_cache):
    for _ in range(5):
        assert take_slot("a", "192.0.2.1", limit=5, window=600)
    assert not take_slot("a", "192.0.2.1", limit=5, window=600)
    assert take_slot("a", "192.0.2.2", limit=5, window=600)
    assert take_slot("b", "192.0.2.1", limit=5, window=600)


def test_a_new_window_starts_a_new_count(database_cache, monkeypatch):
    now = 1_800_000_000
    monkeypatch.setattr("common.throttle.time.time", lambda: now)
    assert take_slot("a", "x", limit=1, window=600)
    assert not take_slot("a", "x", limit=1, window=600)
    now += 600
    assert take_slot("a", "x", limit=1, window=600)


def test_the_client_is_stored_only_as_a_keyed_hash(database_cache):
    take_slot("a", "192.0.2.77", limit=5, window=600)
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM django_cache")
        rows = cursor.fetchall()
    assert rows
    assert not any("192.0.2.77" in f"{key} {value}" for key, value in rows)


def test_the_configured_cache_is_shared_by_workers(db):
    # The database, or Redis with REDIS_URL: never memory of one process (3 workers, 15).
    assert allowed_in_workers(scope()) == 5
