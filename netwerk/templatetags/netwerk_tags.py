from django import template

from huisvanhetkind import markup
from netwerk.models.common import person_name

register = template.Library()


@register.filter
def markdown(text):
    """Render Markdown as sanitised HTML (see huisvanhetkind.markup)."""
    return markup.render(text)


@register.filter
def person(user):
    return person_name(user)
