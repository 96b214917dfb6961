"""The public agenda: dated activities of published offers, as a page and as an iCalendar feed."""

from datetime import timedelta
from itertools import groupby

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from common import ical, usage

from ..filters import ActivityFilter, start_of_day
from ..models import Activity, not_in_lists

# The page shows this many weeks at a time, with a link to the next weeks: a parent looks for
# what is on soon, and a window keeps the page short on a phone.
AGENDA_WINDOW = timedelta(weeks=8)
# A busy window is cut short at a whole day, so the page stays light on a phone.
AGENDA_MAX_ACTIVITIES = 100

# Subscribed calendar apps drop events that vanish from the feed, so the feed keeps the last
# month: a parent still sees last week's info evening in their own calendar.
FEED_HISTORY = timedelta(days=30)

# Fixed forever: calendar apps recognise an event by its UID, across every edit of the activity.
UID_DOMAIN = "huisvanhetkind-leuven.be"

# Parameters of ActivityFilter the feed link carries; `vanaf` is left out, since a subscription
# should keep following the agenda from today, not from the week being looked at.
FEED_PARAMETERS = ("pijler", "voor", "plek", "gemeente")


def _activity_filter(request, queryset):
    return ActivityFilter(request.GET or None, queryset=queryset)


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
    filterset = _activity_filter(request, Activity.objects.upcoming())
    activities = filterset.qs.select_related("offer", "location").defer(*not_in_lists("offer__"))

    today = timezone.localdate()
    start = _cleaned(filterset, "vanaf") or today
    end = start + AGENDA_WINDOW
    in_window = list(
        activities.filter(starts_at__lt=start_of_day(end))[: AGENDA_MAX_ACTIVITIES + 1]
    )
    if len(in_window) > AGENDA_MAX_ACTIVITIES:
        # Stop before the first day that does not fit whole; the "later" link starts there.
        # A single day with more activities than fit shows the first ones, then moves on.
        cut = timezone.localdate(in_window[-1].starts_at)
        whole_days = [s for s in in_window if timezone.localdate(s.starts_at) < cut]
        if whole_days:
            in_window, end = whole_days, cut
        else:
            in_window, end = in_window[:AGENDA_MAX_ACTIVITIES], cut + timedelta(days=1)
        has_later = True
    else:
        has_later = activities.filter(starts_at__gte=start_of_day(end)).exists()

    days = [
        (day, list(day_activities))
        for day, day_activities in groupby(
            in_window, key=lambda activity: timezone.localdate(activity.starts_at)
        )
    ]
    params = _valid_params(request, filterset, ActivityFilter.base_filters)
    earlier = None
    if start > today:
        earlier_start = start - AGENDA_WINDOW
        earlier = _query(params, vanaf=earlier_start.isoformat() if earlier_start > today else None)

    usage.count(request)
    return render(
        request,
        "aanbod/agenda.html",
        {
            "filterset": filterset,
            # On a phone the filters are folded away, unless one is chosen (the week one
            # pages to does not count) or has an error.
            "filters_open": any(key != "vanaf" for key in params)
            or any(field.errors for field in filterset.form),
            "days": days,
            "today": today,
            "window_start": start,
            "window_end": end - timedelta(days=1),
            "later_query": _query(params, vanaf=end.isoformat()) if has_later else None,
            "earlier_query": earlier,
            "feed_query": _valid_params(request, filterset, FEED_PARAMETERS).urlencode(),
        },
    )


def _event(activity, request, stamp):
    offer, location = activity.offer, activity.location
    return ical.event(
        uid=f"activity-{activity.pk}@{UID_DOMAIN}",
        stamp=stamp,
        start=activity.starts_at,
        end=activity.ends_at,
        summary=activity.display_title,
        is_cancelled=activity.is_cancelled,
        location=f"{location.name}, {location.address}" if location else _("Online"),
        description=offer.summary,
        url=request.build_absolute_uri(offer.get_absolute_url()),
        sequence=activity.sequence,
    )


def agenda_ical(request):
    """The agenda as an iCalendar feed (RFC 5545) to subscribe to, with the page's filters.

    Cancelled activities stay in the feed with STATUS:CANCELLED, so calendar apps that already
    have them mark them cancelled instead of silently keeping the old time.
    """
    now = timezone.now()
    filterset = _activity_filter(request, Activity.objects.upcoming(now=now - FEED_HISTORY))
    activities = list(
        filterset.qs.select_related("offer", "location").defer(*not_in_lists("offer__"))
    )

    body = ical.calendar(
        [_event(activity, request, now) for activity in activities],
        prodid=f"-//Huis van het Kind Leuven//Agenda//{(get_language() or 'nl').upper()}",
        name=_("Agenda Huis van het Kind Leuven"),
        method="PUBLISH",
        refresh=timedelta(hours=6),
    )
    usage.count(request, usage.Kind.CALENDAR)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
