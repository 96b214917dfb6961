from django.contrib import admin

from .models import Declaration, Membership, Partner, Signature


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 0
    autocomplete_fields = ["declaration"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "partner_since", "email", "phone"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "description", "email"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["network_contact"]
    inlines = [MembershipInline, SignatureInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
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
