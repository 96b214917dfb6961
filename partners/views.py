"""The partner staff portal ("Mijn organisatie"): the partners a person works for, each
partner's team and profile, accepting an invitation, and the page shown after too many failed
logins.

Every partner is fetched through Partner.objects.for_user / managed_by, and everything else
starts from that partner, so another partner's URL answers 404 by construction.
"""

from functools import wraps
from urllib.parse import urlencode

from axes.helpers import get_cool_off
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services
from .backends import accounts_with_address, normalise_address
from .forms import (
    AcceptInvitationForm,
    DeclarationSignForm,
    InvitationForm,
    PartnerProfileForm,
    RoleForm,
)
from .models import Membership, Partner, declaration_to_sign, is_coordinator, person_name


def partner_view(*, manage=False):
    """A logged-in view of one partner, found by its slug among the partners the person may
    act for (manage: whose team they may run) and passed to the view; otherwise 404."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, slug, **kwargs):
            user = request.user
            partners = (
                Partner.objects.managed_by(user) if manage else Partner.objects.for_user(user)
            )
            return view(request, get_object_or_404(partners, slug=slug), **kwargs)

        return wrapper

    return decorator


def post_only(request):
    """405 for anything but POST. Called after the lookups, so another partner's URL is a
    404 whatever the method."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def can_manage(user, partner):
    return Partner.objects.managed_by(user).filter(pk=partner.pk).exists()


@login_required
def index(request):
    roles = dict(request.user.memberships.values_list("partner_id", "role"))
    partners = [
        (partner, Membership.Role(roles[partner.pk]).label if partner.pk in roles else None)
        for partner in Partner.objects.for_user(request.user).order_by("name")
    ]
    return render(
        request,
        "partners/portal/index.html",
        {"partners": partners, "is_coordinator": is_coordinator(request.user)},
    )


@partner_view()
def team(request, partner):
    """Members and roles. Managers and coordinators also invite, change roles, remove members
    and withdraw invitations; editors see the team read-only, so they know whom to ask."""
    may_manage = can_manage(request.user, partner)
    if request.method == "POST" and not may_manage:
        raise Http404
    form = InvitationForm(request.POST or None, partner=partner) if may_manage else None
    if request.method == "POST" and form.is_valid():
        invitation = form.save(commit=False)
        invitation.invited_by = request.user
        try:
            replaced = services.invitation_send(invitation=invitation, request=request)
        except IntegrityError:
            messages.info(
                request, _("%(email)s was invited just now.") % {"email": invitation.email}
            )
            return redirect("portal:team", slug=partner.slug)
        params = {"email": invitation.email, "partner": partner.name}
        if replaced:
            messages.success(
                request,
                _("A new invitation was sent to %(email)s. The earlier link no longer works.")
                % params,
            )
        else:
            messages.success(request, _("An invitation was sent to %(email)s.") % params)
        return redirect("portal:team", slug=partner.slug)

    memberships = partner.memberships.select_related("user").order_by(
        "user__first_name", "user__last_name", "user__email"
    )
    invitations = (
        partner.invitations.pending().select_related("invited_by").order_by("email")
        if may_manage
        else []
    )
    members = [
        (membership, RoleForm(initial={"role": membership.role}, prefix=f"m{membership.pk}"))
        for membership in memberships
    ]
    return render(
        request,
        "partners/portal/team.html",
        {
            "partner": partner,
            "can_manage": may_manage,
            "members": members,
            "invitations": invitations,
            "form": form,
        },
    )


@partner_view(manage=True)
def member_role(request, partner, membership_id):
    membership = get_object_or_404(partner.memberships.select_related("user"), pk=membership_id)
    if not_allowed := post_only(request):
        return not_allowed
    form = RoleForm(request.POST, prefix=f"m{membership.pk}")
    params = {"name": person_name(membership.user), "partner": partner.name}
    if not form.is_valid():
        messages.error(request, _("Choose a role for %(name)s.") % params)
        return redirect("portal:team", slug=partner.slug)
    role = form.cleaned_data["role"]
    try:
        changed = services.membership_set_role(membership=membership, role=role)
    except services.LastManagerError:
        messages.error(
            request,
            _(
                "%(name)s is the last manager of %(partner)s and stays manager. "
                "Make someone else manager first."
            )
            % params,
        )
        return redirect("portal:team", slug=partner.slug)
    if changed:
        params["role"] = Membership.Role(role).label
        messages.success(request, _("%(name)s is now %(role)s.") % params)
    else:
        messages.info(request, _("The role of %(name)s did not change.") % params)
    return redirect("portal:team", slug=partner.slug)


@partner_view(manage=True)
def member_remove(request, partner, membership_id):
    membership = get_object_or_404(partner.memberships.select_related("user"), pk=membership_id)
    if not_allowed := post_only(request):
        return not_allowed
    params = {"name": person_name(membership.user), "partner": partner.name}
    try:
        services.membership_remove(membership=membership)
    except services.LastManagerError:
        messages.error(
            request,
            _(
                "%(name)s is the last manager of %(partner)s and cannot be removed. "
                "Make someone else manager first."
            )
            % params,
        )
        return redirect("portal:team", slug=partner.slug)
    if membership.user_id == request.user.pk:
        messages.success(request, _("You are no longer a member of %(partner)s.") % params)
        return redirect("portal:index")
    messages.success(request, _("%(name)s was removed from the team.") % params)
    return redirect("portal:team", slug=partner.slug)


