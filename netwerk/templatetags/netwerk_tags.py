from django import template

from netwerk.models.common import person_name

register = template.Library()


@register.filter
def person(user):
    return person_name(user)
