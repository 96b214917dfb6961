"""Filters for the printed list and the brochures, where every line of paper counts."""

from django import template

register = template.Library()


@register.filter
def one_line(text):
    """Text of several lines on one: "Maandag: 9 tot 12 uur; Dinsdag: 13 tot 17 uur"."""
    return "; ".join(line.strip().rstrip(";") for line in str(text).splitlines() if line.strip())