@partner_view(manage=True)
def invitation_revoke(request, partner, invitation_id):
    invitation = get_object_or_404(partner.invitations, pk=invitation_id)
    if not_allowed := post_only(request):
        return not_allowed
    if services.invitation_revoke(invitation=invitation):
        messages.success(
            request,
            _("The invitation for %(email)s was withdrawn; its link no longer works.")
            % {"email": invitation.email},
        )
    else:
        messages.info(
            request,
            _("The invitation for %(email)s was no longer open.") % {"email": invitation.email},
        )
    return redirect("portal:team", slug=partner.slug)


@partner_view()
def profile(request, partner):
    form = PartnerProfileForm(request.POST or None, request.FILES or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        if form.has_real_changes():
            form.save()
            messages.success(
                request, _("The profile of %(partner)s was saved.") % {"partner": partner.name}
            )
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("portal:profile", slug=partner.slug)
    last_change = partner.history.select_related("history_user").first()
    return render(
        request,
        "partners/portal/profile.html",
        {
            # A rejected form has already put the typed values on `partner`; show the stored
            # partner (e.g. its current logo) beside the form.
            "partner": Partner.objects.get(pk=partner.pk) if form.is_bound else partner,
            "form": form,
            "last_change": last_change,
            "file_chosen": bool(request.FILES),
        },
    )


@partner_view()
def declaration_sign(request, partner):
    """A manager signs the current version of the declaration for the partner; editors see
    that a manager must sign it."""
    declaration = declaration_to_sign(partner)
    if declaration is None:
        messages.info(
            request,
            _("%(partner)s signed the current engagement declaration.") % {"partner": partner.name},
        )
        return redirect("portal:dashboard", slug=partner.slug)
    may_manage = can_manage(request.user, partner)
    if request.method == "POST" and not may_manage:
        raise Http404
    form = (
        DeclarationSignForm(request.POST or None, partner=partner, declaration=declaration)
        if may_manage
        else None
    )
    if request.method == "POST" and form.is_valid():
        params = {"partner": partner.name, "version": declaration.version}
        try:
            services.declaration_sign(
                partner=partner,
                declaration=declaration,
                signed_by=form.cleaned_data["signed_by"],
                signer_role=form.cleaned_data["signer_role"],
            )
        except services.AlreadySigned:
            messages.info(request, _("%(partner)s signed version %(version)s already.") % params)
        else:
            messages.success(
                request,
                _("%(partner)s signed the engagement declaration (version %(version)s).") % params,
            )
        return redirect("portal:dashboard", slug=partner.slug)
    return render(
        request,
        "partners/portal/declaration_sign.html",
        {
            "partner": partner,
            "declaration": declaration,
            "form": form,
        },
    )


def _invitation_unusable(request, error):
    return render(
        request,
        "partners/portal/invitation_unusable.html",
        {"reason": error.reason, "invitation": error.invitation},
        status=error.status_code,
    )


def _is_invited_person(user, email):
    return normalise_address(email) in map(normalise_address, (user.email, user.get_username()))


def accept_invitation(request, token):
    """Where an invitation link leads. A new person makes an account; a person who has one
    logs in and accepts. The link only works for the address it was sent to."""
    try:
        invitation = services.invitation_from_token(token)
    except services.InvitationUnusable as error:
        return _invitation_unusable(request, error)

    context = {"invitation": invitation, "partner": invitation.partner}
    user = request.user
    if user.is_authenticated and not _is_invited_person(user, invitation.email):
        return render(request, "partners/portal/invitation_wrong_account.html", context, status=403)
    params = {"partner": invitation.partner.name}

    if user.is_authenticated:
        if request.method == "POST":
            try:
                created = services.invitation_accept(invitation=invitation, user=user)[1]
            except services.InvitationUnusable as error:
                return _invitation_unusable(request, error)
            if created:
                messages.success(request, _("Welcome to the team of %(partner)s.") % params)
            else:
                messages.info(
                    request,
                    _("You were already a member of %(partner)s; your role did not change.")
                    % params,
                )
            return redirect("portal:dashboard", slug=invitation.partner.slug)
        return render(request, "partners/portal/invitation_accept.html", context)

    if accounts_with_address(invitation.email).exists():
        context["login_url"] = f"{reverse('login')}?{urlencode({'next': request.path})}"
        return render(request, "partners/portal/invitation_accept.html", context)

    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            new_user = services.invitation_accept_with_new_account(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationUnusable as error:
            return _invitation_unusable(request, error)
        except services.AccountExists:
            messages.info(
                request, _("An account with this e-mail address exists. Log in to accept.")
            )
            return redirect(request.path)
        login(request, new_user, backend="partners.backends.EmailBackend")
        messages.success(request, _("Welcome to the team of %(partner)s.") % params)
        return redirect("portal:dashboard", slug=invitation.partner.slug)
    context["form"] = form
    return render(request, "partners/portal/invitation_accept.html", context)


def locked_out(request, original_response=None, credentials=None):
    """django-axes calls this instead of logging in after too many failed attempts."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
