from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import IntegrityError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.history_admin import HistoryAdmin
from common.images import delete_after_commit

from . import services
from .forms import AdminLoginForm, InvitationAdminForm, PartnerAdminForm, email_is_member
from .imports import CheckedImportExportMixin
from .models import (
    Application,
    ApplicationStep,
    Declaration,
    Invitation,
    Membership,
    Partner,
    Signature,
)
from .resources import PartnerResource


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    autocomplete_fields = ["declaration"]


@admin.register(Partner)
class PartnerAdmin(CheckedImportExportMixin, HistoryAdmin):
    resource_classes = [PartnerResource]
    form = PartnerAdminForm
    list_display = ["name", "kind", "status", "partner_since", "email", "phone"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "description", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["network_contact"]
    inlines = [MembershipInline, SignatureInline]

    def delete_model(self, request, obj):
        delete_after_commit(obj.logo.storage, obj.logo.name)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for partner in queryset:
            delete_after_commit(partner.logo.storage, partner.logo.name)
        super().delete_queryset(request, queryset)


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["user", "partner", "role", "created_at"]
    list_filter = ["role", "partner"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "partner__name"]
    autocomplete_fields = ["user", "partner"]
    list_select_related = ["user", "partner"]


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    """Coordinators publish a new version by adding it with the day it takes effect; from
    that day active partners are asked to sign it in their portal."""

    list_display = ["title", "version", "effective_from"]
    search_fields = ["title", "version", "text"]
    inlines = [SignatureInline]

    def get_readonly_fields(self, request, obj=None):
        # What partners signed is kept as they signed it.
        if obj is not None and obj.signatures.exists():
            return ["version", "title", "text"]
        return []


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["partner", "declaration", "signed_on", "signed_by", "signer_role"]
    list_filter = ["declaration", "signed_on"]
    search_fields = ["partner__name", "signed_by"]
    autocomplete_fields = ["partner", "declaration"]
    list_select_related = ["partner", "declaration"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Coordinators invite people to any partner here (or on the partner's team page).

    Adding sends the e-mail and replaces the person's open invitation for that partner; an
    invitation itself is not edited afterwards, only withdrawn or sent again.
    """

    form = InvitationAdminForm
    list_display = ["email", "partner", "role", "status", "created_at", "expires", "invited_by"]
    list_filter = ["status", "role", "partner"]
    search_fields = ["email", "partner__name"]
    autocomplete_fields = ["partner"]
    list_select_related = ["partner", "invited_by"]
    readonly_fields = ["status", "created_at", "invited_by", "closed_at", "accepted_by"]
    actions = ["revoke_selected", "send_again"]

    @admin.display(description=_("valid until"))
    def expires(self, invitation):
        return invitation.expires_at

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return ["partner", "email", "role", *self.readonly_fields]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return
        obj.invited_by = request.user
        try:
            services.invitation_send(invitation=obj, request=request)
        except IntegrityError:
            # A simultaneous submit for the same person got there first.
            obj.pk = Invitation.objects.pending().get(partner=obj.partner, email=obj.email).pk

    @admin.action(description=_("Withdraw the selected invitations"))
    def revoke_selected(self, request, queryset):
        count = sum(services.invitation_revoke(invitation=i) for i in queryset.pending())
        self.message_user(
            request,
            ngettext("%(count)d invitation withdrawn.", "%(count)d invitations withdrawn.", count)
            % {"count": count},
        )

    @admin.action(description=_("Send the selected invitations again with a new link"))
    def send_again(self, request, queryset):
        count = 0
        for old in queryset.exclude(status=Invitation.Status.ACCEPTED).select_related("partner"):
            if email_is_member(old.partner, old.email):
                continue
            new = Invitation(partner=old.partner, email=old.email, role=old.role)
            new.invited_by = request.user
            services.invitation_send(invitation=new, request=request)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", count)
            % {"count": count},
        )


class ApplicationStepInline(admin.TabularInline):
    model = ApplicationStep
    fields = ["at", "status", "by", "message"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


DECISIONS = {
    "_approve": "approve",
    "_ask_information": "ask_information",
    "_reject": "reject",
}


class ApplicationAdminForm(forms.ModelForm):
    """The application as the organisation sent it (coordinators may correct it, e.g. after
    asking for more information), with a message for the contact person that asking for more
    information and rejecting need. The button pressed is the decision."""

    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    decision_message = forms.CharField(
        label=_("Message to the contact person"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Needed to ask for more information or to reject; it is e-mailed to the contact person."
        ),
    )

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
            "declaration",
            "signed_by",
            "signer_role",
            "signed_on",
        ]

    @property
    def decision(self):
        return next((name for key, name in DECISIONS.items() if key in self.data), None)

    def clean(self):
        cleaned_data = super().clean()
        decision = self.decision
        if decision is None:
            return cleaned_data
        if not self.instance.is_open:
            raise forms.ValidationError(_("This application was decided already."))
        if (
            decision in ("ask_information", "reject")
            and not cleaned_data.get("decision_message", "").strip()
        ):
            self.add_error(
                "decision_message",
                _("Write the message the contact person gets with this decision."),
            )
        name = cleaned_data["name"] = " ".join(cleaned_data.get("name", "").split())
        if decision == "approve" and Partner.objects.filter(name__iexact=name).exists():
            self.add_error(
                "name",
                _("A partner is called %(name)s already. Change the name to approve.")
                % {"name": name},
            )
        return cleaned_data


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    form = ApplicationAdminForm
    change_form_template = "admin/partners/application/change_form.html"
    list_display = ["name", "kind", "contact_name", "declaration", "status", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "contact_name", "contact_email", "signed_by"]
    list_select_related = ["declaration"]
    readonly_fields = ["status", "created_at", "partner"]
    inlines = [ApplicationStepInline]
    fieldsets = [
        (None, {"fields": ["status", "created_at", "partner"]}),
        (
            _("Organisation"),
            {"fields": ["name", "kind", "address", "website", "offer", "pillars"]},
        ),
        (_("Contact person"), {"fields": ["contact_name", "contact_email", "contact_phone"]}),
        (_("Signature"), {"fields": ["declaration", "signed_by", "signer_role", "signed_on"]}),
        (_("Decision"), {"fields": ["decision_message"]}),
    ]

    def has_add_permission(self, request):
        # Applications come from the public "Partner worden" page.
        return False

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not obj.is_open:
            return self.fieldsets[:-1]
        return self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_open:
            return [field.name for field in Application._meta.fields if field.name != "id"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        decision = form.decision
        message = form.cleaned_data.get("decision_message", "").strip()
        try:
            if decision == "approve":
                partner = services.application_approve(
                    application=obj, by=request.user, request=request
                )
                self.message_user(
                    request,
                    _(
                        "%(partner)s is now an active partner. %(email)s was invited to "
                        "manage it in the portal."
                    )
                    % {"partner": partner.name, "email": obj.contact_email},
                    messages.SUCCESS,
                )
            elif decision == "ask_information":
                services.application_ask_information(
                    application=obj, by=request.user, message=message
                )
                self.message_user(
                    request,
                    _("Your question was e-mailed to %(email)s.") % {"email": obj.contact_email},
                    messages.SUCCESS,
                )
            elif decision == "reject":
                services.application_reject(application=obj, by=request.user, message=message)
                self.message_user(
                    request,
                    _("The application was rejected; %(email)s was told why.")
                    % {"email": obj.contact_email},
                    messages.SUCCESS,
                )
        except services.ApplicationClosed:
            self.message_user(request, _("This application was decided already."), messages.WARNING)

    def response_change(self, request, obj):
        if any(key in request.POST for key in DECISIONS):
            return redirect(request.path)
        return super().response_change(request, obj)


User = get_user_model()


class CoordinatorSafeUserAdmin(UserAdmin):
    """Coordinators manage people and may make someone coordinator (staff status + the
    Coordinators group), but only superusers grant superuser status or single permissions,
    or change a superuser's account."""

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


admin.site.unregister(User)
admin.site.register(User, CoordinatorSafeUserAdmin)
# The admin's login refuses over-long login names like the portal's (partners.forms).
admin.site.login_form = AdminLoginForm
