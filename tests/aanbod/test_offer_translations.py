"""Offers in other languages (aanbod.models.OfferTranslation): what pages show, and how."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import override_settings
from django.utils import translation

from aanbod.models import Language, Offer, OfferTranslation, Pillar, Theme, with_shown_translation
from tests import factories


def translate(offer, language="fr", **texts):
    texts.setdefault("title", f"{offer.title} ({language})")
    texts.setdefault("summary", f"{offer.summary} ({language})")
    return OfferTranslation.objects.create(offer=offer, language=language, **texts)


def test_it_shows_the_text_in_the_page_language_where_the_partner_gave_it(partner):
    offer = factories.make_offer(partner, title="Borstvoedingsconsult", cost_details="€ 2")
    translate(offer, title="Consultation d’allaitement", summary="Des conseils.")
    with translation.override("fr"):
        shown = Offer.objects.get(pk=offer.pk).shown
    assert shown.title == "Consultation d’allaitement"
    assert shown.summary == "Des conseils."
    assert not shown.title.is_fallback and not shown.in_dutch
    # Not translated: the Dutch text, marked as Dutch.
    assert shown.cost_details == "€ 2"
    assert shown.cost_details.lang_attribute == ' lang="nl"'


def test_without_a_translation_it_shows_the_dutch_text_marked_as_dutch(partner):
    offer = factories.make_offer(partner, title="Borstvoedingsconsult")
    translate(offer, language="en", title="Breastfeeding advice")
    with translation.override("fr"):
        shown = Offer.objects.get(pk=offer.pk).shown
    assert shown.title == "Borstvoedingsconsult"
    assert shown.title.lang_attribute == ' lang="nl"'
    assert shown.in_dutch


def test_on_a_dutch_page_nothing_is_marked_and_no_translation_is_fetched(
    partner, django_assert_num_queries
):
    offer = factories.make_offer(partner, title="Borstvoedingsconsult")
    translate(offer)
    offer = Offer.objects.get(pk=offer.pk)
    with translation.override("nl"), django_assert_num_queries(0):
        shown = offer.shown
    assert shown.title == "Borstvoedingsconsult"
    assert shown.title.lang_attribute == ""
    assert not shown.in_dutch


def test_a_list_fetches_every_translation_in_one_query(partner, django_assert_num_queries):
    for number in range(5):
        translate(factories.make_offer(partner, title=f"Aanbod {number}"), language="en")
    with translation.override("en"), django_assert_num_queries(2):
        offers = list(with_shown_translation(Offer.objects.all()))
        titles = [offer.shown.title for offer in offers]
    assert titles == [f"Aanbod {number} (en)" for number in range(5)]


def test_one_translation_per_offer_and_language(partner):
    offer = factories.make_offer(partner)
    translate(offer)
    with pytest.raises(IntegrityError):
        translate(offer)


@override_settings(
    LANGUAGES=[("nl", "Dutch"), ("fr", "French"), ("en", "English"), ("uk", "Ukrainian")]
)
def test_any_language_of_the_site_can_have_a_translation(partner):
    offer = factories.make_offer(partner, title="Speelotheek")
    offer_translation = OfferTranslation(
        offer=offer, language="uk", title="Іграшкова бібліотека", summary="Позичайте іграшки."
    )
    offer_translation.full_clean()
    offer_translation.save()
    with translation.override("uk"):
        assert Offer.objects.get(pk=offer.pk).shown.title == "Іграшкова бібліотека"


def test_dutch_is_no_translation_language(partner):
    offer = factories.make_offer(partner)
    with pytest.raises(ValidationError, match="language"):
        OfferTranslation(offer=offer, language="nl", title="x", summary="y").full_clean()


def test_names_of_pillars_themes_and_languages_follow_the_page_language(db):
    pillar = Pillar.objects.get(slug="consultatie")
    theme = Theme.objects.create(name="Slapen", slug="slapen", names={"fr": "Sommeil"})
    arabic = Language.objects.create(code="ar", name="Arabisch", names={"fr": "arabe"})
    with translation.override("fr"):
        assert pillar.local_name == "Consultation chez un médecin ou une infirmière"
        assert theme.local_name == "Sommeil"
        assert arabic.local_name == "arabe"
    with translation.override("en"):
        assert theme.local_name == "Slapen"  # no English name: the Dutch one
    with translation.override("nl"):
        assert pillar.local_name == "Consultatie bij arts of verpleegkundige"
        assert pillar.name == "Medische, psychosociale en pedagogische consultatie"


def test_names_must_be_for_languages_of_the_site(db):
    theme = Theme(name="Slapen", slug="slapen", names={"xx": "Schlaf"})
    with pytest.raises(ValidationError, match="xx"):
        theme.full_clean()
    theme.names = {"fr": ""}
    with pytest.raises(ValidationError, match="120"):
        theme.full_clean()
    theme.names = ["Sommeil"]
    with pytest.raises(ValidationError):
        theme.full_clean()


def lang_of(html, text):
    """The lang attribute of the element right around `text`, or None."""
    match = re.search(r"<(\w+)([^>]*)>\s*" + re.escape(text), html)
    assert match, text
    lang = re.search(r'lang="([^"]+)"', match.group(2))
    return lang.group(1) if lang else None
