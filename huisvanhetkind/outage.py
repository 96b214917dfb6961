"""What the portal does while its database does not answer (a restart, a failover, a full
connection pool): every page answers 503 with Retry-After instead of an error page, a write is
saved whole or not at all, and /health/ tells the proxy or orchestrator.

Django keeps a broken connection only until the request ends, and with CONN_HEALTH_CHECKS
checks a kept connection before reusing it, so the first request after the database is back
gets a fresh connection: no app server needs restarting.
"""

import sys

from django.contrib.auth.models import AnonymousUser
from django.db import Error, InterfaceError, OperationalError, connection, transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 60
# The methods that only read; everything else may write.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def server_error(request):
    """The handler for uncaught exceptions (handler500): the 503 page when the exception says
    the database is unreachable, Django's 500 page for anything else.

    psycopg raises OperationalError for a refused, lost or shut-down connection, and also for
    the other "try again later" cases (too many connections, a deadlock, a query cancelled on
    shutdown); InterfaceError for a connection that is already closed. A handler500 sees every
    exception, also those raised in middleware (a session saved after the view) or at commit.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    return django_server_error(request)


def service_unavailable(request):
    """The 503 page, in the visitor's language, rendered without touching the database: the
    header and the messages would read the session and the user from it, so it shows the site
    as to an anonymous visitor without messages or a family list."""
    context = {"user": AnonymousUser(), "messages": (), "without_session": True}
    response = render(request, "503.html", context, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class AtomicWritesMiddleware:
    """Runs the view of every request that may write (POST, PUT, PATCH, DELETE) in one
    transaction, as ATOMIC_REQUESTS would: when the database goes away halfway through a save
    (after the offer, before its places or its history record), nothing of it is kept, and a
    failed commit is an exception (a 503) instead of a "saved" page.

    Pages that only read run without a transaction, as before. Comes after CsrfViewMiddleware,
    whose process_view must refuse a forged POST first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        with transaction.atomic():
            return view_func(request, *view_args, **view_kwargs)


@never_cache
def health(request):
    """200 "ok" when the database answers, 503 when it does not; no session, no login, no
    language prefix, so a load balancer or orchestrator can ask it every few seconds."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Error:
        response = HttpResponse("database unavailable\n", content_type="text/plain", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponse("ok\n", content_type="text/plain")
