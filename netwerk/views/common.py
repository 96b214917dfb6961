from django.contrib.auth import get_user_model

from partners.models import Partner


def own_partners(user):
    """The partners a person works for (their memberships), as a list.

    Not Partner.objects.for_user: that also lets coordinators act for every partner, but a
    coordinator answering an invitation represents only their own organisation.
    """
    return list(Partner.objects.staffed_by(user).order_by("name"))


def colleagues(user, partners):
    """People of the same partners, who can stand in for this person."""
    return list(
        get_user_model()
        .objects.filter(memberships__partner__in=partners, is_active=True)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )
