"""Fuzzed requests to every URL pattern of the site (tests/test_fuzz.py, bench/fuzz.py).

Each request is drawn by Hypothesis: a URL pattern from the resolver, its arguments (the ids,
slugs and tokens of the demo data, or made-up values: text with NUL and other odd characters,
long strings, huge numbers), a person (anonymous, an editor, a manager, a coordinator, an
account without a partner), a method, and query or form fields with made-up or real values.
The form fields are the ones the pages show (read from every page the fuzz gets) and those of
every form class of the project. Each request runs in a savepoint that is rolled back, so what
one request changes does not steer the next.
"""

import functools
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import quote

from django import forms
from django.apps import apps
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

OUR_APPS = ("common", "huisvanhetkind", "partners", "aanbod", "netwerk")
LANGUAGE_PREFIXES = ["", "fr/", "en/"]
# Parameters some pages read from the query string without a form that names them.
QUERY_NAMES = ["next", "q", "pagina", "page", "p", "o", "toon", "vanaf", "verzonden", "_popup"]

ODD_VALUES = [
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "2026-02-30",
    "9999-12-31",
    "0001-01-01",
    "31/12/2026",
    "25:61",
    "on",
    "\x00",
    "a\x00b",
    "%00",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "'; DROP TABLE auth_user; --",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "javascript:alert(1)",
    "logout",
    "foo",
    "admin:index",
    "9" * 40,
    "-" * 3,
    "ı",
    "İ",
    "ｋｉｍ@ｅｘａｍｐｌｅ.org",
    "\u202e\u200b\ufeff",
    "😀" * 10,
]


def _odd_text():
    """Text a person would hardly type: any Unicode, NUL included, short or very long."""
    long_text = st.builds(
        lambda piece, times: piece * times,
        st.sampled_from(["a", "é", "😀", "<b>", "\x00", "0", "ı", " "]),
        st.integers(min_value=256, max_value=20_000),
    )
    return st.one_of(
        st.sampled_from(ODD_VALUES),
        st.text(max_size=40),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        long_text,
    )


ODD_TEXT = _odd_text()
# An index into a list that grows during the run (see pick()).
INDEX = st.integers(0, 2**16)


def url_patterns():
    """Every URL pattern as the chain of patterns from the root to it."""

    def walk(patterns, chain):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, (*chain, pattern))
            else:
                yield (*chain, pattern)

    return list(walk(get_resolver().url_patterns, ()))


def chain_name(chain):
    return "".join(str(part.pattern) for part in chain)


def form_field_names():
    """The field names of every form class of the project."""
    names = set()
    pending = [forms.BaseForm]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith(OUR_APPS):
            names.update(getattr(cls, "base_fields", {}))
    return sorted(names)


