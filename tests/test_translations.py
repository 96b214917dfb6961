"""The committed translation catalogues: every interface language but English (whose texts are
the msgids) has a complete catalogue, with nothing fuzzy, the placeholders of the English kept
and as many plural forms as the language has; and every compiled .mo file says exactly what
its .po file says (so nobody forgot compilemessages). Python's own gettext reads the .mo files;
the .po files are read by the small parser below."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
TRANSLATED = [code for code in LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[^>]+>")

# Each language's number of plural forms, and the form gettext must pick for a few numbers:
# Arabic has six (zero, one, two, few, many, other), Ukrainian three, Turkish two.
PLURAL_FORMS = {
    "nl": (2, {0: 1, 1: 0, 2: 1}),
    "fr": (2, {0: 0, 1: 0, 2: 1}),
    "ar": (6, {0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 11: 4, 99: 4, 100: 5, 102: 5}),
    "tr": (2, {1: 0, 2: 1}),
    "uk": (3, {1: 0, 21: 0, 2: 1, 4: 1, 22: 1, 0: 2, 5: 2, 11: 2, 12: 2}),
}


def po_path(code):
    return LOCALE / code / "LC_MESSAGES" / "django.po"


def read_po(path):
    """The entries of a .po file as dicts: msgctxt, msgid, msgid_plural, msgstr or
    msgstr[N], and flags. Obsolete (#~) entries are left out."""
    entries, entry, field = [], {}, None

    def finish():
        nonlocal entry
        if "msgid" in entry:
            entries.append(entry)
        entry = {}

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#,"):
            entry.setdefault("flags", set()).update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[field] += ast.literal_eval(line)
        else:
            field, _, value = line.partition(" ")
            if field in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
                finish()
            if not value.startswith('"'):
                raise ValueError(f"{path}:{number}: cannot read {raw!r}")
            entry[field] = ast.literal_eval(value)
    finish()
    return entries


def key(entry):
    if "msgctxt" in entry:
        return f"{entry['msgctxt']}\x04{entry['msgid']}"
    return entry["msgid"]


def translated(entries):
    """What msgfmt compiles: the non-fuzzy entries with a translation, as gettext keys them."""
    catalog = {}
    for entry in entries:
        if not entry["msgid"] or "fuzzy" in entry.get("flags", ()):
            continue
        if "msgid_plural" in entry:
            forms = {k: v for k, v in entry.items() if k.startswith("msgstr[")}
            if all(forms.values()):
                for name, text in forms.items():
                    catalog[(key(entry), int(name[7:-1]))] = text
        elif entry.get("msgstr"):
            catalog[key(entry)] = entry["msgstr"]
    return catalog


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def header(entries):
    """The catalogue's header fields, {"Language": "fr", "Plural-Forms": "nplurals=2; ..."}."""
    text = next(e for e in entries if not e["msgid"])["msgstr"]
    return dict(line.split(": ", 1) for line in text.splitlines() if ": " in line)


def test_every_interface_language_but_english_has_a_plural_rule_here():
    assert set(TRANSLATED) == set(PLURAL_FORMS)


@pytest.mark.parametrize("code", LANGUAGES)
def test_there_is_a_catalogue_for_every_interface_language(code):
    assert po_path(code).exists(), f"{po_path(code)} is missing"
    assert po_path(code).with_suffix(".mo").exists(), "run compilemessages"


def test_there_are_catalogues_for_the_interface_languages_only():
    assert {path.parts[-3] for path in LOCALE.glob("*/LC_MESSAGES/django.po")} <= set(LANGUAGES)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_text_is_translated_and_none_is_fuzzy(code):
    entries = [e for e in read_po(po_path(code)) if e["msgid"]]
    assert len(entries) > 100
    untranslated = [
        key(e)
        for e in entries
        if "fuzzy" in e.get("flags", ())
        or not all(v for k, v in e.items() if k.startswith("msgstr"))
    ]
    assert not untranslated, f"{code}: text missing or fuzzy for: {untranslated}"


@pytest.mark.parametrize("code", [code for code in TRANSLATED if code != "nl"])
def test_every_catalogue_has_the_texts_of_the_dutch_one(code):
    """Dutch is filled from the code (makemessages); a text missing in another language would
    show in Dutch on its pages."""
    dutch = {key(e) for e in read_po(po_path("nl")) if e["msgid"]}
    other = {key(e) for e in read_po(po_path(code)) if e["msgid"]}
    assert not dutch - other, f"{code}: missing {sorted(dutch - other)}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_catalogue_says_its_language_and_plural_forms(code):
    fields = header(read_po(po_path(code)))
    assert fields.get("Language") == code
    count, samples = PLURAL_FORMS[code]
    rule = fields.get("Plural-Forms", "")
    assert rule.startswith(f"nplurals={count};"), f"{code}: {rule!r}"
    plural = gettext.c2py(rule.split("plural=", 1)[1].rstrip(";"))
    assert {n: plural(n) for n in samples} == samples


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_plural_text_has_all_the_forms_of_its_language(code):
    count, _samples = PLURAL_FORMS[code]
    forms = [f"msgstr[{n}]" for n in range(count)]
    wrong = [
        key(e)
        for e in read_po(po_path(code))
        if "msgid_plural" in e and sorted(k for k in e if k.startswith("msgstr[")) != forms
    ]
    assert not wrong, f"{code}: these do not have {count} plural forms: {wrong}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_the_placeholders_of_the_english(code):
    """A plural's forms may leave out the number ("one year" can be said without the 1), but
    the last form, used for most numbers, keeps them all."""
    count, _samples = PLURAL_FORMS[code]
    wrong = []
    for entry in read_po(po_path(code)):
        if not entry["msgid"]:
            continue
        if "msgid_plural" in entry:
            allowed = set(placeholders(entry["msgid"]) + placeholders(entry["msgid_plural"]))
            forms = [entry.get(f"msgstr[{n}]", "") for n in range(count)]
            last = placeholders(forms[-1])
            if last != placeholders(entry["msgid_plural"]) or any(
                not set(placeholders(form)) <= allowed for form in forms
            ):
                wrong.append(key(entry))
        elif entry.get("msgstr") and placeholders(entry["msgstr"]) != placeholders(entry["msgid"]):
            wrong.append(key(entry))
    assert not wrong, f"{code}: placeholders differ from the English in: {wrong}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(code):
    po = po_path(code)
    with open(po.with_suffix(".mo"), "rb") as mo:
        compiled = dict(gettext.GNUTranslations(mo)._catalog)
    compiled.pop("", None)  # the header
    source = translated(read_po(po))
    stale = sorted(str(k) for k in source.keys() - compiled.keys())
    extra = sorted(str(k) for k in compiled.keys() - source.keys())
    changed = sorted(str(k) for k in source.keys() & compiled.keys() if source[k] != compiled[k])
    assert not (stale or extra or changed), (
        f"{po.with_suffix('.mo')} is out of date; run compilemessages. "
        f"Not compiled: {stale}; removed from .po: {extra}; changed: {changed}"
    )


@pytest.mark.parametrize("code", [code for code in TRANSLATED if code != "nl"])
def test_django_uses_the_catalogue_of_the_language(code):
    """Not the English msgid, nor Dutch, which Django falls back to for a missing text."""
    with translation.override(code):
        assert translation.gettext("Skip to content") not in ("Skip to content", "Naar de inhoud")
        assert translation.pgettext("navigation", "Offer") not in ("Offer", "Aanbod")


def test_django_uses_the_dutch_catalogue():
    with translation.override("nl"):
        assert translation.gettext("Skip to content") == "Naar de inhoud"
        assert translation.pgettext("navigation", "Offer") == "Aanbod"
