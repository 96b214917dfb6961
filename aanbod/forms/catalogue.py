from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ErrorReport


class ErrorReportForm(forms.ModelForm):
    """The public "Klopt er iets niet?" form.

    `website` is a honeypot: people never see it (it is off screen and hidden from screen
    readers), but spam robots fill in every field they find.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = ErrorReport
        fields = ["message", "contact"]
        labels = {
            "message": _("What is not correct?"),
            "contact": _("Your e-mail address or phone number (optional)"),
        }
        help_texts = {
            "message": _(
                "For example: the address, the hours, the price or the phone number has changed."
            ),
            "contact": _("Only if you would like an answer. We use it for nothing else."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6, "class": "form-control"}),
            "contact": forms.TextInput(attrs={"class": "form-control", "autocomplete": "email"}),
        }

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
