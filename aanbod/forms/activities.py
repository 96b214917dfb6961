"""An offer's dated activities (Activity), on its tab "Activities"."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseModelFormSet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Activity
from .common import TIME_INPUT_FORMATS, ObjectChoiceField, OwnRowsMixin

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
# Rows for new activities: a fixed number, so the page works without JavaScript.
NEW_ACTIVITIES = 2
# The most activities the page shows and takes, upcoming ones and new rows together (see
# OwnRowsMixin). Dated activities are info evenings, workshops and group series; what happens
# every week is a weekly time of a place.
MAX_ACTIVITIES = 50


class ActivityForm(forms.ModelForm):
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
        model = Activity
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


class BaseActivityFormSet(OwnRowsMixin, BaseModelFormSet):
    delete_label = _("Remove this activity")
    default_error_messages = {
        "too_many_forms": _(
            "An offer can have at most %(num)d upcoming activities here. Remove some, or add "
            "more once some have taken place."
        )
    }

    def save_for(self, offer):
        activities = self.save(commit=False)
        for activity in self.deleted_objects:
            activity.delete()
        for activity in activities:
            activity.offer = offer
            activity.save()


ActivityFormSet = forms.modelformset_factory(
    Activity,
    form=ActivityForm,
    formset=BaseActivityFormSet,
    extra=NEW_ACTIVITIES,
    max_num=MAX_ACTIVITIES,
    absolute_max=MAX_ACTIVITIES,
    validate_max=True,
    can_delete=True,
    can_delete_extra=False,
)
