"""The referral forms: consent first (ConsentForm), then the few details (DetailsForm); the
receiving partner's answers; the coordinators' subject access search."""

from datetime import date

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.forms.common import clean_phone
from aanbod.models import Location, Offer
from partners.models import Partner

from .crypto import normalise_contact
from .models import (
    NEEDS_DETAIL,
    YOUNG_PERSON_CONSENT_FROM_AGE,
    AgeBand,
    ConsentBy,
    ConsentMethod,
    ContactMethod,
    DeclineReason,
    Outcome,
    Referral,
)

CONSENT_TOKEN_SALT = "referrals.consent"
CONSENT_TOKEN_MAX_AGE = 2 * 3600  # seconds to fill in the details after the consent
NOTE_MAX_LENGTH = 500
# The age bands in which the young person consents (from 12), and those in which only they
# may (adults).
YOUNG_PERSON_MAY_CONSENT = (AgeBand.FROM_12, AgeBand.FROM_18)
ONLY_YOUNG_PERSON_CONSENTS = (AgeBand.FROM_18,)


class Target:
    """Where a referral goes: a partner, one of its offers, or a Huis van het Kind run by a
    partner. Encoded in one form value ("p-3", "o-12", "h-4"), so one list, that works without
    JavaScript, offers all of them."""

    def __init__(self, receiver, offer=None, huis=None):
        self.receiver, self.offer, self.huis = receiver, offer, huis

    @property
    def value(self):
        if self.offer:
            return f"o-{self.offer.pk}"
        if self.huis:
            return f"h-{self.huis.pk}"
        return f"p-{self.receiver.pk}"

    def __str__(self):
        if self.offer:
            return f"{self.offer.title} ({self.receiver.name})"
        if self.huis:
            return f"{self.huis.name} ({self.receiver.name})"
        return self.receiver.name

    @classmethod
    def choices(cls, sender):
        """Grouped choices: each other partner with its published offers, then the Huizen."""
        offers = {}
        for offer in Offer.objects.published().exclude(provider=sender).order_by("title"):
            offers.setdefault(offer.provider_id, []).append(offer)
        groups = []
        for partner in Partner.objects.public().exclude(pk=sender.pk).order_by("name"):
            options = [
                (
                    f"p-{partner.pk}",
                    _("%(partner)s (no particular offer)") % {"partner": partner.name},
                )
            ]
            options += [(f"o-{offer.pk}", offer.title) for offer in offers.get(partner.pk, [])]
            groups.append((partner.name, options))
        huizen = cls._huizen().exclude(owner=sender)
        if huizen:
            groups.append(
                (
                    _("Huis van het Kind"),
                    [(f"h-{huis.pk}", f"{huis.name} ({huis.owner.name})") for huis in huizen],
                )
            )
        return groups

    @staticmethod
    def _huizen():
        return (
            Location.objects.filter(
                kind=Location.Kind.HUIS_VAN_HET_KIND, owner__in=Partner.objects.public()
            )
            .select_related("owner")
            .order_by("name")
        )

    @classmethod
    def from_value(cls, value, sender):
        """The target a form value names, or None when it names nothing the sender may refer
        to (an unknown id, its own partner, an unpublished offer)."""
        kind, _dash, pk = (value or "").partition("-")
        if not pk.isdigit():
            return None
        partners = Partner.objects.public().exclude(pk=sender.pk)
        if kind == "p":
            receiver = partners.filter(pk=pk).first()
            return cls(receiver) if receiver else None
        if kind == "o":
            offer = (
                Offer.objects.published()
                .filter(pk=pk, provider__in=partners)
                .select_related("provider")
                .first()
            )
            return cls(offer.provider, offer=offer) if offer else None
        if kind == "h":
            huis = cls._huizen().filter(pk=pk).exclude(owner=sender).first()
            return cls(huis.owner, huis=huis) if huis else None
        return None


CHOOSE_TARGET = _("Choose a partner, an offer or a Huis van het Kind.")


