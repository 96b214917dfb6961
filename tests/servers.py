"""Real app servers for tests: gunicorn processes serving the portal with DEBUG off on a
database of the test's choosing, and a small HTTP client that keeps cookies like a browser.

Used by the tests of scaling out (two servers on one database) and of a database restart."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from email.message import Message
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent


def database_url(database):
    """A DATABASE_URL for a Django database settings dict; a socket folder as host is
    percent-encoded, as dj-database-url expects."""
    user = quote(database["USER"] or "", safe="")
    password = database.get("PASSWORD")
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    host = quote(database.get("HOST") or "localhost", safe="")
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"postgres://{credentials}@{host}{port}/{quote(database['NAME'], safe='')}"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path

    def log_text(self):
        return self.log.read_text(errors="replace")


@contextlib.contextmanager
def app_servers(count, database, media_root, log_dir, *, timeout=60):
    """`count` gunicorn processes serving the portal on free ports of 127.0.0.1 as in
    production (DEBUG off, persistent connections with health checks), on one database and
    one MEDIA_ROOT, until the block ends. They start at the same time."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-secret-key-for-the-test-servers-only",
        "REFERRAL_KEYS": "dGVzdC1zZXJ2ZXJzLW9ubHktcmVmZXJyYWwta2V5LTA=",
        "REFERRAL_LOOKUP_KEY": "a-lookup-key-for-the-test-servers-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        # Plain http on the loopback: no redirect to https (a proxy's job in production).
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(database),
        "MEDIA_ROOT": str(media_root),
    }
    servers = []
    try:
        for _ in range(count):
            port = free_port()
            log = Path(log_dir) / f"gunicorn-{port}.log"
            with open(log, "wb") as output:
                process = subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "huisvanhetkind.wsgi"]
                    + ["--bind", f"127.0.0.1:{port}", "--workers", "1"]
                    # Not the one control socket in ~/.gunicorn that every gunicorn would share.
                    + ["--no-control-socket"],
                    cwd=ROOT,
                    env=env,
                    stdout=output,
                    stderr=subprocess.STDOUT,
                )
            servers.append(Server(f"http://127.0.0.1:{port}", process, log))
        for server in servers:
            _wait_until_answering(server, timeout)
        yield servers
    finally:
        for server in servers:
            server.process.terminate()
        for server in servers:
            try:
                server.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.process.kill()
                server.process.wait()


def _wait_until_answering(server, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{server.log_text()}")
        with contextlib.suppress(OSError):
            Browser().get(server.url + "/health/")
            return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{server.log_text()}")


@dataclass
class Response:
    status: int
    headers: Message
    text: str


class Browser:
    """One visitor: a cookie jar shared by every server it talks to (cookies do not depend
    on the port), the CSRF token sent with every POST, redirects not followed.

    Cookies marked Secure (DEBUG off) are sent over plain http too: the test servers stand
    where the HTTPS proxy would forward to."""

    def __init__(self):
        self.cookies = {}

    def get(self, url):
        return self.request("GET", url)

    def post(self, url, data, files=None):
        if files:
            body, content_type = multipart(data, files)
        else:
            body, content_type = urlencode(data).encode(), "application/x-www-form-urlencoded"
        headers = {"Content-Type": content_type}
        # The cookie's name with DEBUG off: __Host-csrftoken (settings.CSRF_COOKIE_NAME).
        token = self.cookies.get("__Host-csrftoken") or self.cookies.get("csrftoken")
        if token:
            headers["X-CSRFToken"] = token
        return self.request("POST", url, body, headers)

    def request(self, method, url, body=None, headers=None):
        parts = urlsplit(url)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(response.status, response.headers, text)

    def log_in(self, server_url, email, password):
        self.get(server_url + "/account/inloggen/")  # the CSRF cookie
        return self.post(
            server_url + "/account/inloggen/", {"username": email, "password": password}
        )


def multipart(data, files):
    """A multipart/form-data body: data is {name: value}, files {name: (filename, bytes)}."""
    boundary = uuid.uuid4().hex
    chunks = []
    for name, value in data.items():
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    body = "".join(chunks).encode()
    for name, (filename, content) in files.items():
        body += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        body += content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"
