from django import template
from django.conf import settings
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def within(path, section_url):
    """True when the page at `path` belongs to the section at `section_url`: that page or one
    below it ("/aanbod/x/" is within "/aanbod/", "/mijn/p/aanbod/" is not)."""
    return str(path).startswith(section_url)


@register.simple_tag
def interface_languages():
    """The languages of the language switcher, as settings.LANGUAGES names them (each in its
    own script, never translated), with their writing direction: (code, name, "ltr"/"rtl")."""
    return [
        (code, name, "rtl" if get_language_info(code)["bidi"] else "ltr")
        for code, name in settings.LANGUAGES
    ]
