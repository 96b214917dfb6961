"""The committed translation catalogues: Dutch is complete, and every compiled .mo file says
exactly what its .po file says (so nobody forgot compilemessages). Python's own gettext reads
the .mo files; the .po files are read by the small parser below."""

import ast
import gettext
from pathlib import Path

import pytest
from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


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


def test_there_are_catalogues_for_every_language():
    assert {path.parts[-3] for path in CATALOGUES} == {"nl", "fr", "en"}


def test_every_dutch_text_is_translated_and_none_is_fuzzy():
    entries = [e for e in read_po(LOCALE / "nl/LC_MESSAGES/django.po") if e["msgid"]]
    assert len(entries) > 100
    untranslated = [
        key(e)
        for e in entries
        if "fuzzy" in e.get("flags", ())
        or not all(v for k, v in e.items() if k.startswith("msgstr"))
    ]
    assert not untranslated, f"Dutch text missing or fuzzy for: {untranslated}"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.parts[-3])
def test_the_compiled_catalogue_matches_its_source(po):
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


def test_django_uses_the_dutch_catalogue():
    with translation.override("nl"):
        assert translation.gettext("Skip to content") == "Naar de inhoud"
        assert translation.pgettext("navigation", "Offer") == "Aanbod"
