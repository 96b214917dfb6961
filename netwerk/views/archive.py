from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render

from netwerk.forms import DecisionSearchForm
from netwerk.models import AgendaItem, GroupMember, Meeting, NetworkGroup, WorkgroupReport

MAX_DECISIONS = 50


@login_required
def archive(request):
    """Published minutes, newest first, and a search through the decisions in them."""
    visible = Meeting.objects.for_user(request.user).with_published_minutes()
    form = DecisionSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    decisions = None
    if query:
        decisions = (
            AgendaItem.objects.filter(meeting__in=visible)
            .exclude(decision="")
            .filter(Q(decision__icontains=query) | Q(title__icontains=query))
            .select_related("meeting__group")
            .order_by("-meeting__starts_at", "order")[:MAX_DECISIONS]
        )
    meetings = visible.select_related("group").order_by("-starts_at")
    page = Paginator(meetings, 20).get_page(request.GET.get("pagina"))
    return render(
        request,
        "netwerk/archive.html",
        {"form": form, "query": query, "decisions": decisions, "page": page},
    )


def _current_members():
    return Prefetch(
        "members",
        queryset=GroupMember.objects.current().select_related("partner", "person"),
        to_attr="current_members",
    )


@login_required
def group_list(request):
    groups = (
        NetworkGroup.objects.readable_by(request.user)
        .active()
        .exclude(kind=NetworkGroup.Kind.NETWORK)
        .prefetch_related(_current_members())
        .order_by("kind", "name")
    )
    return render(request, "netwerk/group_list.html", {"groups": groups})


@login_required
def group_detail(request, slug):
    """A group's mandate, members and reports; its meetings only for those who may see them."""
    group = get_object_or_404(
        NetworkGroup.objects.readable_by(request.user).prefetch_related(_current_members()),
        slug=slug,
    )
    reports = WorkgroupReport.objects.published().filter(group=group)
    meetings = (
        Meeting.objects.for_user(request.user)
        .filter(group=group)
        .select_related("group", "location")
        .order_by("-starts_at")[:20]
    )
    return render(
        request,
        "netwerk/group_detail.html",
        {"group": group, "reports": reports, "meetings": meetings},
    )
