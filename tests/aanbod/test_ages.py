"""Ages as people say them (aanbod/ages.py), in the interface languages with their own
catalogues. The upper end is included: 143 months is the last month before the twelfth
birthday, "tot 12 jaar"."""

import pytest
from django.urls import reverse
from django.utils import translation

from aanbod.ages import MAX_AGE_MONTHS, age_range_in_words
from tests import factories

CASES = [
    # (for expecting, from, up to and including, Dutch, French, English)
    (False, 0, 143, "0 tot 12 jaar", "0 à 12 ans", "0 to 12 years"),
    (False, 0, 144, "0 tot 12 jaar", "0 à 12 ans", "0 to 12 years"),
    (False, 0, 35, "0 tot 3 jaar", "0 à 3 ans", "0 to 3 years"),
    (False, 0, 11, "0 tot 1 jaar", "0 à 1 an", "0 to 1 year"),
    (False, 18, 71, "18 maanden tot 6 jaar", "18 mois à 6 ans", "18 months to 6 years"),
    (False, 18, 72, "18 maanden tot 6 jaar", "18 mois à 6 ans", "18 months to 6 years"),
    (False, 36, 143, "3 tot 12 jaar", "3 à 12 ans", "3 to 12 years"),
    (False, 6, 18, "6 tot 18 maanden", "6 à 18 mois", "6 to 18 months"),
    (False, 0, 3, "0 tot 3 maanden", "0 à 3 mois", "0 to 3 months"),
    (False, 12, 30, "12 tot 30 maanden", "12 à 30 mois", "12 to 30 months"),
    (False, 30, 216, "30 maanden tot 18 jaar", "30 mois à 18 ans", "30 months to 18 years"),
    (False, 144, MAX_AGE_MONTHS, "vanaf 12 jaar", "à partir de 12 ans", "from 12 years"),
    (False, 144, MAX_AGE_MONTHS - 1, "vanaf 12 jaar", "à partir de 12 ans", "from 12 years"),
    (False, 18, MAX_AGE_MONTHS, "vanaf 18 maanden", "à partir de 18 mois", "from 18 months"),
    (False, 0, MAX_AGE_MONTHS, "alle leeftijden", "tous les âges", "all ages"),
    (False, 0, MAX_AGE_MONTHS - 1, "alle leeftijden", "tous les âges", "all ages"),
    (False, 12, 12, "1 jaar", "1 an", "1 year"),
    (False, 24, 24, "2 jaar", "2 ans", "2 years"),
    (False, 1, 1, "1 maand", "1 mois", "1 month"),
    (False, 0, 0, "0 maanden", "0 mois", "0 months"),
    (True, 0, 0, "zwangerschap", "grossesse", "pregnancy"),
    (True, 0, 35, "zwangerschap tot 3 jaar", "de la grossesse à 3 ans", "pregnancy to 3 years"),
    (True, 0, 12, "zwangerschap tot 1 jaar", "de la grossesse à 1 an", "pregnancy to 1 year"),
    (True, 0, 6, "zwangerschap tot 6 maanden", "de la grossesse à 6 mois", "pregnancy to 6 months"),
    (
        True,
        0,
        MAX_AGE_MONTHS,
        "zwangerschap tot 24 jaar",
        "de la grossesse à 24 ans",
        "pregnancy to 24 years",
    ),
    (
        True,
        36,
        71,
        "zwangerschap en 3 tot 6 jaar",
        "grossesse et 3 à 6 ans",
        "pregnancy and 3 to 6 years",
    ),
]


@pytest.mark.parametrize(("expecting", "low", "high", "dutch", "french", "english"), CASES)
def test_an_age_range_reads_as_people_say_it(expecting, low, high, dutch, french, english):
    for language, text in (("nl", dutch), ("fr", french), ("en", english)):
        with translation.override(language):
            assert age_range_in_words(low, high, for_expecting=expecting) == text, language


@pytest.mark.django_db
def test_the_offer_card_and_page_say_the_age_in_the_visitors_language(client, partner):
    offer = factories.make_offer(partner, "Speelpleinwerking", age_min_months=0, age_max_months=143)
    for language, text in (("nl", "0 tot 12 jaar"), ("fr", "0 à 12 ans"), ("en", "0 to 12 years")):
        with translation.override(language):
            catalogue, page = reverse("aanbod:offer_list"), offer.get_absolute_url()
        assert text in client.get(catalogue).text
        assert text in client.get(page).text


def test_no_range_in_the_declaration_reads_in_more_than_23_months():
    """Up to two years a parent counts in months; beyond, every whole year reads in years."""
    for low in range(0, MAX_AGE_MONTHS + 1, 12):
        for high in range(max(low, 24), MAX_AGE_MONTHS + 1, 12):
            for end in (high - 1, high):
                if end >= low:
                    text = age_range_in_words(low, end)
                    assert "maand" not in text, (low, end, text)
