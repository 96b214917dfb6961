from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, Subquery
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from common.redirects import safe_next
from netwerk import ical, services
from netwerk.forms import RsvpForm
from netwerk.models import ActionItem, AgendaItem, Attendance, Meeting
from partners.models import is_coordinator

from .common import colleagues, own_partners

CONFIRMATIONS = {
    Attendance.Rsvp.ATTENDING: gettext_lazy("Thank you, you are registered."),
    Attendance.Rsvp.DECLINED: gettext_lazy("Thank you, we noted that you cannot come."),
    Attendance.Rsvp.EXCUSED: gettext_lazy("Thank you, you are excused."),
}


def _visible_meeting(user, pk):
    """A meeting this person may see, else 404."""
    return get_object_or_404(
        Meeting.objects.for_user(user).select_related("group", "location"), pk=pk
    )


@login_required
def meeting_list(request):
    user = request.user
    meetings = (
        Meeting.objects.for_user(user)
        .upcoming()
        .select_related("group", "location")
        .prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.objects.filter(person=user),
                to_attr="mine",
            )
        )
    )
    page = Paginator(meetings, 20).get_page(request.GET.get("pagina"))
    now = timezone.now()
    for meeting in page:
        meeting.my_attendance = meeting.mine[0] if meeting.mine else None
        meeting.can_answer = services.can_answer(meeting, now)
    return render(request, "netwerk/meeting_list.html", {"page": page})


def _follow_up(meeting, now):
    """Open action points of the group, shown with the group's next meeting only."""
    if meeting.is_cancelled or meeting.ends_at < now:
        return []
    next_meeting = (
        Meeting.objects.filter(group_id=meeting.group_id)
        .not_cancelled()
        .upcoming(now)
        .values("pk")[:1]
    )
    # One query: the points, provided this meeting is the group's next one.
    return list(
        ActionItem.objects.open()
        .filter(group_id=meeting.group_id)
        .annotate(next_meeting=Subquery(next_meeting))
        .filter(next_meeting=meeting.pk)
        .select_related("owner_partner", "owner_person")
    )


def _detail(request, meeting, form=None, status=200):
    user = request.user
    now = timezone.now()
    agenda = AgendaItem.objects.select_related("presenter", "presenter_partner", "report__group")
    agenda = list(agenda.filter(meeting=meeting))
    people = meeting.attendances.filter(Q(rsvp=Attendance.Rsvp.ATTENDING) | Q(person=user))
    people = list(people.select_related("partner", "stand_in"))
    mine = next((a for a in people if a.person_id == user.pk), None)
    attending = [a for a in people if a.is_attending]
    represented = sorted({a.partner.name for a in attending if a.partner_id})
    coordinator = is_coordinator(user)
    can_answer = True
    try:
        services.check_can_answer(meeting, now)
    except ValidationError as error:
        can_answer, closed_reason = False, error.messages[0]
    else:
        closed_reason = ""
    if can_answer and form is None:
        partners = own_partners(user)
        initial = {"answer": mine.rsvp, "note": mine.note} if mine else {}
        if mine:
            initial |= {"partner": mine.partner_id, "stand_in": mine.stand_in_id}
        elif partners:
            initial["partner"] = partners[0].pk
        form = RsvpForm(
            initial=initial,
            partners=partners,
            colleagues=colleagues(user, partners) if partners else [],
        )
    places_left = None
    if meeting.capacity is not None:
        places_left = max(meeting.capacity - len(attending), 0)
    context = {
        "meeting": meeting,
        "agenda": agenda,
        "my_attendance": mine,
        "attending_count": len(attending),
        "represented": represented,
        "places_left": places_left,
        "form": form if can_answer else None,
        "closed_reason": closed_reason,
        "follow_up": _follow_up(meeting, now),
        "show_minutes": meeting.has_published_minutes or (coordinator and meeting.minutes),
        "is_coordinator": coordinator,
    }
    return render(request, "netwerk/meeting_detail.html", context, status=status)


@login_required
def meeting_detail(request, pk):
    return _detail(request, _visible_meeting(request.user, pk))


@login_required
@require_POST
def meeting_rsvp(request, pk):
    user = request.user
    meeting = _visible_meeting(user, pk)
    partners = own_partners(user)
    data = request.POST.copy()
    if partners and not data.get("partner"):
        # One-click answers from the list carry no partner: keep the one answered for
        # before, else the first partner the person works for.
        earlier = meeting.attendances.filter(person=user).values_list("partner_id", flat=True)
        data["partner"] = earlier.first() or partners[0].pk
    form = RsvpForm(data, partners=partners, colleagues=colleagues(user, partners))
    if form.is_valid():
        answer = form.cleaned_data["answer"]
        try:
            services.rsvp(
                meeting=meeting,
                person=user,
                partner=form.cleaned_data.get("partner"),
                answer=answer,
                stand_in=form.cleaned_data.get("stand_in"),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, CONFIRMATIONS[answer])
            return redirect(safe_next(request, meeting.get_absolute_url()))
    messages.error(request, _("Your answer was not saved. See the message at the form."))
    return _detail(request, meeting, form=form, status=400)


@login_required
def meeting_ical(request, pk):
    meeting = get_object_or_404(
        Meeting.objects.for_user(request.user)
        .select_related("group", "location")
        .prefetch_related("agenda_items"),
        pk=pk,
    )
    response = HttpResponse(ical.download(meeting), content_type="text/calendar; charset=utf-8")
    day = timezone.localtime(meeting.starts_at)
    response["Content-Disposition"] = f'attachment; filename="netwerk-{day:%Y-%m-%d}.ics"'
    return response
