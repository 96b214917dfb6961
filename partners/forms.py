import hashlib
import re

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, SetPasswordMixin, UsernameField
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.core.validators import MaxLengthValidator
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from common import outbox
from common.client import client_ip_address
from common.images import delete_after_commit, redrawn
from common.throttle import take_slot

from .backends import accounts_with_address, normalise_address
from .models import Application, Invitation, Membership, Partner

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MIN_SIDE = 64
LOGO_MAX_SIDE = 4000
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}


# The longest e-mail address (RFC 5321); nobody logs in with a longer name.
LOGIN_NAME_MAX_LENGTH = 254


class LoginNameLengthMixin:
    """Refuses a login name longer than an e-mail address can be, with a form error, before
    it reaches the backends and django-axes. Django's login form only sets the HTML maxlength."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.max_length = field.widget.attrs["maxlength"] = LOGIN_NAME_MAX_LENGTH
        field.validators.append(MaxLengthValidator(LOGIN_NAME_MAX_LENGTH))


class AdminLoginForm(LoginNameLengthMixin, AdminAuthenticationForm):
    """The admin's login form (admin.site.login_form)."""


class EmailAuthenticationForm(LoginNameLengthMixin, AuthenticationForm):
    """Django's login form, asking for the e-mail address (see partners.backends)."""

    username = UsernameField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "This e-mail address and password do not match. Check both and try again. "
            "Upper and lower case matter in the password."
        ),
    }


# At most this many reset mails an hour for one address, and reset requests from one client.
PASSWORD_RESETS_PER_ADDRESS = 3
PASSWORD_RESETS_PER_CLIENT = 10
PASSWORD_RESET_WINDOW = 60 * 60


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, finding the account as logging in does (partners.backends), with a
    limit per client and per address, and its e-mail through the outbox: sent after the
    request, and tried again when the mail server fails."""

    def save(self, *args, request, **kwargs):
        """Mail the link, unless the client or the address asked too often this hour. The
        page after it is the same either way: it tells nobody whether the address has an
        account, nor that the limit was reached."""
        window = PASSWORD_RESET_WINDOW
        client = client_ip_address(request) or ""
        address = normalise_address(self.cleaned_data["email"])
        if take_slot(
            "password-reset-client", client, limit=PASSWORD_RESETS_PER_CLIENT, window=window
        ) and take_slot(
            "password-reset-address", address, limit=PASSWORD_RESETS_PER_ADDRESS, window=window
        ):
            super().save(*args, request=request, **kwargs)

    def get_users(self, email):
        address = normalise_address(email)
        return (
            user
            for user in accounts_with_address(email).filter(is_active=True)
            if user.has_usable_password() and normalise_address(user.email) == address
        )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            message.attach_alternative(
                render_to_string(html_email_template_name, context), "text/html"
            )
        outbox.queue([message])


def email_is_member(partner, email):
    return partner.memberships.filter(user__in=accounts_with_address(email)).exists()


def check_not_a_member(partner, email):
    """ValidationError when the address already belongs to a member of the partner."""
    if email_is_member(partner, email):
        raise ValidationError(
            _("%(email)s is already a member of %(partner)s."),
            code="already_member",
            params={"email": email, "partner": partner},
        )


class InvitationForm(forms.ModelForm):
    """Invite a person to the partner's team (the portal's team page and the admin)."""

    class Meta:
        model = Invitation
        fields = ["email", "role"]
        help_texts = {
            "email": _("We send the invitation to this address. It is valid for 7 days."),
            "role": _(
                "Editors keep the organisation's information up to date. Managers can "
                "also invite and remove team members."
            ),
        }

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partner = partner

    def clean_email(self):
        email = normalise_address(self.cleaned_data["email"])
        check_not_a_member(self.instance.partner, email)
        return email


class InvitationAdminForm(forms.ModelForm):
    """The admin's add form: the same rules as on the team page, with a choice of partner."""

    class Meta:
        model = Invitation
        fields = ["partner", "email", "role"]

    def clean(self):
        cleaned_data = super().clean()
        partner, email = cleaned_data.get("partner"), cleaned_data.get("email")
        if partner and email:
            cleaned_data["email"] = email = normalise_address(email)
            try:
                check_not_a_member(partner, email)
            except ValidationError as error:
                self.add_error("email", error)
        return cleaned_data


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        widget=forms.Select(attrs={"class": "form-select form-select-sm w-auto"}),
    )


