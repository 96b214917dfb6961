"""Forms of the partner portal's offer pages: an offer, where and when it happens, its dated
activities, and a partner's own places.

Every form that saves carries a one-time key (a double click saves once, see
aanbod.submissions); the forms that change an offer also carry the version the person started
from, so a save over someone else's change is refused (see aanbod.services).
"""

import uuid
from datetime import datetime
from decimal import Decimal

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, Value
from django.forms import BaseInlineFormSet, BaseModelFormSet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from partners.forms import PHONE_PATTERN
from partners.models import Partner

from ..models import (
    MAX_AGE_MONTHS,
    Language,
    Location,
    Offer,
    OfferLocation,
    Pillar,
    ScheduleSlot,
    Session,
    Theme,
)

MAX_AGE_YEARS = MAX_AGE_MONTHS // 12
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H.%M", "%Hu%M", "%Hu"]
# Rows for new entries on the formset pages: a fixed number, so they work without JavaScript.
NEW_PLACES = 1
NEW_SLOTS = 2
NEW_SESSIONS = 2


def _clean_phone(value):
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


class OfferForm(VersionedForm, forms.ModelForm):
    """An offer's own fields. The provider is the partner of the page; the slug is made from
    the title when the offer is created; status and review date change through their buttons."""

    M2M_FIELDS = ("pillars", "themes", "languages", "co_providers")
    AGE_FIELDS = ("age_from_years", "age_from_months", "age_to_years", "age_to_months")

    pillars = forms.ModelMultipleChoiceField(
        Pillar.objects.none(),
        label=_("Pillars"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one. Parents can filter on these."),
        error_messages={"required": _("Choose at least one pillar.")},
    )
    themes = forms.ModelMultipleChoiceField(
        Theme.objects.none(),
        label=_("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What is it about? Choose all that fit."),
    )
    languages = forms.ModelMultipleChoiceField(
        Language.objects.none(),
        label=_("Languages"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Languages you can help parents in, besides Dutch."),
    )
    co_providers = forms.ModelMultipleChoiceField(
        Partner.objects.none(),
        label=_("Organised together with"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Other partners who organise this with you. Only you can edit the offer."),
    )
    AGE_HELP = _(
        "The age of the child. For babies, add months: from 0 years and 6 months. "
        "Leave the age empty if the offer is only for the pregnancy."
    )
    age_from_years = forms.IntegerField(
        label=_("From: years"), required=False, min_value=0, max_value=MAX_AGE_YEARS
    )
    age_from_months = forms.IntegerField(
        label=_("From: months"), required=False, min_value=0, max_value=MAX_AGE_MONTHS
    )
    age_to_years = forms.IntegerField(
        label=_("Up to and including: years"),
        required=False,
        min_value=0,
        max_value=MAX_AGE_YEARS,
    )
    age_to_months = forms.IntegerField(
        label=_("Up to and including: months"),
        required=False,
        min_value=0,
        max_value=MAX_AGE_MONTHS,
    )
    website = forms.URLField(
        label=capfirst(_("website")),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Offer
        fields = [
            "title",
            "summary",
            "description",
            "for_expecting",
            "cost",
            "cost_details",
            "registration",
            "registration_details",
            "format",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
        ]
        labels = {
            "for_expecting": _("For expecting parents (during the pregnancy)"),
            "contact_email": _("E-mail address for questions"),
            "contact_phone": _("Phone number for questions"),
        }
        help_texts = {
            "title": _("The name parents know it by. Short and clear."),
            "description": _(
                "Everything else parents should know. Simple formatting works: **bold**, "
                "*italic*, a line starting with - for a list, [text](https://…) for a link."
            ),
            "cost_details": _("For example: € 2 per time, free with a UiTPAS at reduced rate."),
            "registration_details": _("How to register: a phone number, an e-mail, a website."),
            "format": _("How parents take part."),
            "contact_name": _("Optional. Someone parents can ask for."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "cost": forms.RadioSelect,
            "registration": forms.RadioSelect,
            "registration_details": forms.Textarea(attrs={"rows": 3}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "contact_phone": forms.TextInput(attrs={"inputmode": "tel"}),
        }

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner = partner
        offer = self.instance
        self.instance.provider = partner
        self._load_choices()
        if offer.pk is None:
            self.fields["version"].required = False
        else:
            self.initial.setdefault("version", offer.version)
            for name, value in self.age_initial(offer).items():
                self.initial.setdefault(name, value)
        for name in self.AGE_FIELDS:
            self.fields[name].widget.attrs.update(
                {"inputmode": "numeric", "aria-describedby": "age-help"}
            )
        self.helper = self._helper()

    def _selectable(self, name, queryset):
        """The choices of a many-to-many field, each marked whether the offer has it, in one
        query per field (the form shows four lists; the page has a query budget)."""
        through = Offer._meta.get_field(name).remote_field.through
        target = Offer._meta.get_field(name).m2m_reverse_field_name()
        if self.instance.pk is None:
            selected = Value(False)
        else:
            selected = Exists(
                through.objects.filter(offer_id=self.instance.pk, **{target: OuterRef("pk")})
            )
        return queryset.annotate(is_selected=selected)

    def _load_choices(self):
        sources = {
            "pillars": Pillar.objects.all(),
            "themes": Theme.objects.all(),
            "languages": Language.objects.all(),
            "co_providers": Partner.objects.exclude(pk=self.partner.pk),
        }
        for name, valid in sources.items():
            objects = self._selectable(name, valid)
            if name == "co_providers":
                # Former partners stay listed only where they already were.
                objects = objects.filter(~Q(status=Partner.Status.FORMER) | Q(is_selected=True))
            objects = list(objects)
            field = self.fields[name]
            field.queryset = valid
            field.choices = [(obj.pk, self._choice_label(obj)) for obj in objects]
            self.initial.setdefault(name, [obj.pk for obj in objects if obj.is_selected])

    @staticmethod
    def _choice_label(obj):
        if isinstance(obj, Language) and obj.native_name and obj.native_name != obj.name:
            return f"{obj.name} – {obj.native_name}"
        return str(obj)

    def _helper(self):
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        age_column = "col-6 col-md-3"
        helper.layout = Layout(
            "version",
            "form_key",
            Fieldset(_("What is it?"), "title", "summary", "description"),
            Fieldset(
                _("For whom?"),
                "for_expecting",
                HTML(format_html('<p id="age-help" class="form-text">{}</p>', self.AGE_HELP)),
                Row(
                    Column("age_from_years", css_class=age_column),
                    Column("age_from_months", css_class=age_column),
                    Column("age_to_years", css_class=age_column),
                    Column("age_to_months", css_class=age_column),
                    css_class="align-items-end",
                ),
            ),
            Fieldset(
                _("Pillars and themes"),
                "pillars",
                Div("themes", css_class="check-columns"),
            ),
            Fieldset(
                _("Taking part"),
                "cost",
                "cost_details",
                "registration",
                "registration_details",
                "format",
                Div("languages", css_class="check-columns"),
            ),
            Fieldset(_("Contact"), "contact_name", "contact_phone", "contact_email", "website"),
            Fieldset(_("Partners"), Div("co_providers", css_class="check-columns")),
        )
        for fieldset in helper.layout[2:]:
            fieldset.css_class = "staff-fieldset"
        return helper

    @staticmethod
    def age_initial(offer):
        """The age fields for an offer. An offer only for the pregnancy has no child's age."""
        if offer.for_expecting and offer.age_max_months == 0:
            return dict.fromkeys(OfferForm.AGE_FIELDS)
        low, high = offer.age_min_months, offer.age_max_months
        return {
            "age_from_years": low // 12,
            "age_from_months": (low % 12) or None,
            "age_to_years": high // 12,
            "age_to_months": (high % 12) or None,
        }

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_contact_phone(self):
        return _clean_phone(self.cleaned_data["contact_phone"])

    def clean(self):
        cleaned_data = super().clean()
        self._clean_ages(cleaned_data)
        return cleaned_data

    def _clean_ages(self, data):
        if any(name in self._errors for name in self.AGE_FIELDS):
            return
        values = {name: data.get(name) for name in self.AGE_FIELDS}
        has_from = values["age_from_years"] is not None or values["age_from_months"] is not None
        has_to = values["age_to_years"] is not None or values["age_to_months"] is not None
        if not has_from and not has_to:
            if not data.get("for_expecting"):
                self.add_error(
                    "age_from_years",
                    ValidationError(
                        _("Fill in an age, or tick ‘for expecting parents’."), code="no_audience"
                    ),
                )
                return
            low = high = 0
        else:
            low = (values["age_from_years"] or 0) * 12 + (values["age_from_months"] or 0)
            high = (
                (values["age_to_years"] or 0) * 12 + (values["age_to_months"] or 0)
                if has_to
                else MAX_AGE_MONTHS
            )
            if high > MAX_AGE_MONTHS:
                self.add_error(
                    "age_to_years",
                    ValidationError(
                        _("The offer is for children up to 24 years at most."), code="too_old"
                    ),
                )
                return
            if low > high:
                self.add_error(
                    "age_to_years",
                    ValidationError(
                        _("The ‘up to’ age must not be lower than the ‘from’ age."),
                        code="age_order",
                    ),
                )
                return
            if low > MAX_AGE_MONTHS:
                self.add_error(
                    "age_from_years",
                    ValidationError(
                        _("The offer is for children up to 24 years at most."), code="too_old"
                    ),
                )
                return
        data["age_min_months"], data["age_max_months"] = low, high
        self.instance.age_min_months, self.instance.age_max_months = low, high

    def m2m_values(self):
        return {name: list(self.cleaned_data[name]) for name in self.M2M_FIELDS}

    def model_values(self):
        """What saving would store, in the terms of aanbod.history.offer_values()."""
        data = self.cleaned_data
        values = {name: data[name] for name in self.Meta.fields}
        values["age_min_months"] = data["age_min_months"]
        values["age_max_months"] = data["age_max_months"]
        for name in self.M2M_FIELDS:
            values[name] = frozenset(obj.pk for obj in data[name])
        return values

    def initial_from_values(self, values):
        """Form initial data that shows these values (the inverse of model_values)."""
        initial = {name: values[name] for name in self.Meta.fields if name in values}
        ages = Offer(
            for_expecting=values["for_expecting"],
            age_min_months=values["age_min_months"],
            age_max_months=values["age_max_months"],
        )
        initial.update(self.age_initial(ages))
        for name in self.M2M_FIELDS:
            initial[name] = sorted(values[name])
        return initial

    def mark_clashes(self, clashes):
        """Explain, under each field, the value someone else saved that differs from what this
        person typed. `clashes` maps model field names to that value, in words."""
        field_for = {"age_min_months": "age_from_years", "age_max_months": "age_to_years"}
        for name, theirs in clashes.items():
            field = self.fields[field_for.get(name, name)]
            # Crispy shows help texts as HTML: the other person's text is escaped here.
            field.help_text = format_html(
                '<strong class="clash-note">{}</strong> {}',
                _("Someone else changed this to: %(value)s.") % {"value": theirs},
                _("What you typed is kept here; check which is right before you save."),
            )


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


class OfferLocationForm(forms.ModelForm):
    class Meta:
        model = OfferLocation
        fields = ["location", "schedule"]
        labels = {"schedule": _("When, in words")}

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        objects, grouped = locations
        self.fields["location"] = ObjectChoiceField(
            objects=objects,
            grouped_choices=grouped,
            label=_("Place"),
            empty_label=_("Choose a place"),
            help_text=_("Is your place not in the list? Add it first under ‘Places’."),
        )


class SlotForm(forms.ModelForm):
    class Meta:
        model = ScheduleSlot
        fields = ["weekday", "start_time", "end_time"]
        labels = {"weekday": _("Day"), "start_time": _("From"), "end_time": _("Until")}
        widgets = {
            "start_time": forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
            "end_time": forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["weekday"].choices = [
            ("", _("Choose a day")),
            *self.fields["weekday"].choices[1:],
        ]
        for name in ("start_time", "end_time"):
            self.fields[name].input_formats = TIME_INPUT_FORMATS

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_time"), cleaned_data.get("end_time")
        if start and end and end <= start:
            self.add_error(
                "end_time",
                ValidationError(_("The end time must be after the start time."), code="order"),
            )
        return cleaned_data


class OwnRowsMixin:
    """A model formset whose rows can only be rows it showed: Django would accept the id of
    any row of the model there (and then ignore it); this refuses it with a message."""

    delete_label = None

    def own_rows(self):
        return self.get_queryset()

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields[self.model._meta.pk.name].queryset = self.own_rows()
        if "DELETE" in form.fields and self.delete_label:
            form.fields["DELETE"].label = self.delete_label


class BaseSlotFormSet(OwnRowsMixin, BaseInlineFormSet):
    delete_label = _("Remove this time")

    def own_rows(self):
        return ScheduleSlot.objects.filter(offer_location=self.instance.pk)

    def get_queryset(self):
        # The slots were fetched with their places (prefetch_related), not once per place.
        if not hasattr(self, "_queryset"):
            if self.instance.pk is None:
                self._queryset = ScheduleSlot.objects.none()
            else:
                self._queryset = list(self.instance.slots.all())
        return self._queryset


SlotFormSet = forms.inlineformset_factory(
    OfferLocation,
    ScheduleSlot,
    form=SlotForm,
    formset=BaseSlotFormSet,
    extra=NEW_SLOTS,
    can_delete=True,
    can_delete_extra=False,
)


class BasePlacesFormSet(OwnRowsMixin, BaseInlineFormSet):
    """Where an offer happens, each place with its own formset of regular weekly times."""

    delete_label = _("Remove this place and its times")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            form.slots = SlotFormSet(
                self.data if self.is_bound else None,
                instance=form.instance,
                prefix=f"{form.prefix}-slots",
            )

    def _form_is_deleted(self, form):
        return self.can_delete and self._should_delete_form(form)

    def _form_is_unused(self, form):
        return form.instance.pk is None and not form.has_changed()

    def is_valid(self):
        if not self.is_bound:
            return False
        valid = super().is_valid()
        for form in self.forms:
            if self._form_is_deleted(form):
                continue
            if not form.slots.is_valid():
                valid = False
        return valid and not self.non_form_errors()

    def clean(self):
        super().clean()
        for form in self.forms:
            if self._form_is_deleted(form) or not self._form_is_unused(form):
                continue
            if form.slots.has_changed():
                form.add_error(
                    "location",
                    ValidationError(_("Choose the place of these times."), code="required"),
                )

    def has_changed(self):
        return super().has_changed() or any(form.slots.has_changed() for form in self.forms)

    def save_all(self):
        """Save the places and their times; a removed place takes its times with it."""
        for form in self.forms:
            if self._form_is_deleted(form):
                if form.instance.pk is not None:
                    form.instance.delete()
                continue
            if self._form_is_unused(form):
                continue
            if form.has_changed():
                form.save()
            form.slots.save()


PlacesFormSet = forms.inlineformset_factory(
    Offer,
    OfferLocation,
    form=OfferLocationForm,
    formset=BasePlacesFormSet,
    extra=NEW_PLACES,
    can_delete=True,
    can_delete_extra=False,
)


class SessionForm(forms.ModelForm):
    """A dated activity: a day with a start and end time (activities end on the day they
    start; the admin takes the rare one that does not)."""

    date = forms.DateField(
        label=_("Date"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    start_time = forms.TimeField(
        label=_("From"),
        input_formats=TIME_INPUT_FORMATS,
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
    )
    end_time = forms.TimeField(
        label=_("Until"),
        input_formats=TIME_INPUT_FORMATS,
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
    )
    capacity = forms.IntegerField(
        label=_("Number of places"),
        required=False,
        min_value=1,
        help_text=_("Optional."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    registration_url = forms.URLField(
        label=_("Registration link"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Session
        fields = ["title", "location", "capacity", "registration_url", "is_cancelled"]
        labels = {"is_cancelled": _("Cancelled (stays listed as cancelled)")}
        help_texts = {"title": _("Optional. Empty: the title of the offer.")}

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        objects, grouped = locations
        self.fields["location"] = ObjectChoiceField(
            objects=objects,
            grouped_choices=grouped,
            label=_("Place"),
            empty_label=_("Online, or no fixed place"),
            required=False,
        )
        if self.instance.pk is not None:
            starts = timezone.localtime(self.instance.starts_at)
            ends = timezone.localtime(self.instance.ends_at)
            # Shown (and compared with what comes back) to the minute, as the inputs show it.
            self.initial.update(
                date=starts.date(),
                start_time=starts.time().replace(second=0, microsecond=0),
                end_time=ends.time().replace(second=0, microsecond=0),
            )

    def clean(self):
        cleaned_data = super().clean()
        day = cleaned_data.get("date")
        start, end = cleaned_data.get("start_time"), cleaned_data.get("end_time")
        when_changed = {"date", "start_time", "end_time"} & set(self.changed_data)
        if day and start and end and (when_changed or self.instance.pk is None):
            if end <= start:
                self.add_error(
                    "end_time",
                    ValidationError(_("The end time must be after the start time."), code="order"),
                )
            elif day < timezone.localdate():
                self.add_error(
                    "date", ValidationError(_("This date has already passed."), code="past")
                )
            else:
                self.instance.starts_at = timezone.make_aware(datetime.combine(day, start))
                self.instance.ends_at = timezone.make_aware(datetime.combine(day, end))
        return cleaned_data


class BaseSessionFormSet(OwnRowsMixin, BaseModelFormSet):
    delete_label = _("Remove this activity")

    def save_for(self, offer):
        sessions = self.save(commit=False)
        for session in self.deleted_objects:
            session.delete()
        for session in sessions:
            session.offer = offer
            session.save()


SessionFormSet = forms.modelformset_factory(
    Session,
    form=SessionForm,
    formset=BaseSessionFormSet,
    extra=NEW_SESSIONS,
    can_delete=True,
    can_delete_extra=False,
)


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
        return _clean_phone(self.cleaned_data["phone"])

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
