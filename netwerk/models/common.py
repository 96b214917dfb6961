from django.db import models
from django.utils.translation import gettext_lazy as _


class Publication(models.TextChoices):
    """Minutes and workgroup reports are drafts until coordinators publish them to partners."""

    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


def person_name(user):
    """How people are named on pages and lists: their full name, else their e-mail address."""
    if user is None:
        return ""
    return user.get_full_name() or user.email or user.get_username()
