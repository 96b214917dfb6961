"""Referrals in the partner portal (/mijn/<partner>/doorverwijzingen/).

A referral is seen only by the staff of its two partners. So the partner is found among the
partners the person is a member of, not through Partner.objects.for_user (which lets
coordinators act for every partner), and the referral among that partner's
(Referral.objects.involving): everybody else gets 404. Every page that shows the family's
details writes an access log entry.
"""

import contextlib
import uuid
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from partners.models import Partner
from partners.views import post_only

from . import services
from .forms import (
    CloseForm,
    ConsentForm,
    DeclineForm,
    DetailsForm,
    PassOnForm,
    Target,
    read_consent_token,
)
from .models import AccessLogEntry, AgeBand, ConsentBy, ConsentMethod, Referral

LIST_LIMIT = 100


def member_view(view):
    """A view of one partner the logged-in person is a member of; 404 otherwise."""

    @login_required
    @wraps(view)
    def wrapper(request, slug, **kwargs):
        partners = Partner.objects.staffed_by(request.user)
        return view(request, get_object_or_404(partners, slug=slug), **kwargs)

    return wrapper


def _referral(partner, referral_id):
    return get_object_or_404(
        Referral.objects.involving(partner).select_related(
            "sender", "receiver", "offer", "huis", "sent_by"
        ),
        pk=referral_id,
    )


@member_view
def referral_list(request, partner):
    referrals = Referral.objects.involving(partner).select_related("sender", "receiver", "offer")
    return render(
        request,
        "referrals/referral_list.html",
        {
            "partner": partner,
            "received": referrals.filter(receiver=partner)[:LIST_LIMIT],
            "sent": referrals.filter(sender=partner)[:LIST_LIMIT],
        },
    )


@member_view
def referral_create(request, partner):
    """Two steps on one address. The consent first: without it the flow stops. With it, the
    details; the consent travels signed in the form, so nothing is saved until both are
    complete."""
    if request.method == "POST" and "token" in request.POST:
        return _details_step(request, partner)
    form = ConsentForm(request.POST or None, sender=partner)
    if request.method == "POST" and form.is_valid():
        if not form.has_consent:
            return _no_consent_redirect(partner, form.cleaned_data["target"])
        details = DetailsForm(initial={"token": form.token(uuid.uuid4())})
        return _render_details(request, partner, details, form.cleaned_data)
    return render(request, "referrals/referral_consent.html", {"partner": partner, "form": form})


def _no_consent_redirect(partner, target):
    response = redirect("portal:referral_no_consent", slug=partner.slug)
    response["Location"] += f"?naar={target.value}"
    return response


def _render_details(request, partner, form, consent):
    context = {
        "partner": partner,
        "form": form,
        "target": consent["target"],
        "age_band": AgeBand(consent["age_band"]).label,
        "consent_by": ConsentBy(consent["consent_by"]).label,
        "consent_method": ConsentMethod(consent["consent_method"]).label,
        "consent_on": consent["consent_on"],
    }
    return render(request, "referrals/referral_details.html", context)


def _details_step(request, partner):
    form = DetailsForm(request.POST)
    consent = read_consent_token(request.POST.get("token"), partner)
    if consent is None:
        messages.error(
            request,
            _("The consent could not be read any more (it is kept two hours). Record it again."),
        )
        return redirect("portal:referral_create", slug=partner.slug)
    data, target = consent
    shown = {**data, "target": target}
    if not form.is_valid():
        return _render_details(request, partner, form, shown)
    details = {name: form.cleaned_data[name] for name in DetailsForm.Meta.fields}
    try:
        referral = services.referral_send(
            sender=partner,
            user=request.user,
            receiver=target.receiver,
            offer=target.offer,
            huis=target.huis,
            form_key=data["form_key"],
            age_band=data["age_band"],
            consent_by=data["consent_by"],
            consent_on=data["consent_on"],
            consent_method=data["consent_method"],
            **details,
        )
    except IntegrityError:
        # Sent twice (a double click, or the back button): the first one counts.
        referral = get_object_or_404(Referral.objects.involving(partner), form_key=data["form_key"])
        messages.info(request, _("This referral was sent already."))
        return redirect("portal:referral_detail", slug=partner.slug, referral_id=referral.pk)
    messages.success(
        request,
        _("The referral was sent to %(partner)s. You get an e-mail when they answer.")
        % {"partner": referral.receiver.name},
    )
    return redirect("portal:referral_detail", slug=partner.slug, referral_id=referral.pk)


