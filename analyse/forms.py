from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.filters import OfferFilter, catalogue_choices

from .models import NeedSignal

FIRST_YEAR = 2014  # the declaration is in force since 13 November 2014


def _select(choices, empty):
    return [("", empty), *choices]


class CoverageFilterForm(forms.Form):
    """Which offers the coverage counts: the network's or one partner's, and the catalogue
    filters that change the question ('free, walk-in, in Arabic?'). The values are the
    catalogue's own, so every cell links to the catalogue with the same filters."""

    partner = forms.ChoiceField(label=_("Whose offer"), required=False)
    thema = forms.ChoiceField(label=_("Topic"), required=False)
    kosten = forms.ChoiceField(label=_("Cost"), required=False)
    zonder_inschrijving = forms.BooleanField(
        label=_("Without registration: just walk in"), required=False
    )
    taal = forms.ChoiceField(label=_("Language"), required=False)

    # The fields passed on to the catalogue, in its parameter names.
    CATALOGUE_FIELDS = ("thema", "kosten", "zonder_inschrijving", "taal")

    def __init__(self, data, *, viewer):
        super().__init__(data)
        choices, _ids = catalogue_choices()
        partners = [(p.slug, p.name) for p in viewer.partners]
        self.fields["partner"].choices = (
            _select(partners, _("The whole network")) if viewer.sees_network else partners
        )
        self.fields["thema"].choices = _select(choices["thema"], _("All topics"))
        self.fields["kosten"].choices = _select(OfferFilter.COST_CHOICES, _("Any cost"))
        self.fields["taal"].choices = _select(choices["taal"], _("All languages"))
        for name, field in self.fields.items():
            css = "form-check-input" if name == "zonder_inschrijving" else "form-select"
            field.widget.attrs["class"] = css

    def catalogue_filters(self):
        """The chosen catalogue filters as (parameter, value) pairs."""
        data = self.cleaned_data if self.is_valid() else {}
        pairs = []
        for name in self.CATALOGUE_FIELDS:
            value = data.get(name)
            if value:
                pairs.append((name, "1" if value is True else value))
        return pairs


class MonthForm(forms.Form):
    maand = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month", "class": "form-control"}, format="%Y-%m"),
        error_messages={"invalid": _("Enter a month as year and month, e.g. 2026-03.")},
    )

    def clean_maand(self):
        month = self.cleaned_data.get("maand")
        if month and not date(FIRST_YEAR, 1, 1) <= month <= timezone.localdate():
            raise forms.ValidationError(_("Choose a month from 2014 up to now."))
        return month


class YearForm(forms.Form):
    jaar = forms.IntegerField(
        label=_("Year"),
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )

    def clean_jaar(self):
        year = self.cleaned_data.get("jaar")
        if year is not None and not FIRST_YEAR <= year <= timezone.localdate().year:
            raise forms.ValidationError(
                _("Choose a year from %(first)s to %(last)s.")
                % {"first": FIRST_YEAR, "last": timezone.localdate().year}
            )
        return year


class NeedSignalForm(forms.ModelForm):
    class Meta:
        model = NeedSignal
        fields = [
            "partner",
            "theme",
            "age_band",
            "area",
            "target_group",
            "frequency",
            "description",
            "heard_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4, "maxlength": 500}),
            "heard_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        partner = self.fields["partner"]
        partner.queryset = partner.queryset.filter(pk__in=viewer.partner_ids)
        # Staff record for their own partner; only coordinators record for the coordination.
        partner.required = not viewer.coordinator
        partner.empty_label = _("The coordination") if viewer.coordinator else None
        self.fields["age_band"].choices = _select(
            self.fields["age_band"].choices[1:], _("All ages")
        )
        self.fields["area"].choices = _select(self.fields["area"].choices[1:], _("All of Leuven"))

    def clean_heard_on(self):
        day = self.cleaned_data["heard_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("This date is still to come."))
        return day
