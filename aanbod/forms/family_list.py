"""The forms of "Mijn lijstje": the notes on the list, and the address to e-mail it to."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..family_list import MAX_NOTE_LENGTH


class FamilyListNotesForm(forms.Form):
    """One note per offer on the list, all sent with every button of the list, so that moving
    or removing an offer never loses what was typed in another note."""

    def __init__(self, data=None, *, items):
        super().__init__(data)
        for offer, note in items:
            self.fields[self.field_name(offer.pk)] = forms.CharField(
                label=_("Note for the family"),
                required=False,
                max_length=MAX_NOTE_LENGTH,
                initial=note,
                error_messages={
                    "max_length": _(
                        "Keep the note to %(limit_value)d characters or fewer "
                        "(it has %(show_value)d now)."
                    )
                },
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
            )

    @staticmethod
    def field_name(pk):
        return f"note-{pk}"

    def bound_field(self, pk):
        return self[self.field_name(pk)]

    def notes(self):
        """Offer id → the note as typed (trimmed)."""
        return {int(name.removeprefix("note-")): value for name, value in self.cleaned_data.items()}


NOT_AN_ADDRESS = _("This is not an e-mail address. Check it, for example: name@example.be.")


class FamilyListEmailForm(forms.Form):
    """The one address to send the list to. It is used for that mail and kept nowhere else.

    `website` is a honeypot, as on the error report form: people never see it, robots fill it.
    """

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Type the e-mail address to send the list to."),
            "invalid": NOT_AN_ADDRESS,
            "max_length": NOT_AN_ADDRESS,
        },
        widget=forms.EmailInput(attrs={"class": "form-control", "autocomplete": "email"}),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