@member_view
def referral_no_consent(request, partner):
    target = Target.from_value(request.GET.get("naar"), partner)
    return render(
        request, "referrals/referral_no_consent.html", {"partner": partner, "target": target}
    )


STEP_FORMS = {"decline": DeclineForm, "pass_on": PassOnForm, "close": CloseForm}


def _step_form(referral, step, data=None):
    kwargs = {"referral": referral} if step == "pass_on" else {}
    return STEP_FORMS[step](data, prefix=step, **kwargs)


def _step_forms(referral, side, data=None, failed=None):
    """The forms of the steps this side may take now; the one that failed keeps its data."""
    steps = services.steps_for(referral, side)
    forms = {
        step: _step_form(referral, step, data if step == failed else None)
        for step in STEP_FORMS
        if step in steps
    }
    return steps, forms


def _render_detail(request, partner, referral, failed=None, status=200):
    side = referral.side_of(partner)
    steps, step_forms = _step_forms(referral, side, request.POST, failed)
    if not referral.is_erased:
        services.log_access(
            user=request.user,
            partner=partner,
            action=AccessLogEntry.Action.VIEWED,
            referrals=[referral],
        )
    return render(
        request,
        "referrals/referral_detail.html",
        {
            "partner": partner,
            "referral": referral,
            "side": side,
            "other_side": referral.other_side(partner),
            "steps": steps,
            "forms": step_forms,
            "events": referral.events.select_related("by", "partner", "passed_to"),
        },
        status=status,
    )


@member_view
def referral_detail(request, partner, referral_id):
    referral = _referral(partner, referral_id)
    if referral.side_of(partner) == "receiver" and referral.status in services.STEPS["open"].after:
        # Someone else may have opened or answered it just now: then show it as it is.
        with contextlib.suppress(services.StepRefused):
            referral = services.referral_step(
                referral=referral, step="open", partner=partner, user=request.user
            )
    return _render_detail(request, partner, referral)


STEP_DONE = {
    "accept": _("You accepted the referral. Contact the family the way they asked."),
    "decline": _("You declined the referral. The referrer was told."),
    "pass_on": _("You passed the referral on. The partner and the referrer were told."),
    "contact_made": _("Noted: contact was made with the family."),
    "close": _("The referral is closed. Thank you."),
    "withdraw": _("You withdrew the referral. The partner was told."),
}


@member_view
def referral_step(request, partner, referral_id, step):
    referral = _referral(partner, referral_id)
    if not_allowed := post_only(request):
        return not_allowed
    values = {}
    if step in STEP_FORMS:
        form = _step_form(referral, step, request.POST)
        if form.is_valid():
            values = {name: value for name, value in form.cleaned_data.items() if name != "consent"}
        elif step in services.steps_for(referral, referral.side_of(partner)):
            return _render_detail(request, partner, referral, failed=step, status=400)
        # A step no longer possible is refused below, whatever the form said.
    try:
        services.referral_step(
            referral=referral, step=step, partner=partner, user=request.user, **values
        )
    except services.StepRefused:
        messages.error(
            request,
            _("This step is not possible any more: the referral changed. See its status below."),
        )
    else:
        messages.success(request, STEP_DONE[step])
        if step == "pass_on":
            # It is the next partner's now: this partner no longer sees it.
            return redirect("portal:referral_list", slug=partner.slug)
    return redirect("portal:referral_detail", slug=partner.slug, referral_id=referral.pk)
