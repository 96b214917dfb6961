"""The portal's translation pages: an offer's texts in the other languages of the site, and
the list of a partner's offers that miss a translation."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from partners.views import partner_view

from .. import services
from ..forms import OfferTranslationForm
from ..languages import translation_languages
from ..models import (
    TRANSLATED_FIELDS,
    Offer,
    OfferTranslation,
    translation_counts,
    translation_state,
)
from .manage_common import offer_for, save_once
from .manage_offers import _page


@partner_view()
def offer_translations(request, partner, offer_id):
    offer = offer_for(request, partner, offer_id)
    languages = [
        {"code": code, "name": name, "state": translation_state(offer, code)}
        for code, name in translation_languages()
    ]
    return _page(
        request,
        "aanbod/manage/offer_translations.html",
        partner,
        offer,
        "translations",
        languages=languages,
    )


@partner_view()
def offer_translation_edit(request, partner, offer_id, language):
    offer = offer_for(request, partner, offer_id)
    names = dict(translation_languages())
    if language not in names:
        raise Http404
    stored = offer.translations.filter(language=language).first()
    form = OfferTranslationForm(
        request.POST or None, instance=stored, offer=offer, language=language
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        base_version = form.cleaned_data["version"]
        url = reverse("portal:offer_translation_edit", args=[partner.slug, offer.pk, language])

        def save():
            services.offer_save_translation(offer=offer, form=form, base_version=base_version)
            if form.removes:
                messages.success(
                    request,
                    _("The texts in %(language)s were removed: parents see the Dutch ones.")
                    % {"language": names[language]},
                )
            else:
                messages.success(request, _("Your changes were saved."))
            return url

        try:
            return save_once(request, form.cleaned_data["form_key"], save, url)
        except services.VersionConflict:
            typed = {name: form.cleaned_data.get(name) or "" for name in TRANSLATED_FIELDS}
            offer = offer_for(request, partner, offer_id)
            stored = offer.translations.filter(language=language).first()
            form = OfferTranslationForm(
                instance=stored,
                offer=offer,
                language=language,
                initial={**typed, "version": offer.version},
            )
            form.mark_clashes(stored, typed)
            conflict = True
    return _page(
        request,
        "aanbod/manage/offer_translation_edit.html",
        partner,
        offer,
        "translations",
        form=form,
        conflict=conflict,
        language=language,
        language_name=names[language],
    )


@partner_view()
def translation_list(request, partner):
    """The partner's offers (not archived) that miss a translation, per language."""
    offers = (
        Offer.objects.editable_by(request.user)
        .filter(provider=partner)
        .exclude(status=Offer.Status.ARCHIVED)
    )
    listed = offers.only(
        "pk", "title", "status", "registration_details", "cost_details"
    ).prefetch_related(
        Prefetch(
            "translations",
            queryset=OfferTranslation.objects.only(
                "offer_id", "language", "registration_details", "cost_details"
            ),
        )
    )
    languages = translation_languages()
    rows = []
    for offer in listed.order_by("title"):
        states = {code: translation_state(offer, code) for code, _name in languages}
        missing = [name for code, name in languages if states[code] == "missing"]
        partial = [name for code, name in languages if states[code] == "partial"]
        if missing or partial:
            rows.append({"offer": offer, "missing": missing, "partial": partial})
    return _page(
        request,
        "aanbod/manage/translation_list.html",
        partner,
        None,
        "",
        last_change=None,
        rows=rows,
        counts=translation_counts(offers),
    )
