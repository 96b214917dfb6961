"""What every page needs to know of the visitor's "Mijn lijstje": how long it is, and whether an
offer is on it. Read from the session only when the visitor has one."""

from django import template

from ..family_list import FamilyList
from ..views.catalogue import without_empty_values

register = template.Library()


def _family_list(context):
    # One list per page, however many cards ask.
    request = context["request"]
    if context.get("without_session"):  # the 503 page, while the database is away
        return FamilyList()
    if not hasattr(request, "_family_list"):
        request._family_list = FamilyList.peek(request)
    return request._family_list


@register.simple_tag(takes_context=True)
def family_list_count(context):
    return len(_family_list(context))


@register.simple_tag(takes_context=True)
def on_family_list(context, offer):
    return offer.pk in _family_list(context)


@register.simple_tag(takes_context=True)
def page_to_come_back_to(context):
    """This page's address without the empty parameters a search form sends."""
    request = context["request"]
    query = without_empty_values(request.GET).urlencode()
    return f"{request.path}?{query}" if query else request.path
