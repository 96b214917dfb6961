from django import template

from huisvanhetkind import markup

register = template.Library()


@register.filter
def markdown(text):
    """Markdown as sanitised HTML; a single Enter starts a new line (huisvanhetkind.markup)."""
    return markup.render(text, line_breaks=True)
