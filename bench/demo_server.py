"""The demo site as production serves it, for the scripts that look at its pages from outside
(bench/lighthouse.py, bench/html_check.py).

`demo_site(name)` fills a database of its own (`name` on the embedded PostgreSQL server of the
project folder, or the empty database DATABASE_URL names) with the demo content and accounts,
collects the static files (hashed names, compressed), starts gunicorn with DEBUG off on a free
port of 127.0.0.1 and yields its address. The embedded database is dropped at the end unless
`keep`.
"""

import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
NODE_DIR = BENCH_DIR / "node"
NODE_BIN = NODE_DIR / "node_modules" / ".bin"
# The project's modules (huisvanhetkind, tests.servers) for these scripts run from bench/.
sys.path.insert(0, str(ROOT))


@contextlib.contextmanager
def demo_site(name, *, keep=False):
    with database(name) as url, tempfile.TemporaryDirectory(prefix=f"{name}_") as tmp:
        env = server_environment(url, Path(tmp))
        manage(env, "migrate", "--verbosity", "0")
        manage(env, "load_demo", "--allow-production", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        with app_server(env, Path(tmp)) as base:
            yield base
    if not keep and not os.environ.get("DATABASE_URL"):
        drop_embedded_database(name)


@contextlib.contextmanager
def embedded_server():
    """The project's embedded PostgreSQL server, kept running by a holder process while the
    block runs; yields its settings (huisvanhetkind.local_database)."""
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
        from huisvanhetkind import local_database

        yield local_database.settings_dict("")
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)


@contextlib.contextmanager
def database(name):
    """DATABASE_URL (an empty database), or a new database `name` on the embedded server."""
    given = os.environ.get("DATABASE_URL", "").strip()
    if given:
        yield given
        return
    with embedded_server() as settings:
        from tests.servers import database_url

        with _connect(settings) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        yield database_url({**settings, "NAME": name})


def _connect(settings):
    import psycopg

    connection = psycopg.connect(
        host=settings["HOST"], port=settings["PORT"], user=settings["USER"], dbname="postgres"
    )
    connection.autocommit = True
    return connection


def drop_embedded_database(name):
    """Through a new holder: the server may have stopped with its last user."""
    with embedded_server() as settings, _connect(settings) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_environment(url, tmp):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "huisvanhetkind.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-secret-key-for-the-bench-only-" + "x" * 20,
        "REFERRAL_KEYS": "YmVuY2gtb25seS1yZWZlcnJhbC1rZXktMDAwMDAwMDA=",
        "REFERRAL_LOOKUP_KEY": "a-lookup-key-for-the-bench-only",
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


def npm_version(package):
    """The version of a Node package of bench/node/, as its lock file pins it."""
    lock = json.loads((NODE_DIR / "package-lock.json").read_text())
    return lock["packages"][f"node_modules/{package}"]["version"]


def first_offer(base):
    """The path of the first offer the catalogue lists."""
    html = urllib.request.urlopen(base + "/aanbod/", timeout=30).read().decode()
    return re.search(r'class="offer-card-link" href="(/aanbod/[^"/]+/)"', html).group(1)
