"""Search on pages in other languages: the translations in that language, the Dutch text, and
the coordinators' synonyms (aanbod.search)."""

import pytest
from django.utils import translation

from aanbod.content_names import SEARCH_SYNONYMS
from aanbod.models import Offer, OfferTranslation, SearchSynonym
from aanbod.search import search_offers, synonym_key, synonyms_shown
from tests import factories


def found(text, language):
    with translation.override(language):
        queryset, _ = search_offers(Offer.objects.all(), text)
        return [offer.title for offer in queryset]


@pytest.fixture
def breastfeeding(partner):
    offer = factories.make_offer(
        partner, title="Borstvoedingsconsult", summary="Hulp bij het geven van borstvoeding."
    )
    OfferTranslation.objects.create(
        offer=offer,
        language="fr",
        title="Consultation pour mamans",
        summary="Des conseils aux mamans qui nourrissent leur bébé.",
    )
    OfferTranslation.objects.create(
        offer=offer,
        language="en",
        title="Feeding clinic",
        summary="Help for mothers who are nursing their babies.",
    )
    factories.make_offer(partner, title="Speelotheek", summary="Speelgoed lenen.")
    return offer


def test_a_french_search_finds_the_french_text_with_french_stemming(breastfeeding):
    # "conseil" is only in the French summary ("conseils"): the French stemmer finds it.
    assert found("conseil", "fr") == ["Borstvoedingsconsult"]
    assert found("conseil", "en") == []


def test_an_english_search_finds_the_english_text_with_english_stemming(breastfeeding):
    assert found("nurse", "en") == ["Borstvoedingsconsult"]
    assert found("nurse", "fr") == []


def test_a_search_on_a_french_page_still_finds_the_dutch_text(breastfeeding):
    assert found("speelgoed", "fr") == ["Speelotheek"]
    assert found("borstvoeding", "fr") == ["Borstvoedingsconsult"]


def test_a_dutch_page_does_not_search_the_translations(breastfeeding):
    assert found("conseil", "nl") == []


def test_a_synonym_finds_the_dutch_offer_in_its_language_only(partner):
    factories.make_offer(partner, title="Praatgroep", summary="Over borstvoeding praten.")
    SearchSynonym.objects.filter(term="allaitement").delete()
    assert found("allaitement", "fr") == []
    SearchSynonym.objects.create(language="fr", term="allaitement", dutch_words="borstvoeding")
    assert found("allaitement", "fr") == ["Praatgroep"]
    assert found("Allaitement", "fr") == ["Praatgroep"]
    assert found("allaitement", "en") == []


def test_a_term_of_several_words_is_found_inside_the_search_text(partner):
    factories.make_offer(partner, title="Huiswerkklas", summary="Huiswerk maken met hulp.")
    assert found("aide aux devoirs", "fr") == ["Huiswerkklas"]
    with translation.override("fr"):
        queryset, _ = search_offers(Offer.objects.all(), "Aide aux devoirs")
        assert synonyms_shown(list(queryset)) == ["huiswerk", "huiswerkbegeleiding"]


def test_the_search_tells_which_dutch_words_it_added(partner):
    factories.make_offer(partner, title="Praatgroep", summary="Over borstvoeding praten.")
    with translation.override("en"):
        queryset, _ = search_offers(Offer.objects.all(), "breastfeeding")
        assert synonyms_shown(list(queryset)) == ["borstvoeding"]


def test_synonym_terms_are_kept_as_the_search_compares_them(db):
    synonym = SearchSynonym(language="fr", term="  Halte d’Enfants ", dutch_words=" kinderopvang ")
    synonym.full_clean()
    assert synonym.term == "halte d enfants"
    assert synonym.dutch_words == "kinderopvang"
    assert synonym_key("garde d'enfants") == "garde d enfants"


def test_a_synonym_needs_a_term_and_dutch_words(db):
    with pytest.raises(Exception, match="term"):
        SearchSynonym(language="fr", term=" ... ", dutch_words="borstvoeding").full_clean()
    with pytest.raises(Exception, match="dutch_words"):
        SearchSynonym(language="fr", term="allaitement", dutch_words=" - ").full_clean()


def test_the_migration_adds_the_synonyms_of_every_language(db):
    for language, synonyms in SEARCH_SYNONYMS.items():
        for term, dutch_words in synonyms.items():
            stored = SearchSynonym.objects.get(language=language, term=synonym_key(term))
            assert stored.dutch_words == dutch_words


def test_a_search_with_operators_or_odd_text_in_french_gives_no_error(breastfeeding):
    for text in ('"conseil', "-conseil", "conseil or", "' ; drop", "آ", "\u200b"):
        found(text, "fr")
