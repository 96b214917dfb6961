from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .common import Publication
from .groups import NetworkGroup


class WorkgroupReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Publication.PUBLISHED)


class WorkgroupReport(models.Model):
    """A workgroup reporting back to the network; can be put on a network meeting's agenda."""

    group = models.ForeignKey(
        NetworkGroup,
        verbose_name=_("workgroup"),
        on_delete=models.CASCADE,
        related_name="reports",
        limit_choices_to={"kind": NetworkGroup.Kind.WORKGROUP},
    )
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    summary = models.TextField(_("summary"), help_text=_("Markdown: **bold**, lists with -."))
    questions = models.TextField(
        _("questions for the network"), blank=True, help_text=_("Markdown, like the summary.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Publication, default=Publication.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = WorkgroupReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period_end", "title"]
        verbose_name = _("workgroup report")
        verbose_name_plural = _("workgroup reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="workgroup_report_period_valid",
                violation_error_message=_("The period cannot end before it starts."),
            )
        ]

    def __str__(self):
        return f"{self.group}: {self.title}"
