from django import template

from common import markup

register = template.Library()


@register.filter
def markdown(text):
    """Markdown as sanitised HTML; a single Enter starts a new line (common.markup)."""
    return markup.render(text, line_breaks=True)
