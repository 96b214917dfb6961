"""The French side of the site: /fr/ pages are in French, and the French catalogue is complete,
with the placeholders of every English text kept."""

import re

import pytest
from django.utils import translation

from tests.test_translations import LOCALE, key, read_po

FRENCH_PO = LOCALE / "fr/LC_MESSAGES/django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[^>]+>")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


@pytest.mark.django_db
def test_the_french_home_page_is_in_french(client):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in response.text
    assert "Aide et soutien pour votre famille à Leuven" in response.text  # the heading
    assert ">Rechercher</button>" in response.text  # the search button
    assert "Aller au contenu" in response.text
    assert "Support for your family" not in response.text


def test_django_uses_the_french_catalogue():
    with translation.override("fr"):
        assert translation.gettext("Skip to content") == "Aller au contenu"
        assert translation.pgettext("navigation", "Offer") == "Offre"
        # French counts 0 and 1 as singular.
        assert translation.ngettext("%(count)s year", "%(count)s years", 0) == "%(count)s an"
        assert translation.ngettext("%(count)s year", "%(count)s years", 2) == "%(count)s ans"


def test_the_french_catalogue_says_it_is_french():
    header = next(e for e in read_po(FRENCH_PO) if not e["msgid"])["msgstr"]
    assert "Language: fr\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n > 1);\n" in header


def test_every_french_text_is_translated_and_none_is_fuzzy():
    entries = [e for e in read_po(FRENCH_PO) if e["msgid"]]
    assert len(entries) > 100
    untranslated = [
        key(e)
        for e in entries
        if "fuzzy" in e.get("flags", ())
        or not all(v for k, v in e.items() if k.startswith("msgstr"))
    ]
    assert not untranslated, f"French text missing or fuzzy for: {untranslated}"


def test_french_texts_keep_the_placeholders_of_the_english():
    wrong = []
    for entry in read_po(FRENCH_PO):
        if not entry["msgid"]:
            continue
        if "msgid_plural" in entry:
            allowed = set(placeholders(entry["msgid"]) + placeholders(entry["msgid_plural"]))
            plural = placeholders(entry.get("msgstr[1]", ""))
            singular = set(placeholders(entry.get("msgstr[0]", "")))
            if plural != placeholders(entry["msgid_plural"]) or not singular <= allowed:
                wrong.append(key(entry))
        elif entry.get("msgstr") and placeholders(entry["msgstr"]) != placeholders(entry["msgid"]):
            wrong.append(key(entry))
    assert not wrong, f"Placeholders differ from the English in: {wrong}"
