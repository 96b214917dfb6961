from django import template

register = template.Library()


@register.filter
def within(path, section_url):
    """True when the page at `path` belongs to the section at `section_url`: that page or one
    below it ("/aanbod/x/" is within "/aanbod/", "/mijn/p/aanbod/" is not)."""
    return str(path).startswith(section_url)
