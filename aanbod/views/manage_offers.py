"""The portal's offer pages: a partner's offers, creating and editing one, where and when it
happens, its dated activities, a preview, its change history, and the buttons that publish,
take offline, archive, bring back, duplicate or confirm it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.redirects import safe_next
from partners.views import partner_view, post_only

from .. import history, services
from ..forms import (
    ActivityFormSet,
    KeyedForm,
    OfferForm,
    OfferLocationFormSet,
    VersionedForm,
    location_choices,
)
from ..models import Activity, Offer, OfferLocation
from .catalogue import DETAIL_MAX_ACTIVITIES, offer_detail_context, with_detail_relations
from .manage_common import last_change, mark_freshness, offer_for, save_once

PAST_ACTIVITIES_SHOWN = 10
STATUS_FILTERS = {
    "concept": Offer.Status.DRAFT,
    "gepubliceerd": Offer.Status.PUBLISHED,
    "gearchiveerd": Offer.Status.ARCHIVED,
}


def _page(request, template, partner, offer, tab, **context):
    if "last_change" not in context:
        context["last_change"] = last_change(offer)
    return render(
        request,
        template,
        {"partner": partner, "offer": offer, "tab": tab, **context},
        status=409 if context.get("conflict") else 200,
    )


@partner_view()
def offer_list(request, partner):
    offers = Offer.objects.editable_by(request.user).filter(provider=partner)
    status_key = request.GET.get("status", "")
    status = STATUS_FILTERS.get(status_key)
    counts = offers.aggregate(
        all=Count("pk"),
        **{key: Count("pk", filter=Q(status=value)) for key, value in STATUS_FILTERS.items()},
    )
    shown = offers.filter(status=status) if status else offers
    return render(
        request,
        "aanbod/manage/offer_list.html",
        {
            "partner": partner,
            "offers": mark_freshness(list(shown.order_by("title"))),
            "status_key": status_key if status else "",
            "filters": [
                ("", _("All"), counts["all"]),
                ("concept", _("Drafts"), counts["concept"]),
                ("gepubliceerd", _("Published"), counts["gepubliceerd"]),
                ("gearchiveerd", _("Archived"), counts["gearchiveerd"]),
            ],
        },
    )


@partner_view()
def offer_create(request, partner):
    form = OfferForm(request.POST or None, partner=partner)
    if request.method == "POST" and form.is_valid():

        def save():
            offer = services.offer_create(partner=partner, form=form)
            messages.success(
                request,
                _(
                    "‘%(title)s’ was saved as a draft. Now add where and when it happens, "
                    "then publish it."
                )
                % {"title": offer.title},
            )
            return reverse("portal:offer_locations", args=[partner.slug, offer.pk])

        fallback = reverse("portal:offer_list", args=[partner.slug])
        return save_once(request, form.cleaned_data["form_key"], save, fallback)
    return render(request, "aanbod/manage/offer_create.html", {"partner": partner, "form": form})


@partner_view()
def offer_edit(request, partner, offer_id):
    offer = offer_for(request, partner, offer_id)
    # A rejected form puts the typed title on `offer`; the heading shows the stored one.
    heading = offer.title
    form = OfferForm(request.POST or None, instance=offer, partner=partner)
    conflict = None
    if request.method == "POST" and form.is_valid():
        base_version = form.cleaned_data["version"]
        url = reverse("portal:offer_edit", args=[partner.slug, offer.pk])

        def save():
            services.offer_update(offer=offer, form=form, base_version=base_version)
            messages.success(request, _("Your changes were saved."))
            return url

        try:
            return save_once(request, form.cleaned_data["form_key"], save, url)
        except services.VersionConflict:
            offer = offer_for(request, partner, offer_id)
            conflict = history.conflict_since(offer, base_version)
            merged, clashes = history.merge(
                conflict.base_values, conflict.current_values, form.model_values()
            )
            form = OfferForm(
                instance=offer,
                partner=partner,
                initial={**form.initial_from_values(merged), "version": offer.version},
            )
            form.mark_clashes(conflict.clashes(clashes))
            heading = offer.title
    return _page(
        request,
        "aanbod/manage/offer_edit.html",
        partner,
        offer,
        "edit",
        form=form,
        conflict=conflict,
        heading=heading,
        # No id on its hidden field: the edit form beside it has a form_key too.
        duplicate_form=KeyedForm(auto_id=False),
    )


def _conflict_for(request, partner, offer_id, base_version):
    offer = offer_for(request, partner, offer_id)
    return offer, history.conflict_since(offer, base_version)


@partner_view()
def offer_locations(request, partner, offer_id):
    offer = offer_for(request, partner, offer_id)
    data = request.POST if request.method == "POST" else None
    state = VersionedForm(data, initial={"version": offer.version})
    formset = OfferLocationFormSet(
        data,
        instance=offer,
        queryset=OfferLocation.objects.select_related("location").prefetch_related("slots"),
        form_kwargs={"locations": location_choices(partner)},
        prefix="places",
    )
    conflict = None
    if request.method == "POST":
        state_valid, formset_valid = state.is_valid(), formset.is_valid()
        if state_valid and formset_valid:
            base_version = state.cleaned_data["version"]
            url = reverse("portal:offer_locations", args=[partner.slug, offer.pk])

            def save():
                services.offer_save_locations(
                    offer=offer, formset=formset, base_version=base_version
                )
                messages.success(request, _("The places and times were saved."))
                return url

            try:
                return save_once(request, state.cleaned_data["form_key"], save, url)
            except services.VersionConflict:
                offer, conflict = _conflict_for(request, partner, offer_id, base_version)
                state = VersionedForm(initial={"version": offer.version})
    return _page(
        request,
        "aanbod/manage/offer_locations.html",
        partner,
        offer,
        "places",
        state=state,
        formset=formset,
        conflict=conflict,
    )


@partner_view()
def offer_activities(request, partner, offer_id):
    offer = offer_for(request, partner, offer_id)
    now = timezone.now()
    activities = Activity.objects.editable_by(request.user).filter(offer=offer)
    data = request.POST if request.method == "POST" else None
    state = VersionedForm(data, initial={"version": offer.version})
    formset = ActivityFormSet(
        data,
        queryset=activities.filter(ends_at__gte=now).order_by("starts_at"),
        form_kwargs={"locations": location_choices(partner)},
        prefix="activities",
    )
    conflict = None
    if request.method == "POST":
        state_valid, formset_valid = state.is_valid(), formset.is_valid()
        if state_valid and formset_valid:
            base_version = state.cleaned_data["version"]
            url = reverse("portal:offer_activities", args=[partner.slug, offer.pk])

            def save():
                services.offer_save_activities(
                    offer=offer, formset=formset, base_version=base_version
                )
                messages.success(request, _("The activities were saved."))
                return url

            try:
                return save_once(request, state.cleaned_data["form_key"], save, url)
            except services.VersionConflict:
                offer, conflict = _conflict_for(request, partner, offer_id, base_version)
                state = VersionedForm(initial={"version": offer.version})
    past = activities.filter(ends_at__lt=now).select_related("location").order_by("-starts_at")
    return _page(
        request,
        "aanbod/manage/offer_activities.html",
        partner,
        offer,
        "activities",
        state=state,
        formset=formset,
        conflict=conflict,
        past_activities=past[:PAST_ACTIVITIES_SHOWN],
    )


@login_required
def offer_preview(request, slug, offer_id):
    """The offer's public page as it will look, whatever its status, marked as a preview.

    The partner comes with the offer (its provider, named by the slug) rather than through
    partner_view: the public page already uses most of the query budget.
    """
    offer = get_object_or_404(
        with_detail_relations(Offer.objects.editable_by(request.user).filter(provider__slug=slug)),
        pk=offer_id,
    )
    partner = offer.provider
    activities = (
        offer.activities.filter(ends_at__gte=timezone.now())
        .select_related("location")
        .order_by("starts_at")[:DETAIL_MAX_ACTIVITIES]
    )
    context = offer_detail_context(request, offer, activities)
    context.update(preview=True, partner=partner)
    response = render(request, "aanbod/offer_detail.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@partner_view()
def offer_history(request, partner, offer_id):
    offer = offer_for(request, partner, offer_id)
    events, newest = history.change_list(offer)
    return _page(
        request,
        "aanbod/manage/offer_history.html",
        partner,
        offer,
        "history",
        events=events,
        last_change=newest,
    )


def _status_messages(action, title):
    params = {"title": title}
    done = {
        "publish": _("‘%(title)s’ is published: parents can find it now."),
        "unpublish": _("‘%(title)s’ is offline. It is a draft again."),
        "archive": _("‘%(title)s’ is archived. You find it under ‘Archived’."),
        "restore": _("‘%(title)s’ is back as a draft."),
    }[action]
    return done % params


def _status_view(action):
    @partner_view()
    def view(request, partner, offer_id):
        offer = offer_for(request, partner, offer_id)
        if not_allowed := post_only(request):
            return not_allowed
        with transaction.atomic():
            changed = services.offer_set_status(offer=offer, action=action)
        if changed:
            messages.success(request, _status_messages(action, offer.title))
            if action == "publish" and not offer.offer_locations.exists():
                messages.warning(
                    request,
                    _("Tip: add where it happens under ‘Places and times’, so parents find it."),
                )
        else:
            status = {
                Offer.Status.DRAFT: _("a draft"),
                Offer.Status.PUBLISHED: _("published"),
                Offer.Status.ARCHIVED: _("archived"),
            }[offer.status]
            messages.info(
                request,
                _("Nothing changed: ‘%(title)s’ is %(status)s.")
                % {"title": offer.title, "status": status},
            )
        return redirect(
            safe_next(request, reverse("portal:offer_edit", args=[partner.slug, offer.pk]))
        )

    view.__name__ = view.__qualname__ = f"offer_{action}"
    return view


offer_publish = _status_view("publish")
offer_unpublish = _status_view("unpublish")
offer_archive = _status_view("archive")
offer_restore = _status_view("restore")


@partner_view()
def offer_reviewed(request, partner, offer_id):
    """The one-click "nog steeds correct"."""
    offer = offer_for(request, partner, offer_id)
    if not_allowed := post_only(request):
        return not_allowed
    services.offer_mark_reviewed(offer=offer)
    messages.success(
        request,
        _("Thank you. ‘%(title)s’ is confirmed as correct today.") % {"title": offer.title},
    )
    return redirect(safe_next(request, reverse("portal:dashboard", args=[partner.slug])))


@partner_view()
def offer_duplicate(request, partner, offer_id):
    offer = offer_for(request, partner, offer_id)
    if not_allowed := post_only(request):
        return not_allowed
    form = KeyedForm(request.POST)
    edit_url = reverse("portal:offer_edit", args=[partner.slug, offer.pk])
    if not form.is_valid():
        messages.error(request, KeyedForm.hidden_field_error)
        return redirect(edit_url)

    def save():
        copy = services.offer_duplicate(offer=offer)
        messages.success(
            request,
            _(
                "This is a copy of ‘%(title)s’, saved as a draft with its places and times. "
                "Change what is different, then publish it."
            )
            % {"title": offer.title},
        )
        return reverse("portal:offer_edit", args=[partner.slug, copy.pk])

    return save_once(request, form.cleaned_data["form_key"], save, edit_url)
