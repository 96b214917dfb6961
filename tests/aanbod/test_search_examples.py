"""The example words in the search box find offers of the demo content in every language."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from aanbod.models import Offer
from aanbod.search import search_offers

EXAMPLES = "e.g. breastfeeding, sleep, homework help"
# ar, tr and uk follow once their catalogues translate the example (their words are among the
# synonyms in aanbod/content_names.py already).
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with django_db_blocker.unblock(), fast_hashing, transaction.atomic():
        call_command("load_demo", "--allow-production", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def example_words(language):
    """The words of the search box's example, in `language`: "allaitement", "sommeil", ..."""
    with translation.override(language):
        text = gettext(EXAMPLES)
    # "par ex. allaitement, sommeil, aide aux devoirs" (Arabic: "مثلًا: …، …"): the words
    # after the abbreviation.
    words = re.sub(r"^.*?[.:]\s+", "", text, count=1)
    return [word.strip() for word in re.split(r"[,،]", words)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_example_word_finds_offers(demo, db, language):
    words = example_words(language)
    assert len(words) == 3
    for word in words:
        with translation.override(language):
            offers, used_fallback = search_offers(Offer.objects.published(), word)
            titles = [offer.title for offer in offers]
        assert titles, f"{language}: ‘{word}’ finds nothing"
        assert not used_fallback, f"{language}: ‘{word}’ finds only near misses: {titles}"
