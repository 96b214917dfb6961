"""An offer's own fields, on the portal's offer page."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, Value
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from partners.models import Partner

from ..models import MAX_AGE_MONTHS, POSTCODES, Language, Offer, Pillar, Postcode, Theme
from ..readability import readability_hints
from .common import VersionedForm, clean_phone

MAX_AGE_YEARS = MAX_AGE_MONTHS // 12


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
    service_postcodes = forms.MultipleChoiceField(
        label=_("Deelgemeenten"),
        choices=Postcode.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only with ‘some deelgemeenten’: where families can get it."),
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
            "service_area",
            "service_postcodes",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
        ]
        labels = {
            "for_expecting": _("For expecting parents (during the pregnancy)"),
            "contact_email": _("E-mail address for questions"),
            "service_area": _("For families in"),
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
            "service_area": _(
                "The area filter finds the offer in the deelgemeenten of its places, and in "
                "those chosen here: all of Leuven for home visits, phone and online help."
            ),
            "contact_name": _("Optional. Someone parents can ask for."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "cost": forms.RadioSelect,
            "registration": forms.RadioSelect,
            "service_area": forms.RadioSelect,
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
        self._add_readability_hint()
        self.helper = self._helper()

    def _add_readability_hint(self):
        """Under the summary, what would make it easier to read (aanbod.readability): for the
        summary as typed when the form comes back, else as stored."""
        if self.is_bound:
            summary = self.data.get(self.add_prefix("summary"))
        else:
            summary = self.instance.summary
        hints = readability_hints(summary)
        if hints:
            field = self.fields["summary"]
            field.help_text = format_html(
                '{} <span class="readability-hint"><strong>{}</strong> {}</span>',
                field.help_text,
                _("Easier to read?"),
                " ".join(hints),
            )

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
                "service_area",
                Div("service_postcodes", css_class="check-columns"),
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
        return clean_phone(self.cleaned_data["contact_phone"])

    def clean(self):
        cleaned_data = super().clean()
        self._clean_ages(cleaned_data)
        self._clean_service_area(cleaned_data)
        return cleaned_data

    def _clean_service_area(self, data):
        """Deelgemeenten only for ‘some deelgemeenten’, and then at least one, in the order
        of Postcode; ticked boxes under another choice are left out."""
        if data.get("service_area") != Offer.ServiceArea.AREAS:
            data["service_postcodes"] = []
        else:
            chosen = data.get("service_postcodes") or []
            data["service_postcodes"] = [code for code in POSTCODES if code in chosen]
            if not chosen and "service_postcodes" not in self._errors:
                self.add_error(
                    "service_postcodes",
                    ValidationError(
                        _("Tick the deelgemeenten where families can get it."),
                        code="no_areas",
                    ),
                )

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
