"""An offer's texts in another language, on the portal's "Translations" tab."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..models import TRANSLATED_FIELDS, OfferTranslation
from .common import VersionedForm


class OfferTranslationForm(VersionedForm, forms.ModelForm):
    """The title, summary, how to take part and cost details in one language. Title and summary
    go together; everything empty removes the translation (the page then shows the Dutch
    text)."""

    class Meta:
        model = OfferTranslation
        fields = list(TRANSLATED_FIELDS)
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "registration_details": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, offer, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.offer = offer
        self.instance.language = language
        self.initial.setdefault("version", offer.version)
        for name in TRANSLATED_FIELDS:
            field = self.fields[name]
            field.required = False
            field.widget.attrs["lang"] = language
            dutch = getattr(offer, name)
            field.help_text = (
                format_html('{} <span lang="nl">{}</span>', _("In Dutch:"), dutch)
                if dutch
                else _("Empty in Dutch.")
            )

    @property
    def removes(self):
        """True when every text was left empty: the translation is to be removed."""
        return not any(self.cleaned_data.get(name) for name in TRANSLATED_FIELDS)

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean(self):
        cleaned_data = super().clean()
        if self.errors or self.removes:
            return cleaned_data
        for name in ("title", "summary"):
            if not cleaned_data.get(name):
                self.add_error(
                    name,
                    ValidationError(
                        _("Fill in the title and the summary, or leave everything empty."),
                        code="title_and_summary",
                    ),
                )
        return cleaned_data

    def mark_clashes(self, stored, typed):
        """Under each field, what someone else saved meanwhile where it differs from what this
        person typed (``stored``: the translation as it is now, or None; ``typed``: the texts
        of the refused form)."""
        for name in TRANSLATED_FIELDS:
            theirs = getattr(stored, name, "") if stored else ""
            if theirs != typed[name]:
                self.fields[name].help_text = format_html(
                    '<strong class="clash-note">{}</strong> {}',
                    _("Someone else changed this to: %(value)s.") % {"value": theirs or "–"},
                    _("What you typed is kept here; check which is right before you save."),
                )
