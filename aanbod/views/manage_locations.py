"""The portal's place pages: a partner's own sites. The Huizen van het Kind are the
coordinators' (admin); to partner staff they are not found here (Location.editable_by)."""

from django.contrib import messages
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from partners.views import partner_view

from .. import services
from ..forms import LocationForm
from ..models import Location, Offer, OfferLocation
from .manage_common import last_change, save_once


@partner_view()
def location_list(request, partner):
    locations = (
        Location.objects.editable_by(request.user)
        .filter(owner=partner)
        .prefetch_related(
            # Another partner's drafts are theirs: only its published offers are named.
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.filter(
                    Q(offer__provider=partner) | Q(offer__status=Offer.Status.PUBLISHED)
                ).select_related("offer"),
            )
        )
        .order_by("name")
    )
    return render(
        request,
        "aanbod/manage/location_list.html",
        {"partner": partner, "locations": locations},
    )


@partner_view()
def location_create(request, partner):
    form = LocationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        url = reverse("portal:location_list", args=[partner.slug])

        def save():
            location = services.location_create(partner=partner, form=form)
            messages.success(
                request,
                _("The place ‘%(name)s’ was added. You can now choose it for your offers.")
                % {"name": location.name},
            )
            return url

        return save_once(request, form.cleaned_data["form_key"], save, url)
    return render(
        request,
        "aanbod/manage/location_form.html",
        {"partner": partner, "form": form, "location": None},
    )


@partner_view()
def location_edit(request, partner, location_id):
    location = get_object_or_404(
        Location.objects.editable_by(request.user).filter(owner=partner), pk=location_id
    )
    form = LocationForm(request.POST or None, instance=location)
    if request.method == "POST" and form.is_valid():
        url = reverse("portal:location_list", args=[partner.slug])
        if not form.has_changed():
            messages.info(request, _("Nothing was changed."))
            return redirect(url)

        def save():
            form.save()
            messages.success(
                request, _("The place ‘%(name)s’ was saved.") % {"name": location.name}
            )
            return url

        return save_once(request, form.cleaned_data["form_key"], save, url)
    return render(
        request,
        "aanbod/manage/location_form.html",
        {
            # A rejected form has put the typed values on `location`; the heading shows the
            # stored name.
            "partner": partner,
            "form": form,
            "location": Location.objects.get(pk=location.pk) if form.is_bound else location,
            "last_change": last_change(location),
        },
    )
