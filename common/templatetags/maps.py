"""The map of places (templates/includes/map.html, static/js/map.js)."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("includes/map.html")
def place_map(markers, label):
    """A map of `markers` ({"name", "address", "lat", "lng", "url", "offers": [{"title",
    "url"}]}), shown only after the visitor chose to load its tiles from settings.MAP_TILE_URL.

    Nothing when no marker has coordinates: the list of addresses next to it says it all.
    """
    return {
        "markers": markers,
        "label": label,
        "tile_url": settings.MAP_TILE_URL,
        "tile_host": urlsplit(settings.MAP_TILE_ORIGIN).netloc,
        "attribution": settings.MAP_ATTRIBUTION,
    }
