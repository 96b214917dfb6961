from django.contrib import admin

from .models import (
    ErrorReport,
    Language,
    Location,
    Offer,
    OfferLocation,
    Pillar,
    ScheduleSlot,
    SearchLog,
    Session,
    Theme,
)


@admin.register(Pillar)
class PillarAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "is_basic"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "native_name", "code"]
    search_fields = ["name", "native_name", "code"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "postcode", "owner", "wheelchair"]
    list_filter = ["kind", "postcode", "wheelchair"]
    search_fields = ["name", "street", "owner__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owner"]
    list_select_related = ["owner"]


class OfferLocationInline(admin.TabularInline):
    model = OfferLocation
    extra = 0
    autocomplete_fields = ["location"]
    show_change_link = True


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    autocomplete_fields = ["location"]
    fields = ["title", "starts_at", "ends_at", "location", "capacity", "is_cancelled"]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "provider", "status", "cost", "registration", "reviewed_at"]
    list_filter = ["status", "pillars", "cost", "registration", "format", "for_expecting"]
    search_fields = ["title", "summary", "description", "provider__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["provider", "co_providers", "pillars", "themes", "languages"]
    list_select_related = ["provider"]
    date_hierarchy = "updated_at"
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [OfferLocationInline, SessionInline]


class ScheduleSlotInline(admin.TabularInline):
    model = ScheduleSlot
    extra = 0


@admin.register(OfferLocation)
class OfferLocationAdmin(admin.ModelAdmin):
    list_display = ["offer", "location", "schedule"]
    list_filter = ["location__postcode"]
    search_fields = ["offer__title", "location__name"]
    autocomplete_fields = ["offer", "location"]
    list_select_related = ["offer", "location"]
    inlines = [ScheduleSlotInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "offer", "location", "starts_at", "capacity", "is_cancelled"]
    list_filter = ["is_cancelled", "offer__pillars"]
    search_fields = ["title", "offer__title", "location__name"]
    autocomplete_fields = ["offer", "location"]
    list_select_related = ["offer", "location"]
    date_hierarchy = "starts_at"


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    list_display = ["offer", "created_at", "status", "contact"]
    list_filter = ["status", "created_at"]
    search_fields = ["offer__title", "message", "contact"]
    autocomplete_fields = ["offer"]
    list_select_related = ["offer"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at"]


@admin.register(SearchLog)
class SearchLogAdmin(admin.ModelAdmin):
    list_display = ["query", "result_count", "searched_on"]
    list_filter = ["searched_on"]
    search_fields = ["query"]
    date_hierarchy = "searched_on"

    def has_change_permission(self, request, obj=None):
        return False
