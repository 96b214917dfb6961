from django.db import models
from django.utils.translation import gettext_lazy as _


class Publication(models.TextChoices):
    """Minutes and workgroup reports are drafts until coordinators publish them to partners."""

    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
