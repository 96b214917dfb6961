from django import template

from partners.models import person_name

register = template.Library()


@register.filter
def person(user):
    return person_name(user)
