from django.contrib import admin
from django.db import models, transaction
from django.db.models import F

from common.history_admin import HistoryAdmin
from partners.imports import CheckedImportExportMixin

from .models import (
    Activity,
    ErrorReport,
    FilterLog,
    Language,
    Location,
    Offer,
    OfferLocation,
    Pillar,
    ReviewReminder,
    ScheduleSlot,
    SearchLog,
    Theme,
)
from .resources import LocationResource, OfferResource


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


# The history admins ("History" on a change page) show who changed what and let coordinators
# put an earlier version back.
@admin.register(Location)
class LocationAdmin(CheckedImportExportMixin, HistoryAdmin):
    resource_classes = [LocationResource]
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


class RaisesOfferVersionMixin:
    """Changing where or when an offer happens is a change of the offer: its version goes up,
    so a partner's open places or activities form in the portal is refused, not overwritten."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            Offer.objects.filter(pk=obj.offer_id).update(version=F("version") + 1)

    def delete_model(self, request, obj):
        with transaction.atomic():
            super().delete_model(request, obj)
            Offer.objects.filter(pk=obj.offer_id).update(version=F("version") + 1)


# Links typed without https:// get it, as in the portal's forms.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ActivityInline(admin.TabularInline):
    model = Activity
    formfield_overrides = URL_FIELDS
    extra = 0
    autocomplete_fields = ["location"]
    fields = ["title", "starts_at", "ends_at", "location", "capacity", "is_cancelled"]


@admin.register(Offer)
class OfferAdmin(CheckedImportExportMixin, HistoryAdmin):
    resource_classes = [OfferResource]
    list_display = ["title", "provider", "status", "cost", "registration", "reviewed_at"]
    list_filter = [
        "status",
        "pillars",
        "cost",
        "registration",
        "format",
        "service_area",
        "for_expecting",
    ]
    search_fields = ["title", "summary", "description", "provider__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["provider", "co_providers", "pillars", "themes", "languages"]
    list_select_related = ["provider"]
    date_hierarchy = "updated_at"
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [OfferLocationInline, ActivityInline]
    formfield_overrides = URL_FIELDS

    def save_model(self, request, obj, form, change):
        # A change here (or putting back an old version from the history) is a new version,
        # so partner staff with the offer open in the portal are told instead of overwriting.
        if change:
            with transaction.atomic():
                Offer.objects.filter(pk=obj.pk).update(version=F("version") + 1)
                obj.version = Offer.objects.values_list("version", flat=True).get(pk=obj.pk)
                super().save_model(request, obj, form, change)
        else:
            super().save_model(request, obj, form, change)


class ScheduleSlotInline(admin.TabularInline):
    model = ScheduleSlot
    extra = 0


@admin.register(OfferLocation)
class OfferLocationAdmin(RaisesOfferVersionMixin, HistoryAdmin):
    list_display = ["offer", "location", "schedule"]
    list_filter = ["location__postcode"]
    search_fields = ["offer__title", "location__name"]
    autocomplete_fields = ["offer", "location"]
    list_select_related = ["offer", "location"]
    inlines = [ScheduleSlotInline]


@admin.register(Activity)
class ActivityAdmin(RaisesOfferVersionMixin, HistoryAdmin):
    list_display = ["__str__", "offer", "location", "starts_at", "capacity", "is_cancelled"]
    list_filter = ["is_cancelled", "offer__pillars"]
    search_fields = ["title", "offer__title", "location__name"]
    autocomplete_fields = ["offer", "location"]
    list_select_related = ["offer", "location"]
    date_hierarchy = "starts_at"
    formfield_overrides = URL_FIELDS


@admin.register(ErrorReport)
class ErrorReportAdmin(admin.ModelAdmin):
    list_display = ["offer", "created_at", "status", "contact", "handled_by"]
    list_filter = ["status", "created_at"]
    search_fields = ["offer__title", "message", "contact"]
    autocomplete_fields = ["offer"]
    list_select_related = ["offer", "handled_by"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "handled_by"]


@admin.register(ReviewReminder)
class ReviewReminderAdmin(admin.ModelAdmin):
    """What remind_offer_review sent, to answer "did we ask them?"."""

    list_display = ["offer", "recipient", "sent_at"]
    list_filter = ["sent_at"]
    search_fields = ["offer__title", "recipient"]
    list_select_related = ["offer"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SearchLog)
class SearchLogAdmin(admin.ModelAdmin):
    list_display = ["query", "result_count", "searched_on"]
    list_filter = ["searched_on"]
    search_fields = ["query"]
    date_hierarchy = "searched_on"

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FilterLog)
class FilterLogAdmin(admin.ModelAdmin):
    list_display = ["filters", "result_count", "searched_on"]
    list_filter = ["searched_on"]
    search_fields = ["filters"]
    date_hierarchy = "searched_on"

    def has_change_permission(self, request, obj=None):
        return False
