"""Offers in other languages (aanbod.models.OfferTranslation): what pages show, and how."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
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


def test_names_must_be_for_known_languages_other_than_dutch(db):
    theme = Theme(name="Slapen", slug="slapen", names={"xx": "Schlaf"})
    with pytest.raises(ValidationError, match="xx"):
        theme.full_clean()
    theme.names = {"nl": "Slapen"}
    with pytest.raises(ValidationError, match="nl"):
        theme.full_clean()
    # A language the site does not show yet may have its name already.
    theme.names = {"uk": "Сон"}
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


@pytest.fixture
def catalogue(partner):
    sleep = Theme.objects.create(name="Slapen", slug="slapen", names={"fr": "Sommeil"})
    arabic = Language.objects.create(
        code="ar", name="Arabisch", native_name="العربية", names={"fr": "arabe", "en": "Arabic"}
    )
    translated = factories.make_offer(
        partner, "Slaapconsult", summary="Praten over slapen.", cost_details="€ 2"
    )
    translated.themes.add(sleep)
    translated.languages.add(arabic)
    translate(translated, title="Consultation sommeil", summary="Parler du sommeil.")
    dutch_only = factories.make_offer(partner, "Speelotheek", summary="Speelgoed lenen.")
    return translated, dutch_only


def card_html(response, title):
    text = response.text
    start = text.index(title)
    return text[text.rindex("<article", 0, start) : text.index("</article>", start)]


def test_the_french_catalogue_shows_french_texts_and_marks_dutch_ones(client, catalogue):
    response = client.get("/fr/aanbod/")
    assert response.status_code == 200
    translated = card_html(response, "Consultation sommeil")
    assert lang_of(translated, "Consultation sommeil") is None  # the page's own language
    assert lang_of(translated, "Parler du sommeil.") is None
    assert lang_of(translated, "€ 2") == "nl"  # not translated: Dutch, marked so
    assert "arabe" in translated
    dutch = card_html(response, "Speelotheek")
    assert lang_of(dutch, "Speelotheek") == "nl"
    assert lang_of(dutch, "Speelgoed lenen.") == "nl"
    assert "(en néerlandais)" in dutch


def test_the_dutch_catalogue_marks_nothing(client, catalogue):
    response = client.get("/aanbod/")
    assert "Consultation sommeil" not in response.text
    assert 'lang="nl"' not in card_html(response, "Slaapconsult")


def test_filter_labels_and_chips_are_in_the_page_language(client, catalogue):
    response = client.get("/fr/aanbod/", {"thema": "slapen", "taal": "ar", "pijler": "consultatie"})
    form = response.context["form"]
    assert ("slapen", "Sommeil") in form.fields["thema"].choices
    assert ("ar", "arabe (العربية)") in form.fields["taal"].choices
    chips = [chip["text"] for chip in response.context["chips"]]
    assert chips[0].endswith("Consultation chez un médecin ou une infirmière")
    assert any("Sommeil" in chip for chip in chips)
    assert any("arabe (العربية)" in chip for chip in chips)
    english = client.get("/en/aanbod/").context["form"]
    assert ("slapen", "Slapen") in english.fields["thema"].choices  # no English name given
    assert ("consultatie", "Check-ups with a doctor or nurse") in english.fields["pijler"].choices


def test_an_offer_page_in_french_shows_the_translation_and_marks_the_rest(client, catalogue):
    translated, dutch_only = catalogue
    translated.description = "Meer uitleg."
    translated.save()
    with translation.override("nl"):
        paths = [offer.get_absolute_url() for offer in (translated, dutch_only)]
    response = client.get(f"/fr{paths[0]}")
    assert "<title>Consultation sommeil" in response.text
    assert lang_of(response.text, "Consultation sommeil") is None
    assert lang_of(response.text, "€ 2") == "nl"
    assert lang_of(response.text, "<p>Meer uitleg.</p>") == "nl"
    assert "Sommeil" in response.text  # the theme's name
    response = client.get(f"/fr{paths[1]}")
    assert '<h1 id="offer-title"><span lang="nl">Speelotheek</span>' in response.text
    assert "pas encore écrit" in response.text  # the note that it is in Dutch


def test_the_french_catalogue_takes_as_many_queries_for_many_offers_as_for_few(
    client, partner, django_assert_num_queries
):
    translate(factories.make_offer(partner, "Een"))
    client.get("/fr/aanbod/")
    with CaptureQueriesContext(connection) as few:
        client.get("/fr/aanbod/", {"q": "een"})
    for number in range(15):
        translate(factories.make_offer(partner, f"Een {number}"))
    with django_assert_num_queries(len(few)):
        response = client.get("/fr/aanbod/", {"q": "een"})
    assert len(response.context["offers"]) == 16


def test_about_keeps_the_official_pillar_names(client, db):
    response = client.get("/fr/over-ons/")
    assert "Medische, psychosociale en pedagogische consultatie" in response.text
    assert lang_of(response.text, "Medische, psychosociale") == "nl"
    home = client.get("/fr/")
    assert "Consultation chez un médecin ou une infirmière" in home.text
    assert "Medische, psychosociale" not in home.text
    assert "Consultatie bij arts of verpleegkundige" in client.get("/").text


@override_settings(LANGUAGES=[("nl", "Dutch"), ("fr", "French"), ("ar", "Arabic")])
def test_dutch_text_on_a_right_to_left_page_also_reads_left_to_right(partner):
    offer = factories.make_offer(partner, title="Speelotheek")
    with translation.override("ar"):
        shown = Offer.objects.get(pk=offer.pk).shown
        assert shown.title.lang_attribute == ' lang="nl" dir="ltr"'
    with translation.override("fr"):
        assert Offer.objects.get(pk=offer.pk).shown.title.lang_attribute == ' lang="nl"'


def test_the_catalogue_in_french_takes_no_more_queries_than_in_dutch(client, catalogue):
    client.get("/aanbod/")
    with CaptureQueriesContext(connection) as dutch:
        client.get("/aanbod/")
    with CaptureQueriesContext(connection) as french:
        response = client.get("/fr/aanbod/")
    assert len(french) == len(dutch)
    assert "Consultation sommeil" in response.text
