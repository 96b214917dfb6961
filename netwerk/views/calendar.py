from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk import ical
from netwerk.models import CalendarToken, Meeting

FEED_HISTORY = timedelta(days=365)  # past meetings stay in calendars for a year


@login_required
def calendar(request):
    token, _created = CalendarToken.objects.get_or_create(user=request.user)
    feed_url = request.build_absolute_uri(reverse("netwerk:calendar_feed", args=[token.token]))
    webcal_url = "webcal://" + feed_url.split("://", 1)[1]
    return render(
        request,
        "netwerk/calendar.html",
        {"token": token, "feed_url": feed_url, "webcal_url": webcal_url},
    )


@login_required
@require_POST
def calendar_renew(request):
    token, created = CalendarToken.objects.get_or_create(user=request.user)
    if not created:
        token.renew()
    messages.success(request, _("You have a new calendar link. The old link no longer works."))
    return redirect("netwerk:calendar")


def calendar_feed(request, token):
    """The personal feed. Calendar apps cannot log in: the secret token is the key."""
    token = get_object_or_404(
        CalendarToken.objects.select_related("user"), token=token, user__is_active=True
    )
    meetings = (
        Meeting.objects.for_user(token.user)
        .filter(ends_at__gte=timezone.now() - FEED_HISTORY)
        .select_related("group", "location")
        .prefetch_related("agenda_items")
        .order_by("starts_at")
    )
    body = ical.feed(meetings, name=_("Network Huis van het Kind Leuven"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="netwerk.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
