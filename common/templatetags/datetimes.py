from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def html_datetime(value):
    """A moment for a `<time datetime>` attribute: ISO 8601 in the site's time zone, to the
    second (HTML allows at most three decimals; Django's "c" format writes six)."""
    if not isinstance(value, datetime):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
