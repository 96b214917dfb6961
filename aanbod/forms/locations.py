"""A partner's own places (Location), on the portal's place pages."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Location
from .common import KeyedForm, clean_phone


class LocationForm(KeyedForm, forms.ModelForm):
    """A partner's own site. Its kind and owner are fixed; Huizen van het Kind are the
    coordinators' (admin)."""

    latitude = forms.DecimalField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        help_text=_(
            "Optional. On openstreetmap.org, right-click the place and choose ‘Show address’: "
            "the two numbers are latitude and longitude."
        ),
    )

    class Meta:
        model = Location
        fields = [
            "name",
            "street",
            "postcode",
            "wheelchair",
            "accessibility_notes",
            "public_transport",
            "opening_hours",
            "phone",
            "email",
            "latitude",
            "longitude",
        ]
        help_texts = {
            "name": _("The name parents see, for example ‘Gezinsbond Heverlee’."),
            "accessibility_notes": _("For example: a step at the door, a lift, a changing table."),
            "public_transport": _("For example: bus 2 and 3, stop Sint-Jacobsplein."),
            "opening_hours": _("For example: Monday to Friday 9–12 and 13–17."),
        }
        widgets = {
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
            "public_transport": forms.Textarea(attrs={"rows": 2}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["postcode"].choices = [("", _("Choose a postcode"))] + [
            choice for choice in self.fields["postcode"].choices if choice[0]
        ]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "form_key",
            Fieldset(
                _("Name and address"), "name", "street", "postcode", css_class="staff-fieldset"
            ),
            Fieldset(
                _("Accessibility"),
                "wheelchair",
                "accessibility_notes",
                "public_transport",
                css_class="staff-fieldset",
            ),
            Fieldset(_("Practical"), "opening_hours", "phone", "email", css_class="staff-fieldset"),
            Fieldset(
                _("On the map (optional)"),
                Row(
                    Column("latitude", css_class="col-sm-6"),
                    Column("longitude", css_class="col-sm-6"),
                ),
                css_class="staff-fieldset",
            ),
        )

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_phone(self):
        return clean_phone(self.cleaned_data["phone"])

    def _clean_coordinate(self, name):
        value = self.cleaned_data.get(name)
        # A value copied from a map may have more decimals than we store (6: about 10 cm).
        return None if value is None else value.quantize(Decimal("0.000001"))

    def clean_latitude(self):
        return self._clean_coordinate("latitude")

    def clean_longitude(self):
        return self._clean_coordinate("longitude")

    def clean(self):
        cleaned_data = super().clean()
        latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
        if (latitude is None) != (longitude is None) and not (
            "latitude" in self._errors or "longitude" in self._errors
        ):
            self.add_error(
                "longitude" if longitude is None else "latitude",
                ValidationError(_("Fill in both numbers, or neither."), code="coordinates"),
            )
        return cleaned_data
