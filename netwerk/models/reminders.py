from django.db import models
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """What the reminder commands sent, so running them twice sends nothing twice."""

    class Kind(models.TextChoices):
        MEETING_TOMORROW = "meeting_tomorrow", _("meeting tomorrow")
        MINUTES_MISSING = "minutes_missing", _("minutes not published")
        ACTION_DIGEST = "action_digest", _("action points digest")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    key = models.CharField(
        _("about"), max_length=100, help_text=_("What the reminder was about, e.g. meeting:12.")
    )
    recipient = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "recipient"], name="sent_reminder_once")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key} → {self.recipient}"
