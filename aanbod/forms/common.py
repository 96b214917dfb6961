"""What the portal's offer and place forms share.

Every form that saves carries a one-time key (a double click saves once, see
aanbod.submissions); the forms that change an offer also carry the version the person started
from, so a save over someone else's change is refused (see aanbod.services).
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import TOTAL_FORM_COUNT
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from partners.forms import PHONE_PATTERN

from ..models import Location

TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H.%M", "%Hu%M", "%Hu"]


def clean_phone(value):
    phone = " ".join(value.split())
    if phone and not PHONE_PATTERN.match(phone):
        raise ValidationError(
            _("Enter a phone number with digits, spaces and + . / ( ) - only."),
            code="invalid_phone",
        )
    return phone


class KeyedForm(forms.Form):
    """A form with a one-time key, so that sending it twice saves it once."""

    form_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    hidden_field_error = _("This form is incomplete or out of date. Reload the page and try again.")
    STATE_FIELDS = ("form_key", "version")

    @cached_property
    def changed_data(self):
        # The key is new on every page (its initial value is random): not a change.
        return [name for name in super().changed_data if name not in self.STATE_FIELDS]

    def clean(self):
        cleaned_data = super().clean()
        # A hidden field's message would be invisible next to the field: say it above the form.
        for name in self.STATE_FIELDS:
            if name in self._errors:
                del self._errors[name]
                if self.hidden_field_error not in self.non_field_errors():
                    self.add_error(None, self.hidden_field_error)
        return cleaned_data


class VersionedForm(KeyedForm):
    """A form that changes an offer: it carries the version the person started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ObjectChoiceField(forms.ChoiceField):
    """A choice among objects fetched once for a whole page, with no query per form of a
    formset (a ModelChoiceField would ask the database for its choices in every row)."""

    def __init__(self, *, objects, grouped_choices, empty_label="---------", **kwargs):
        self.objects = {str(obj.pk): obj for obj in objects}
        super().__init__(choices=[("", empty_label), *grouped_choices], **kwargs)

    def prepare_value(self, value):
        return getattr(value, "pk", value)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.objects[str(value)]
        except KeyError:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None

    def validate(self, value):
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        initial_key = "" if initial is None else str(self.prepare_value(initial))
        return initial_key != ("" if data is None else str(data))


def location_choices(partner):
    """All places an offer may happen at, grouped for the select boxes, in one query: the
    Huizen van het Kind, the partner's own sites, and every other place (a partner may run
    an activity at another partner's site or a library)."""
    locations = list(
        Location.objects.huizen_first().only("pk", "name", "street", "postcode", "kind", "owner_id")
    )
    groups = {"huis": [], "own": [], "other": []}
    for location in locations:
        label = f"{location.name} – {location.street}, {location.postcode}"
        if location.kind == Location.Kind.HUIS_VAN_HET_KIND:
            groups["huis"].append((location.pk, label))
        elif location.owner_id == partner.pk:
            groups["own"].append((location.pk, label))
        else:
            groups["other"].append((location.pk, label))
    titles = {
        "huis": _("Huizen van het Kind"),
        "own": _("Places of %(partner)s") % {"partner": partner.name},
        "other": _("Other places"),
    }
    grouped = [(titles[key], choices) for key, choices in groups.items() if choices]
    return locations, grouped


class OwnRowsMixin:
    """A model formset that takes back only what its page showed.

    Its rows: Django would accept the id of any row of the model there (and then ignore it);
    this refuses it with a message. Their number: the page shows at most max_num rows, the
    first stored ones and new ones together (absolute_max is max_num), so a request that
    claims more comes from no page of ours. It gets the too_many_forms message without a form
    being built, so however many it claims, checking it costs nothing.
    """

    delete_label = None

    def get_queryset(self):
        if not hasattr(self, "_queryset"):
            self._queryset = list(super().get_queryset()[: self.max_num])
        return self._queryset

    def own_rows(self):
        return self.model._default_manager.filter(pk__in=[row.pk for row in self.get_queryset()])

    def total_form_count(self):
        if (
            self.is_bound
            and self.management_form.cleaned_data[TOTAL_FORM_COUNT] > self.absolute_max
        ):
            return 0
        return super().total_form_count()

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields[self.model._meta.pk.name].queryset = self.own_rows()
        if "DELETE" in form.fields and self.delete_label:
            form.fields["DELETE"].label = self.delete_label