class AcceptInvitationForm(SetPasswordMixin, forms.Form):
    """A new account for an invited person: the e-mail address comes from the invitation."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput({"autocomplete": "family-name"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        self.validate_passwords()
        # The password validators compare with the person's name and address.
        self.validate_password_for_user(
            get_user_model()(
                username=self.email,
                email=self.email,
                first_name=cleaned_data.get("first_name", ""),
                last_name=cleaned_data.get("last_name", ""),
            )
        )
        return cleaned_data


PHONE_PATTERN = re.compile(r"^\+?[0-9 ./()-]{6,40}$")


def clean_phone_number(value):
    phone = " ".join(value.split())
    if phone and not PHONE_PATTERN.match(phone):
        raise ValidationError(
            _("Enter a phone number with digits, spaces and + . / ( ) - only."),
            code="invalid_phone",
        )
    return phone


class LogoField(forms.ImageField):
    """An uploaded logo: really a PNG, JPEG or WebP image (Pillow reads it), small enough to
    serve and large enough to show. What is stored is the image drawn anew, under a random
    name (common.images.redrawn): none of the uploaded bytes are served as they came."""

    default_error_messages = {
        "too_large": _("The file is %(size)s; a logo can be at most %(max)s."),
        "format": _("Upload a PNG, JPEG or WebP image."),
        "too_small_image": _(
            "The image is %(width)s×%(height)s pixels; it must be at least %(min)s×%(min)s."
        ),
        "too_big_image": _(
            "The image is %(width)s×%(height)s pixels; it can be at most %(max)s×%(max)s."
        ),
    }

    def to_python(self, data):
        # Check the size before Pillow reads the file.
        if data and getattr(data, "size", 0) > LOGO_MAX_BYTES:
            raise ValidationError(
                self.error_messages["too_large"],
                code="too_large",
                params={"size": filesizeformat(data.size), "max": filesizeformat(LOGO_MAX_BYTES)},
            )
        upload = super().to_python(data)
        if upload is None:
            return None
        image = upload.image
        if image.format not in LOGO_FORMATS:
            raise ValidationError(self.error_messages["format"], code="format")
        width, height = image.size
        params = {"width": width, "height": height, "min": LOGO_MIN_SIDE, "max": LOGO_MAX_SIDE}
        if min(width, height) < LOGO_MIN_SIDE:
            raise ValidationError(
                self.error_messages["too_small_image"], code="too_small_image", params=params
            )
        if max(width, height) > LOGO_MAX_SIDE:
            raise ValidationError(
                self.error_messages["too_big_image"], code="too_big_image", params=params
            )
        return redrawn(upload)


def _same_content(stored_file, upload):
    """True when an upload is byte for byte the logo already stored (a repeated submit)."""
    try:
        if stored_file.size != upload.size:
            return False
        with stored_file.open("rb") as stored:
            stored_hash = hashlib.sha256(stored.read()).hexdigest()
    except OSError:
        return False
    upload.seek(0)
    upload_hash = hashlib.sha256(upload.read()).hexdigest()
    upload.seek(0)
    return stored_hash == upload_hash


class LogoFormMixin:
    """A partner form with a logo: the file of a replaced or removed logo is deleted once
    the change is committed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._stored_logo = self.instance.logo.name

    def save(self, commit=True):
        partner = super().save(commit)
        if partner.logo.name != self._stored_logo:
            delete_after_commit(partner.logo.storage, self._stored_logo)
        return partner


class PartnerProfileForm(LogoFormMixin, forms.ModelForm):
    """What partner staff may change about their organisation. Name, slug, status and
    partner_since are the coordinators' (admin)."""

    website = forms.URLField(
        label=capfirst(_("website")),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
    )
    logo = LogoField(
        label=capfirst(_("logo")),
        required=False,
        help_text=_(
            "PNG, JPEG or WebP, at most 2 MB, at least 64×64 and at most 4000×4000 pixels."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )

    class Meta:
        model = Partner
        fields = ["description", "email", "phone", "website", "address", "logo"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "description": _("What your organisation does, in plain language for parents."),
            "email": _("The general address parents and partners can write to."),
            "address": _("Street and number, postcode and municipality."),
        }

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data["phone"])

    logo_unchanged = False

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if (
            isinstance(logo, UploadedFile)
            and self.instance.logo
            and _same_content(self.instance.logo, logo)
        ):
            self.logo_unchanged = True
            return self.instance.logo
        return logo

    def has_real_changes(self):
        """Whether saving would change anything; a repeated upload of the same logo does not."""
        changed = set(self.changed_data)
        if self.logo_unchanged:
            changed.discard("logo")
        return bool(changed)