class ConsentForm(forms.Form):
    target = forms.ChoiceField(
        label=_("Refer to"),
        help_text=_("A partner, one of its offers, or a Huis van het Kind."),
        error_messages={"invalid_choice": CHOOSE_TARGET},
    )
    consent = forms.ChoiceField(
        label=_("Did the family agree that you pass on their details?"),
        choices=[
            ("yes", _("Yes, they agreed")),
            ("no", _("No, or not asked yet")),
        ],
        widget=forms.RadioSelect,
    )
    age_band = forms.ChoiceField(
        label=_("Age of the child or young person"),
        choices=AgeBand.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    consent_by = forms.ChoiceField(
        label=_("Who agreed?"),
        choices=ConsentBy.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_(
            "A young person of %(age)s or older agrees for themselves: from that age a minor is "
            "presumed able to judge this (as in the Flemish decree on the legal position of "
            "minors in youth care). For a younger child a parent agrees; from 18 only the "
            "young adult themselves."
        )
        % {"age": YOUNG_PERSON_CONSENT_FROM_AGE},
    )
    consent_on = forms.DateField(
        label=_("When did they agree?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    consent_method = forms.ChoiceField(
        label=_("How did they agree?"),
        choices=ConsentMethod.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    consent_scope = forms.BooleanField(
        label=_(
            "They agreed that the details on the next page are shared with this partner, to "
            "contact them about their question."
        ),
        required=False,
    )

    def __init__(self, *args, sender, **kwargs):
        super().__init__(*args, **kwargs)
        self.sender = sender
        self.fields["target"].choices = [("", "---------"), *Target.choices(sender)]
        self.fields["consent_on"].initial = timezone.localdate

    def clean_target(self):
        target = Target.from_value(self.cleaned_data["target"], self.sender)
        if target is None:
            raise ValidationError(CHOOSE_TARGET)
        return target

    def clean_consent_on(self):
        day = self.cleaned_data["consent_on"]
        if day and day > timezone.localdate():
            raise ValidationError(_("The date of the consent cannot be in the future."))
        return day

    @property
    def has_consent(self):
        return self.cleaned_data.get("consent") == "yes"

    def clean(self):
        cleaned = super().clean()
        if not self.has_consent:
            return cleaned  # the flow stops; nothing else is needed
        required = {
            "age_band": _("Choose the age of the child or young person."),
            "consent_by": _("Say who agreed."),
            "consent_on": _("Enter the date they agreed."),
            "consent_method": _("Say how they agreed."),
            "consent_scope": _("Only refer when they agreed to share these details."),
        }
        for name, message in required.items():
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)
        band, by = cleaned.get("age_band"), cleaned.get("consent_by")
        if by == ConsentBy.YOUNG_PERSON and band and band not in YOUNG_PERSON_MAY_CONSENT:
            self.add_error(
                "consent_by",
                _("Under %(age)s a parent agrees for the child.")
                % {"age": YOUNG_PERSON_CONSENT_FROM_AGE},
            )
        if by == ConsentBy.PARENT and band in ONLY_YOUNG_PERSON_CONSENTS:
            self.add_error("consent_by", _("From 18 the young adult agrees themselves."))
        return cleaned

    def token(self, form_key):
        """The recorded consent, signed for the details page: nothing is saved before the
        details are complete, and it cannot be altered on the way."""
        data = self.cleaned_data
        return signing.dumps(
            {
                "target": data["target"].value,
                "age_band": data["age_band"],
                "consent_by": data["consent_by"],
                "consent_on": data["consent_on"].isoformat(),
                "consent_method": data["consent_method"],
                "form_key": str(form_key),
            },
            salt=CONSENT_TOKEN_SALT,
        )


def read_consent_token(token, sender):
    """The consent data of a token and its target, or None when it is altered, too old, or
    its target is gone."""
    try:
        data = signing.loads(token or "", salt=CONSENT_TOKEN_SALT, max_age=CONSENT_TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    target = Target.from_value(data.get("target"), sender)
    if target is None:
        return None
    return {**data, "consent_on": date.fromisoformat(data["consent_on"])}, target


class DetailsForm(forms.ModelForm):
    token = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Referral
        fields = [
            "first_name",
            "contact_method",
            "contact_detail",
            "language",
            "interpreter_needed",
            "question",
        ]
        labels = {"interpreter_needed": _("An interpreter is needed")}
        help_texts = {
            "first_name": _("Only the first name, or initials. No surname."),
            "contact_detail": _(
                "The phone number, e-mail address or postal address that goes with the way "
                "of contact. Leave it empty for ‘through the referrer’ and ‘do not contact’."
            ),
            "language": _("For example: Dutch, French, Arabic."),
            "question": _("A few lines: what the family asks for. No medical or other details."),
        }
        widgets = {
            "first_name": forms.TextInput(attrs={"maxlength": 40, "autocomplete": "off"}),
            "contact_method": forms.RadioSelect,
            "contact_detail": forms.TextInput(attrs={"maxlength": 200, "autocomplete": "off"}),
            "language": forms.TextInput(attrs={"maxlength": 40}),
            "question": forms.Textarea(attrs={"rows": 4, "maxlength": 600}),
        }

    LIMITS = {"first_name": 40, "contact_detail": 200, "language": 40, "question": 600}

    def clean(self):
        cleaned = super().clean()
        for name, limit in self.LIMITS.items():
            value = (cleaned.get(name) or "").strip()
            if len(value) > limit:
                self.add_error(
                    name,
                    _("Keep this to %(limit)s characters (now %(count)s).")
                    % {"limit": limit, "count": len(value)},
                )
            elif name in cleaned:
                cleaned[name] = value
        method, detail = cleaned.get("contact_method"), cleaned.get("contact_detail", "")
        if method in NEEDS_DETAIL and not detail and "contact_detail" not in self.errors:
            self.add_error("contact_detail", _("Fill in where to reach the family this way."))
        elif method and method not in NEEDS_DETAIL and detail:
            self.add_error(
                "contact_detail", _("Leave this empty: no detail is needed for this way.")
            )
        elif detail and "contact_detail" not in self.errors:
            self._check_detail(method, detail, cleaned)
        return cleaned

    def _check_detail(self, method, detail, cleaned):
        try:
            if method == ContactMethod.EMAIL:
                validate_email(detail)
                cleaned["contact_detail"] = detail.lower()
            elif method in (ContactMethod.PHONE, ContactMethod.TEXT):
                cleaned["contact_detail"] = clean_phone(detail)
                if len(normalise_contact(detail)) < 8:
                    raise ValidationError(_("Enter the whole phone number."))
            elif method == ContactMethod.LETTER and len(detail) < 10:
                raise ValidationError(_("Enter the street, number, postcode and town."))
        except ValidationError as error:
            self.add_error("contact_detail", error)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you decline?"), choices=DeclineReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Explanation for the referrer (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PassOnForm(forms.Form):
    passed_to = forms.ModelChoiceField(
        label=_("Pass on to"),
        queryset=Partner.objects.none(),
        error_messages={"invalid_choice": _("Choose one of the partners in the list.")},
    )
    consent = forms.BooleanField(
        label=_("The family agreed that their details are shared with this partner."),
        error_messages={"required": _("Only pass on when the family agreed.")},
    )
    note = forms.CharField(
        label=_("Note for the next partner and the referrer (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["passed_to"].queryset = (
            Partner.objects.public()
            .exclude(pk__in=[referral.sender_id, referral.receiver_id])
            .order_by("name")
        )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note for the referrer (optional)"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SubjectAccessForm(forms.Form):
    contact = forms.CharField(
        label=_("E-mail address or phone number"),
        max_length=200,
        help_text=_("As the person gives it; spaces, dots and a leading 0 or +32 do not matter."),
    )

    def clean_contact(self):
        value = self.cleaned_data["contact"].strip()
        if "@" in value:
            validate_email(value)
        elif len(normalise_contact(value)) < 8:
            raise ValidationError(_("Enter an e-mail address or a whole phone number."))
        return value
