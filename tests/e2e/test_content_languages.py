"""The catalogue and an offer's page in French and English, with translated and untranslated
offers: accessible (Dutch text marked as Dutch), usable on a phone and without JavaScript."""

import re

import pytest
from django.utils import translation

from aanbod.models import Language, OfferTranslation, Theme
from tests import factories
from tests.e2e.conftest import assert_accessible, assert_no_horizontal_scroll, log_in

LANGUAGES = ["fr", "en"]


@pytest.fixture
def offers(db):
    provider = factories.make_partner("Gezinsbond vzw", slug="gezinsbond")
    sleep = Theme.objects.create(
        name="Slapen", slug="slapen", names={"fr": "Sommeil", "en": "Sleep"}
    )
    arabic = Language.objects.create(
        code="ar", name="Arabisch", native_name="العربية", names={"fr": "arabe", "en": "Arabic"}
    )
    translated = factories.make_offer(
        provider,
        "Borstvoedingsconsult",
        summary="Hulp bij borstvoeding, zonder afspraak.",
        cost_details="Gratis met UiTPAS",
        registration_details="Bel 016 12 34 56.",
        description="Kom gerust binnen.\n\n- koffie\n- thee",
    )
    translated.themes.add(sleep)
    translated.languages.add(arabic)
    OfferTranslation.objects.create(
        offer=translated,
        language="fr",
        title="Consultation d’allaitement",
        summary="Aide à l’allaitement, sans rendez-vous.",
    )
    OfferTranslation.objects.create(
        offer=translated,
        language="en",
        title="Breastfeeding clinic",
        summary="Help with breastfeeding, no appointment needed.",
        registration_details="Call 016 12 34 56.",
    )
    untranslated = factories.make_offer(
        provider, "Speelotheek De Kabouter", summary="Speelgoed lenen voor thuis."
    )
    factories.make_offer_location(translated, factories.make_location("Huis van het Kind"))
    return translated, untranslated


def path_of(offer):
    """The offer's address without a language prefix."""
    with translation.override("nl"):
        return offer.get_absolute_url()


def lang_of(page, text):
    """The language a screen reader reads `text` in: the nearest lang attribute."""
    return page.get_by_text(text, exact=True).first.evaluate(
        "element => element.closest('[lang]').getAttribute('lang')"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_in_another_language_passes_axe_and_marks_dutch_text(page, offers, language):
    translated_title = {"fr": "Consultation d’allaitement", "en": "Breastfeeding clinic"}[language]
    page.goto(f"/{language}/aanbod/?thema=slapen")
    assert lang_of(page, translated_title) == language
    page.goto(f"/{language}/aanbod/")
    assert lang_of(page, "Speelotheek De Kabouter") == "nl"
    assert lang_of(page, "Speelgoed lenen voor thuis.") == "nl"
    assert_accessible(page)
    page.get_by_text({"fr": "Filtres", "en": "Filters"}[language]).first.click()
    assert page.get_by_label({"fr": "Sommeil", "en": "Sleep"}[language]).is_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_box_examples_work_in_another_language(page, offers, language):
    word = {"fr": "allaitement", "en": "breastfeeding"}[language]
    page.goto(f"/{language}/aanbod/?q={word}")
    title = {"fr": "Consultation d’allaitement", "en": "Breastfeeding clinic"}[language]
    assert page.get_by_role("link", name=title).is_visible()
    assert lang_of(page, "borstvoeding") == "nl"  # "also searched for", in Dutch
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_offer_pages_in_another_language_pass_axe_and_fit_a_phone(phone_page, offers, language):
    translated, untranslated = offers
    for offer in offers:
        phone_page.goto(f"/{language}{path_of(offer)}")
        assert_no_horizontal_scroll(phone_page)
        assert_accessible(phone_page)
    assert lang_of(phone_page, "Speelotheek De Kabouter") == "nl"
    phone_page.goto(f"/{language}{path_of(translated)}")
    assert lang_of(phone_page, "Kom gerust binnen.") == "nl"  # the description is Dutch only
    assert lang_of(phone_page, "Gratis met UiTPAS") == "nl"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_and_an_offer_work_without_javascript_in_another_language(
    no_js_page, offers, language
):
    translated, _untranslated = offers
    no_js_page.goto(f"/{language}/aanbod/")
    no_js_page.get_by_text({"fr": "Filtres", "en": "Filters"}[language]).first.click()
    no_js_page.get_by_label({"fr": "Sommeil", "en": "Sleep"}[language]).check()
    no_js_page.get_by_role(
        "button", name={"fr": "Afficher les résultats", "en": "Show results"}[language]
    ).click()
    no_js_page.wait_for_url("**/aanbod/?*")
    title = {"fr": "Consultation d’allaitement", "en": "Breastfeeding clinic"}[language]
    no_js_page.get_by_role("link", name=title).click()
    assert no_js_page.get_by_role("heading", level=1).inner_text().startswith(title)
    assert_no_horizontal_scroll(no_js_page)


@pytest.fixture
def editor(offers):
    return factories.make_member(offers[1].provider, email="redacteur@example.org")


def test_the_translation_pages_pass_axe_and_fit_a_phone(phone_page, live_server, offers, editor):
    _translated, untranslated = offers
    log_in(phone_page, live_server, editor)
    phone_page.goto(f"/mijn/gezinsbond/aanbod/{untranslated.pk}/vertalingen/")
    assert_accessible(phone_page)
    phone_page.get_by_role("link", name=re.compile("Vertalen.*Frans")).click()
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)
    phone_page.get_by_role("button", name="Bewaren").click()
    phone_page.get_by_label("Titel").fill("Ludothèque")
    phone_page.get_by_role("button", name="Bewaren").click()
    assert_accessible(phone_page)  # with the message that title and summary go together
    phone_page.goto("/mijn/gezinsbond/aanbod/vertalingen/")
    assert_no_horizontal_scroll(phone_page)
    assert_accessible(phone_page)


def test_a_partner_translates_an_offer_without_javascript(no_js_page, live_server, offers, editor):
    _translated, untranslated = offers
    log_in(no_js_page, live_server, editor)
    no_js_page.goto(f"/mijn/gezinsbond/aanbod/{untranslated.pk}/vertalingen/fr/")
    no_js_page.get_by_label("Titel").fill("Ludothèque")
    no_js_page.get_by_role("button", name="Bewaren").click()
    # Title and summary go together: a message, and nothing typed is lost.
    assert no_js_page.get_by_label("Titel").input_value() == "Ludothèque"
    no_js_page.get_by_label("Korte uitleg").fill("Empruntez des jouets.")
    no_js_page.get_by_role("button", name="Bewaren").click()
    assert no_js_page.get_by_text("Je wijzigingen zijn bewaard.").is_visible()
    no_js_page.goto(f"/fr{path_of(untranslated)}")
    assert no_js_page.get_by_role("heading", level=1).inner_text() == "Ludothèque"
