from django.contrib import admin
from django.db.models import Count, Q
from django.urls import path
from django.utils.translation import gettext_lazy as _

from netwerk.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    GroupMember,
    Interest,
    NetworkGroup,
    Opportunity,
    SentReminder,
    WorkgroupReport,
)

from . import pages


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0
    fields = ["partner", "person", "role", "start_date", "end_date"]
    autocomplete_fields = ["partner", "person"]


@admin.register(NetworkGroup)
class NetworkGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "theme", "is_active", "member_count"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "theme", "mandate"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [GroupMemberInline]

    def get_queryset(self, request):
        current = Q(members__in=GroupMember.objects.current())
        return (
            super()
            .get_queryset(request)
            .annotate(member_count=Count("members__partner", filter=current, distinct=True))
        )

    @admin.display(description=_("member partners"), ordering="member_count")
    def member_count(self, group):
        return group.member_count


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "te_laat"

    def lookups(self, request, model_admin):
        return [("ja", _("Yes")), ("nee", _("No"))]

    def queryset(self, request, queryset):
        overdue = ActionItem.objects.overdue().values("pk")
        if self.value() == "ja":
            return queryset.filter(pk__in=overdue)
        if self.value() == "nee":
            return queryset.exclude(pk__in=overdue)
        return queryset


@admin.register(ActionItem)
class ActionItemAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "owner_partner",
        "owner_person",
        "group",
        "due_date",
        "status",
        "overdue",
    ]
    list_editable = ["due_date", "status"]
    list_filter = [OverdueFilter, "status", "group", "owner_partner"]
    search_fields = ["title", "description", "owner_partner__name", "owner_person__email"]
    autocomplete_fields = ["group", "meeting", "agenda_item", "owner_partner", "owner_person"]
    list_select_related = ["owner_partner", "owner_person", "group"]
    readonly_fields = ["completed_on", "created_at", "updated_at"]

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, item):
        return item.is_overdue

    def get_urls(self):
        view = self.admin_site.admin_view(self.overdue_view)
        return [path("te-laat/", view, name="netwerk_actionitem_overdue")] + super().get_urls()

    def overdue_view(self, request):
        return pages.overdue(self, request)


class DecisionFilter(admin.SimpleListFilter):
    title = _("decision")
    parameter_name = "besluit"

    def lookups(self, request, model_admin):
        return [("ja", _("Yes")), ("nee", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.exclude(decision="")
        if self.value() == "nee":
            return queryset.filter(decision="")
        return queryset


class AgendaActionItemInline(admin.TabularInline):
    model = ActionItem
    fk_name = "agenda_item"
    extra = 0
    fields = ["title", "owner_partner", "owner_person", "due_date", "status"]
    autocomplete_fields = ["owner_partner", "owner_person"]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "kind", "presenter_partner"]
    list_filter = ["kind", DecisionFilter, "meeting__group"]
    search_fields = ["title", "decision", "meeting__title", "meeting__group__name"]
    autocomplete_fields = ["meeting", "presenter", "presenter_partner", "report"]
    list_select_related = ["meeting__group", "presenter_partner"]
    inlines = [AgendaActionItemInline]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["person", "partner", "meeting", "rsvp", "stand_in", "presence"]
    list_filter = ["rsvp", "presence", "meeting__group"]
    search_fields = ["person__email", "person__first_name", "person__last_name", "partner__name"]
    autocomplete_fields = ["meeting", "person", "partner", "stand_in"]
    list_select_related = ["person", "partner", "meeting__group", "stand_in"]
    readonly_fields = ["rsvp_at", "invited_at"]


@admin.register(WorkgroupReport)
class WorkgroupReportAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "period_start", "period_end", "status"]
    list_filter = ["status", "group"]
    search_fields = ["title", "summary", "questions", "group__name"]
    autocomplete_fields = ["group"]
    list_select_related = ["group"]


class InterestInline(admin.TabularInline):
    model = Interest
    extra = 0
    fields = ["partner", "role", "person", "note"]
    autocomplete_fields = ["partner", "person"]


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "funder", "deadline", "status", "interest_count"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "funder", "description"]
    date_hierarchy = "deadline"
    inlines = [InterestInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(interest_count=Count("interests"))

    @admin.display(description=_("interested partners"), ordering="interest_count")
    def interest_count(self, opportunity):
        return opportunity.interest_count


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["kind", "key", "recipient", "sent_at"]
    list_filter = ["kind", "sent_at"]
    search_fields = ["key", "recipient"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
