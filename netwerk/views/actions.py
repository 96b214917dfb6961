from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.redirects import safe_next
from netwerk.forms import ActionStatusForm
from netwerk.models import ActionItem
from partners.models import Partner


@login_required
def action_list(request):
    """The action points of the partners this person works for, and their own."""
    user = request.user
    show_all = request.GET.get("toon") == "alle"
    # Coordinators may see every point; the list is of their own partners' and their own.
    items = ActionItem.objects.for_user(user).filter(
        Q(owner_partner__in=Partner.objects.staffed_by(user)) | Q(owner_person=user)
    )
    if not show_all:
        items = items.open()
    items = items.select_related("owner_partner", "owner_person", "group", "meeting__group")
    rows = [(item, ActionStatusForm(instance=item, prefix=f"item-{item.pk}")) for item in items]
    return render(request, "netwerk/action_list.html", {"rows": rows, "show_all": show_all})


@login_required
@require_POST
def action_update(request, pk):
    # Fetched through the scoping method: another partner's point is a 404.
    item = get_object_or_404(ActionItem.objects.for_user(request.user), pk=pk)
    form = ActionStatusForm(request.POST, instance=item, prefix=f"item-{item.pk}")
    if form.is_valid():
        form.save()
        messages.success(
            request,
            _("“%(title)s” is now: %(status)s.")
            % {"title": item.title, "status": item.get_status_display()},
        )
    else:
        messages.error(request, _("Choose one of the statuses in the list."))
    return redirect(safe_next(request, "netwerk:action_list"))