class FieldCollector(HTMLParser):
    """The names of the fields of a page's forms, with the values the page offers for them,
    and which of them are file uploads."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values, self.files, self._select = {}, set(), None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag in ("input", "textarea", "select", "button") and name:
            values = self.values.setdefault(name, set())
            if attrs.get("value") is not None:
                values.add(attrs["value"])
            if attrs.get("type") == "file":
                self.files.add(name)
            self._select = name if tag == "select" else self._select
        elif tag == "option" and self._select and attrs.get("value") is not None:
            self.values[self._select].add(attrs["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


@dataclass
class Target:
    """Known values to aim the fuzz at: ids, slugs and tokens that exist."""

    ids: list
    slugs: list
    tokens: list


def known_targets():
    ids, slugs = set(), set()
    for model in apps.get_models():
        if model._meta.app_label not in {"auth", "partners", "aanbod", "netwerk"}:
            continue
        ids.update(model._default_manager.order_by("pk").values_list("pk", flat=True)[:200])
        if any(f.name == "slug" for f in model._meta.fields):
            slugs.update(model._default_manager.values_list("slug", flat=True)[:200])
    from netwerk.models import CalendarToken
    from partners.models import Invitation

    tokens = list(CalendarToken.objects.values_list("token", flat=True))
    tokens += [invitation.make_token() for invitation in Invitation.objects.all()[:20]]
    return Target(
        ids=sorted(i for i in ids if isinstance(i, int)), slugs=sorted(slugs), tokens=tokens
    )


def argument_strategies(known):
    """A strategy per kind of path converter: mostly a value that exists, sometimes an odd one."""
    texts = st.text(min_size=1, max_size=60).filter(lambda text: "/" not in text)
    return {
        IntConverter: st.one_of(
            st.sampled_from(known.ids), st.sampled_from(known.ids), st.integers(0, 2**80)
        ).map(str),
        SlugConverter: st.one_of(
            st.sampled_from(known.slugs),
            st.sampled_from(known.slugs),
            st.from_regex(r"[-a-zA-Z0-9_]+", fullmatch=True),
        ),
        PathConverter: st.one_of(
            st.sampled_from(known.ids).map(str), st.text(min_size=1, max_size=60)
        ),
        StringConverter: st.one_of(
            st.sampled_from(known.tokens or ["x"]), texts, ODD_TEXT.filter(bool)
        ),
    }


def draw_path(data, chain, arguments):
    """A URL path for a chain of patterns, with drawn arguments."""
    path = "/"
    for part in chain:
        pattern = part.pattern
        if isinstance(pattern, LocalePrefixPattern):
            path += data.draw(LANGUAGE_PREFIX)
        elif isinstance(pattern, RegexPattern):
            text = data.draw(regex_strategy(pattern.regex.pattern), label="regex")
            path += quote(text, safe="/")
        elif isinstance(pattern, RoutePattern):
            route = str(pattern)
            for name, converter in pattern.converters.items():
                start = route.index("<")
                end = route.index(">", start) + 1
                value = data.draw(arguments[type(converter)], label=name)
                safe = "/" if isinstance(converter, PathConverter) else ""
                route = route[:start] + quote(value, safe=safe) + route[end:]
            path += route
    return path


LANGUAGE_PREFIX = st.sampled_from(LANGUAGE_PREFIXES)


@functools.cache
def regex_strategy(regex):
    return st.from_regex(regex, fullmatch=True)


@dataclass
class Result:
    requests: int = 0
    by_status: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    slowest: list = field(default_factory=list)
    seconds: float = 0.0

    def summary(self):
        statuses = ", ".join(f"{code}: {n}" for code, n in sorted(self.by_status.items()))
        slow = "; ".join(f"{s:.1f} s {what}" for s, what in self.slowest[:3])
        return (
            f"fuzz: {self.requests} requests in {self.seconds:.0f} s, "
            f"{len(self.errors)} server errors ({statuses}); slowest: {slow}"
        )


def fuzz(people, count):
    """Send `count` fuzzed requests as the given people ({label: user or None}); the result
    counts them by status and keeps every server error with its request and exception."""
    chains = [chain for chain in url_patterns() if not chain_name(chain).startswith("^media/")]
    admin = [chain for chain in chains if chain_name(chain).startswith("admin/")]
    site = [chain for chain in chains if chain not in admin]
    arguments = argument_strategies(known_targets())
    global_fields = form_field_names()
    page_fields = {}  # chain name -> FieldCollector of the pages seen
    clients, cookies = {}, {}
    for label, user in people.items():
        clients[label] = Client(raise_request_exception=False)
        if user is not None:
            clients[label].force_login(user)
        cookies[label] = clients[label].cookies.output(header="", sep=";")
    result = Result()

    def pick(data, values, label):
        # An index drawn with fixed bounds: the pools grow as pages are read, and Hypothesis
        # wants the same draws for the same choices.
        index = data.draw(INDEX, label=label)
        return values[index % len(values)] if values else None

    def fields(data, names, collector, count):
        chosen = {}
        for _ in range(count):
            name = pick(data, names, "field")
            known_value = pick(
                data, sorted(collector.values.get(name, ())) if collector else [], "known"
            )
            use_known = data.draw(st.booleans(), label="use known")
            value = data.draw(ODD_TEXT, label="value")
            if collector and name in collector.files:
                value = SimpleUploadedFile(value[:100] or "x", value.encode(errors="replace"))
            elif known_value is not None and use_known:
                value = known_value
            chosen[name] = value
        return chosen

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def one_request(data):
        label = data.draw(st.sampled_from(sorted(people)), label="person")
        # The admin has most of the patterns but lets only coordinators past its login: the
        # others are sent there more rarely.
        to_admin = data.draw(st.integers(0, 9), label="admin") < (
            5 if label == "coordinator" else 1
        )
        chain = data.draw(st.sampled_from(admin if to_admin else site), label="pattern")
        name = chain_name(chain)
        method = data.draw(
            st.sampled_from(["get"] * 10 + ["post"] * 9 + ["head", "put", "delete"]),
            label="method",
        )
        path = draw_path(data, chain, arguments)
        collector = page_fields.get(name)
        names = sorted(collector.values) if collector else []
        pool = names * 4 + global_fields + QUERY_NAMES
        extra = {}
        if data.draw(st.integers(0, 9), label="odd headers") == 0:
            extra["HTTP_X_FORWARDED_FOR"] = data.draw(ODD_TEXT)
            extra["HTTP_ACCEPT_LANGUAGE"] = data.draw(ODD_TEXT)
        if method == "post":
            payload = fields(data, pool, collector, data.draw(st.integers(0, 12), label="fields"))
        else:
            payload = fields(data, pool, None, data.draw(st.integers(0, 3), label="fields"))
        client = clients[label]
        client.cookies = SimpleCookie(cookies[label])
        started = time.perf_counter()
        with transaction.atomic():
            if method in ("get", "post"):
                response = getattr(client, method)(path, payload, **extra)
            else:
                response = getattr(client, method)(path, **extra)
            transaction.set_rollback(True)
        elapsed = time.perf_counter() - started
        result.requests += 1
        status = response.status_code
        result.by_status[status] = result.by_status.get(status, 0) + 1
        what = f"{method.upper()} {path[:200]} as {label}"
        result.slowest = sorted([*result.slowest, (elapsed, what)], reverse=True)[:10]
        if status >= 500:
            exc_info = getattr(response, "exc_info", None)
            error = repr(exc_info[1])[:300] if exc_info else ""
            result.errors.append(f"{status} {what} {sorted(payload)[:12]}: {error}")
        if (
            method == "get"
            and status == 200
            and "text/html" in response.get("Content-Type", "")
            and name not in page_fields
        ):
            collector = FieldCollector()
            collector.feed(response.content.decode(errors="replace"))
            if collector.values:
                page_fields[name] = collector
        if len(mail.outbox) > 100:
            mail.outbox.clear()

    started = time.perf_counter()
    one_request()
    result.seconds = time.perf_counter() - started
    return result
