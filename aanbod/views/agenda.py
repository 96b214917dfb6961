"""The public agenda: dated activities of published offers, as a page and as an iCalendar feed."""

from datetime import timedelta
from itertools import groupby

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common import ical

from ..filters import SessionFilter, start_of_day
from ..models import Session, not_in_lists

# The page shows this many weeks at a time, with a link to the next weeks: a parent looks for
# what is on soon, and a window keeps the page short on a phone.
AGENDA_WINDOW = timedelta(weeks=8)
# A busy window is cut short at a whole day, so the page stays light on a phone.
AGENDA_MAX_SESSIONS = 100

# Subscribed calendar apps drop events that vanish from the feed, so the feed keeps the last
# month: a parent still sees last week's info evening in their own calendar.
FEED_HISTORY = timedelta(days=30)

# Fixed forever: calendar apps recognise an event by its UID, across every edit of the session.
UID_DOMAIN = "huisvanhetkind-leuven.be"

# Parameters of SessionFilter the feed link carries; `vanaf` is left out, since a subscription
# should keep following the agenda from today, not from the week being looked at.
FEED_PARAMETERS = ("pijler", "voor", "plek", "gemeente")


def _session_filter(request, queryset):
    return SessionFilter(request.GET or None, queryset=queryset)


def _cleaned(filterset, name):
    """The validated value of one filter, or None when it is absent or was invalid."""
    return getattr(filterset.form, "cleaned_data", {}).get(name)


def _valid_params(request, filterset, keys):
    """The request's values of these filters, without the ones that were rejected, so a link
    built from them does not carry the error along."""
    params = request.GET.copy()
    for key in list(params):
        if key not in keys or key in filterset.errors:
            del params[key]
    return params


def _query(params, **changes):
    query = params.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


def agenda(request):
    filterset = _session_filter(request, Session.objects.upcoming())
    sessions = filterset.qs.select_related("offer", "location").defer(*not_in_lists("offer__"))

    today = timezone.localdate()
    start = _cleaned(filterset, "vanaf") or today
    end = start + AGENDA_WINDOW
    in_window = list(sessions.filter(starts_at__lt=start_of_day(end))[: AGENDA_MAX_SESSIONS + 1])
    if len(in_window) > AGENDA_MAX_SESSIONS:
        # Stop before the first day that does not fit whole; the "later" link starts there.
        # A single day with more activities than fit shows the first ones, then moves on.
        cut = timezone.localdate(in_window[-1].starts_at)
        whole_days = [s for s in in_window if timezone.localdate(s.starts_at) < cut]
        if whole_days:
            in_window, end = whole_days, cut
        else:
            in_window, end = in_window[:AGENDA_MAX_SESSIONS], cut + timedelta(days=1)
        has_later = True
    else:
        has_later = sessions.filter(starts_at__gte=start_of_day(end)).exists()

    days = [
        (day, list(day_sessions))
        for day, day_sessions in groupby(
            in_window, key=lambda session: timezone.localdate(session.starts_at)
        )
    ]
    params = _valid_params(request, filterset, SessionFilter.base_filters)
    earlier = None
    if start > today:
        earlier_start = start - AGENDA_WINDOW
        earlier = _query(params, vanaf=earlier_start.isoformat() if earlier_start > today else None)

    return render(
        request,
        "aanbod/agenda.html",
        {
            "filterset": filterset,
            "days": days,
            "today": today,
            "window_start": start,
            "window_end": end - timedelta(days=1),
            "later_query": _query(params, vanaf=end.isoformat()) if has_later else None,
            "earlier_query": earlier,
            "feed_query": _valid_params(request, filterset, FEED_PARAMETERS).urlencode(),
        },
    )


def _event(session, request, stamp):
    offer, location = session.offer, session.location
    return ical.event(
        uid=f"session-{session.pk}@{UID_DOMAIN}",
        stamp=stamp,
        start=session.starts_at,
        end=session.ends_at,
        summary=session.display_title,
        is_cancelled=session.is_cancelled,
        location=f"{location.name}, {location.address}" if location else _("Online"),
        description=offer.summary,
        url=request.build_absolute_uri(offer.get_absolute_url()),
        sequence=session.sequence,
    )


def agenda_ical(request):
    """The agenda as an iCalendar feed (RFC 5545) to subscribe to, with the page's filters.

    Cancelled sessions stay in the feed with STATUS:CANCELLED, so calendar apps that already
    have them mark them cancelled instead of silently keeping the old time.
    """
    now = timezone.now()
    filterset = _session_filter(request, Session.objects.upcoming(now=now - FEED_HISTORY))
    sessions = list(
        filterset.qs.select_related("offer", "location").defer(*not_in_lists("offer__"))
    )

    body = ical.calendar(
        [_event(session, request, now) for session in sessions],
        prodid=f"-//Huis van het Kind Leuven//Agenda//{(get_language() or 'nl').upper()}",
        name=_("Agenda Huis van het Kind Leuven"),
        method="PUBLISH",
        refresh=timedelta(hours=6),
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
