from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import person_name

from .models import ActionItem, Attendance, Interest


class BootstrapMixin:
    """Bootstrap's classes on every widget; templates/netwerk/includes/field.html does the
    rest (labels, legends for radio groups, help and errors tied with aria-describedby)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.RadioSelect | forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs.setdefault("class", css)


class ObjectChoiceField(forms.ChoiceField):
    """A choice among objects the view already loaded, so rendering and validating the form
    cost no queries. Cleans to the chosen object (or None when left empty)."""

    def __init__(self, *, empty_label=None, **kwargs):
        self.empty_label = empty_label
        self.objects = {}
        super().__init__(**kwargs)

    def set_objects(self, objects, label=str):
        self.objects = {str(obj.pk): obj for obj in objects}
        choices = [(key, label(obj)) for key, obj in self.objects.items()]
        if self.empty_label is not None:
            choices.insert(0, ("", self.empty_label))
        self.choices = choices

    def clean(self, value):
        value = super().clean(value)
        return self.objects.get(str(value)) if value else None


class RsvpForm(BootstrapMixin, forms.Form):
    ANSWERS = [
        (Attendance.Rsvp.ATTENDING, _("Yes, I will come")),
        (Attendance.Rsvp.DECLINED, _("No, I cannot come")),
        (Attendance.Rsvp.EXCUSED, _("I am excused (a colleague may come instead)")),
    ]

    answer = forms.ChoiceField(label=_("Will you come?"), choices=ANSWERS, widget=forms.RadioSelect)
    partner = ObjectChoiceField(label=_("On behalf of"))
    stand_in = ObjectChoiceField(
        label=_("Colleague who comes instead"),
        required=False,
        empty_label=_("Nobody"),
        help_text=_("Only when you are excused."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=300,
        required=False,
        help_text=_("For example a food allergy for a lunch."),
    )

    def __init__(self, *args, partners, colleagues, **kwargs):
        """``partners``: the partners the person works for; ``colleagues``: their colleagues.

        People without a partner (staff of the vzw) answer for themselves only.
        """
        super().__init__(*args, **kwargs)
        if partners:
            self.fields["partner"].set_objects(partners)
            if len(partners) == 1:
                self.fields["partner"].widget = forms.HiddenInput()
        else:
            del self.fields["partner"]
        self.fields["stand_in"].set_objects(colleagues, label=person_name)
        if not colleagues:
            # Kept (hidden) so that a made-up stand-in is refused rather than ignored.
            self.fields["stand_in"].widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        if data.get("stand_in") and data.get("answer") != Attendance.Rsvp.EXCUSED:
            self.add_error("stand_in", _("Only someone who is excused can name a stand-in."))
        return data


class ActionStatusForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["status"]
        labels = {"status": _("New status")}


class InterestForm(BootstrapMixin, forms.Form):
    partner = ObjectChoiceField(label=_("Partner"))
    role = forms.ChoiceField(
        label=_("Your part"), choices=Interest.Role.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=1000,
        required=False,
        help_text=_("What you can bring in, or a question."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].set_objects(partners)
        if len(partners) == 1:
            self.fields["partner"].widget = forms.HiddenInput()


class DecisionSearchForm(BootstrapMixin, forms.Form):
    q = forms.CharField(label=_("Search in decisions"), max_length=100, required=False)
