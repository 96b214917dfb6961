"""The languages of the catalogue's content, next to the language of the interface.

Dutch (settings.LANGUAGE_CODE) is the language every offer, pillar, theme and language name is
written in. The other interface languages (settings.LANGUAGES) can have their own text: a
pillar's, theme's or language's name in ``names`` ({"fr": "allaitement", ...}), an offer's
title, summary, how to take part and cost details in an ``OfferTranslation``. Where a text is
missing, the Dutch one is shown, marked ``lang="nl"`` so a screen reader reads it as Dutch.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

# The PostgreSQL text search configuration of each language's texts: the language's snowball
# stemmer after unaccent (aanbod/sql/translations.sql makes them). PostgreSQL 15 has stemmers
# for these; a language without one (Ukrainian) gets "simple_unaccent": whole words, no stems.
SEARCH_CONFIGS = {
    "nl": "dutch_unaccent",
    "fr": "french_unaccent",
    "en": "english_unaccent",
    "tr": "turkish_unaccent",
    "ar": "arabic_unaccent",
}
PLAIN_SEARCH_CONFIG = "simple_unaccent"
# The stemmer each configuration copies, for translations.sql (dutch_unaccent is search.sql's).
SEARCH_CONFIG_SOURCES = {
    "french_unaccent": "french",
    "english_unaccent": "english",
    "turkish_unaccent": "turkish",
    "arabic_unaccent": "arabic",
    PLAIN_SEARCH_CONFIG: "simple",
}


def dutch_attributes():
    """The attributes of an element with Dutch text on this page: ' lang="nl"' when the page
    is in another language (WCAG 3.1.2), with ' dir="ltr"' on a right-to-left page; else
    empty."""
    if current_language() == source_language():
        return ""
    if translation.get_language_bidi():
        return format_html(' lang="{}" dir="ltr"', source_language())
    return format_html(' lang="{}"', source_language())


def search_config(language):
    return SEARCH_CONFIGS.get(language, PLAIN_SEARCH_CONFIG)


def source_language():
    """The language the content is written in: Dutch."""
    return settings.LANGUAGE_CODE


def current_language():
    """The interface language of this request, as a code of settings.LANGUAGES ("fr")."""
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def translation_languages():
    """(code, name) of every interface language but Dutch: the languages a text can be
    translated into. A callable, so the model fields follow settings.LANGUAGES without a
    migration. Named in the page's language ("Frans" on a Dutch page), as Django's catalogue
    names them; the switcher names each language in its own script instead."""
    return [
        (code, language_name(code))
        for code, _name in settings.LANGUAGES
        if code != source_language()
    ]


def all_languages():
    """(code, name) of every interface language, Dutch first, named in the page's language."""
    return [(code, language_name(code)) for code, _name in settings.LANGUAGES]


def language_name(code):
    return get_language_info(code)["name_translated"]


def validate_names(value):
    """``names`` of a pillar, theme or language: {language code: name}, each a short text, for
    languages Django knows other than Dutch (so names can be written before a language is
    switched on in settings.LANGUAGES)."""
    if not isinstance(value, dict):
        raise ValidationError(_("Give the names as a list of language: name."), code="not_a_dict")
    allowed = {code: info["name"] for code, info in LANG_INFO.items() if "name" in info}
    allowed.update(translation_languages())
    allowed.pop(source_language(), None)
    for code, name in value.items():
        if code not in allowed:
            raise ValidationError(
                _("‘%(code)s’ is not a language of the site."),
                code="unknown_language",
                params={"code": code},
            )
        if not isinstance(name, str) or not name.strip() or len(name) > 120:
            raise ValidationError(
                _("The name in %(language)s must be a text of at most 120 characters."),
                code="bad_name",
                params={"language": allowed[code]},
            )


def name_in(names, dutch_name, language=None):
    """The name in ``language`` (this request's by default), else the Dutch one."""
    language = language or current_language()
    if language == source_language():
        return dutch_name
    return (names or {}).get(language) or dutch_name
