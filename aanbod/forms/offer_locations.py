"""Where an offer happens and its regular weekly times (the tab "Places and times")."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from ..models import Offer, OfferLocation, ScheduleSlot
from .common import TIME_INPUT_FORMATS, ObjectChoiceField, OwnRowsMixin

# Rows for new entries on the formset pages: a fixed number, so they work without JavaScript.
NEW_PLACES = 1
NEW_SLOTS = 2
# The most places the page shows and takes, and times per place (stored and new rows
# together; see OwnRowsMixin): Leuven has a handful of Huizen van het Kind and five
# deelgemeenten, so twenty places is more than any offer needs, and fourteen weekly times are
# two on every day of the week. A request is checked with at most 20 × 14 time forms.
MAX_PLACES = 20
MAX_SLOTS = 14


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


class BaseSlotFormSet(OwnRowsMixin, BaseInlineFormSet):
    delete_label = _("Remove this time")
    default_error_messages = {"too_many_forms": _("A place can have at most %(num)d times.")}

    def get_queryset(self):
        # The slots were fetched with their places (prefetch_related), not once per place.
        if not hasattr(self, "_queryset"):
            if self.instance.pk is None:
                self._queryset = ScheduleSlot.objects.none()
            else:
                self._queryset = list(self.instance.slots.all())[: self.max_num]
        return self._queryset


SlotFormSet = forms.inlineformset_factory(
    OfferLocation,
    ScheduleSlot,
    form=SlotForm,
    formset=BaseSlotFormSet,
    extra=NEW_SLOTS,
    max_num=MAX_SLOTS,
    absolute_max=MAX_SLOTS,
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)


class BaseOfferLocationFormSet(OwnRowsMixin, BaseInlineFormSet):
    """Where an offer happens, each place with its own formset of regular weekly times."""

    delete_label = _("Remove this place and its times")
    default_error_messages = {"too_many_forms": _("An offer can have at most %(num)d places.")}

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


OfferLocationFormSet = forms.inlineformset_factory(
    Offer,
    OfferLocation,
    form=OfferLocationForm,
    formset=BaseOfferLocationFormSet,
    extra=NEW_PLACES,
    max_num=MAX_PLACES,
    absolute_max=MAX_PLACES,
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)
