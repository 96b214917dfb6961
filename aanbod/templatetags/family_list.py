"""What every page needs to know of the visitor's "Mijn lijstje": how long it is, and whether an
offer is on it. Read from the session only when the visitor has one."""

from django import template

from ..family_list import FamilyList

register = template.Library()


def _family_list(context):
    # One list per page, however many cards ask.
    request = context["request"]
    if not hasattr(request, "_family_list"):
        request._family_list = FamilyList.peek(request)
    return request._family_list


@register.simple_tag(takes_context=True)
def family_list_count(context):
    return len(_family_list(context))


@register.simple_tag(takes_context=True)
def on_family_list(context, offer):
    return offer.pk in _family_list(context)