# A partner's portal lives at /mijn/<slug>/; these addresses under /mijn/ are the portal's own
# (/mijn/netwerk/ is the network section, /mijn/analyse/ the analysis), so no partner may take
# them as its slug.
# tests/partners/test_reserved_slugs.py checks that every fixed address under /mijn/ is here.
RESERVED_PARTNER_SLUGS = frozenset({"netwerk", "analyse"})


class PartnerAdminForm(LogoFormMixin, forms.ModelForm):
    """The base of the partner admin's form; the admin adds the model and its fields."""

    logo = LogoField(label=capfirst(_("logo")), required=False)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug.lower() in RESERVED_PARTNER_SLUGS:
            raise ValidationError(
                _("“%(slug)s” is already used by the portal itself. Choose another slug."),
                code="reserved_slug",
                params={"slug": slug},
            )
        return slug


def _honeypot():
    # As on the "Klopt er iets niet?" form: off screen and hidden from screen readers, so
    # people leave it empty, but spam robots fill in every field they find.
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


def signature_tick(partner_name, version):
    """The explicit tick that signs; without a name yet, it names "the organisation above"."""
    if partner_name:
        label = _(
            "On behalf of %(partner)s I sign the engagement declaration (version %(version)s)."
        ) % {"partner": partner_name, "version": version}
    else:
        label = _(
            "On behalf of the organisation above I sign the engagement declaration "
            "(version %(version)s)."
        ) % {"version": version}
    return forms.BooleanField(
        label=label,
        error_messages={
            "required": _("Tick this box to sign the engagement declaration."),
        },
    )


class ApplicationForm(forms.ModelForm):
    """The public "Partner worden" form. The pillars come from the page that shows it
    (partners does not know the catalogue's pillars): `pillar_choices` as (slug, name)."""

    homepage = _honeypot()

    class Meta:
        model = Application
        fields = [
            "name",
            "kind",
            "address",
            "website",
            "offer",
            "pillars",
            "contact_name",
            "contact_email",
            "contact_phone",
            "signed_by",
            "signer_role",
        ]
        labels = {
            "offer": _("What does your organisation offer families?"),
            "pillars": _("Which pillars does your offer belong to?"),
            "signed_by": _("Name of the person who signs"),
            "signer_role": _("Role of the person who signs"),
        }
        help_texts = {
            "address": _("Street and number, postcode and municipality."),
            "offer": _("In a few sentences, in plain language."),
            "pillars": _("Choose one or more."),
            "contact_email": _(
                "We answer you at this address, and send the invitation to the portal to it."
            ),
            "signer_role": _("For example: director, coordinator, chair of the board."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "offer": forms.Textarea(attrs={"rows": 5}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    website = forms.URLField(
        label=capfirst(_("website")),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
    )

    def __init__(self, *args, declaration, pillar_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.declaration = declaration
        self.fields["pillars"] = forms.MultipleChoiceField(
            label=self.fields["pillars"].label,
            help_text=self.fields["pillars"].help_text,
            choices=pillar_choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Choose at least one pillar.")},
        )
        name = " ".join(self.data.get(self.add_prefix("name"), "").split()) if self.is_bound else ""
        self.fields["signed"] = signature_tick(name, declaration.version)
        self.order_fields([*self.Meta.fields, "signed", "homepage"])

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if Partner.objects.filter(name__iexact=name).exists():
            raise ValidationError(
                _("%(name)s is already a partner. Ask its manager to invite you to its team."),
                code="already_partner",
                params={"name": name},
            )
        return name

    def clean_contact_phone(self):
        return clean_phone_number(self.cleaned_data["contact_phone"])

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("homepage"))


class DeclarationSignForm(forms.Form):
    """A manager signs a new version of the declaration in the portal."""

    signed_by = forms.CharField(
        label=_("Name of the person who signs"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    signer_role = forms.CharField(
        label=_("Role of the person who signs"),
        max_length=150,
        help_text=_("For example: director, coordinator, chair of the board."),
    )

    def __init__(self, *args, partner, declaration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signed"] = signature_tick(partner.name, declaration.version)
