from django import template
from lucide.templatetags.lucide import lucide

register = template.Library()

# One pictogram per pillar (by the slugs of aanbod's data migration) and per fact on a card.
PILLAR_ICONS = {
    "onthaal-en-informatie": "door-open",
    "consultatie": "stethoscope",
    "spel-en-ontmoeting": "blocks",
    "opvoedadvies": "heart-handshake",
    "groepsaanbod": "users",
}
OTHER_PILLAR_ICON = "sparkles"


@register.simple_tag
def icon(name):
    """A Lucide pictogram as inline SVG. Always decorative: words next to it say the same, so
    screen readers skip it. Sized and coloured by the .icon class (no style attribute, CSP)."""
    return lucide(name, size=None, aria_hidden="true", focusable="false", **{"class": "icon"})


@register.simple_tag
def pillar_icon(slug):
    return icon(PILLAR_ICONS.get(slug, OTHER_PILLAR_ICON))
