from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerk import services
from netwerk.forms import InterestForm
from netwerk.models import Interest, Opportunity
from partners.models import Partner

from .common import own_partners


@login_required
def opportunity_list(request):
    """Open calls with their deadlines, and who is in already."""
    opportunities = (
        Opportunity.objects.for_user(request.user)
        .open_calls()
        .prefetch_related(
            Prefetch("interests", queryset=Interest.objects.select_related("partner"))
        )
    )
    mine = {p.pk for p in own_partners(request.user)}
    return render(
        request,
        "netwerk/opportunity_list.html",
        {"opportunities": opportunities, "my_partner_ids": mine},
    )


@login_required
def opportunity_detail(request, pk):
    opportunity = get_object_or_404(Opportunity.objects.for_user(request.user), pk=pk)
    partners = own_partners(request.user)
    interests = list(opportunity.interests.select_related("partner", "person"))
    mine = [i for i in interests if i.partner_id in {p.pk for p in partners}]
    form = None
    if partners and opportunity.is_joinable():
        initial = {"partner": partners[0].pk, "role": Interest.Role.INTERESTED}
        if mine:
            initial = {"partner": mine[0].partner_id, "role": mine[0].role, "note": mine[0].note}
        form = InterestForm(request.POST or None, initial=initial, partners=partners)
        if request.method == "POST" and form.is_valid():
            try:
                services.express_interest(
                    opportunity=opportunity,
                    partner=form.cleaned_data["partner"],
                    person=request.user,
                    role=form.cleaned_data["role"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you, your interest is saved."))
                return redirect(opportunity.get_absolute_url())
    elif request.method == "POST":
        messages.error(request, _("This opportunity is no longer open."))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "netwerk/opportunity_detail.html",
        {"opportunity": opportunity, "interests": interests, "mine": mine, "form": form},
        status=status,
    )


@login_required
@require_POST
def interest_withdraw(request, pk, interest_pk):
    interest = get_object_or_404(
        Interest.objects.filter(partner__in=Partner.objects.for_user(request.user)),
        pk=interest_pk,
        opportunity_id=pk,
    )
    interest.delete()
    messages.success(request, _("Your interest is withdrawn."))
    return redirect("netwerk:opportunity_detail", pk=pk)
