from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import IntegrityError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.history_admin import HistoryAdmin

from . import services
from .forms import AdminLoginForm, InvitationAdminForm, PartnerAdminForm, email_is_member
from .models import Declaration, Invitation, Membership, Partner, Signature


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    autocomplete_fields = ["declaration"]


@admin.register(Partner)
class PartnerAdmin(HistoryAdmin):
    form = PartnerAdminForm
    list_display = ["name", "kind", "status", "partner_since", "email", "phone"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "description", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["network_contact"]
    inlines = [MembershipInline, SignatureInline]


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["user", "partner", "role", "created_at"]
    list_filter = ["role", "partner"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "partner__name"]
    autocomplete_fields = ["user", "partner"]
    list_select_related = ["user", "partner"]


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "effective_from"]
    search_fields = ["title", "version", "text"]
    inlines = [SignatureInline]


@admin.register(Signature)
class SignatureAdmin(admin.ModelAdmin):
    list_display = ["partner", "declaration", "signed_on", "signed_by"]
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
            _replaced, sent = services.invitation_send(invitation=obj, request=request)
        except IntegrityError:
            # A simultaneous submit for the same person got there first.
            obj.pk = Invitation.objects.pending().get(partner=obj.partner, email=obj.email).pk
            return
        if not sent:
            messages.error(request, _("The e-mail could not be sent. Try again later."))

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
            _replaced, sent = services.invitation_send(invitation=new, request=request)
            count += sent
        self.message_user(
            request,
            ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", count)
            % {"count": count},
        )


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
