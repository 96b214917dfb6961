from django import forms
from django.contrib import admin, messages
from django.db import models
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.spreadsheets import excel_csv
from netwerk import services
from netwerk.models import ActionItem, AgendaItem, Attendance, Meeting
from partners.models import person_name

from . import pages

SMALL_TEXTAREA = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}}


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = [
        "order",
        "title",
        "kind",
        "presenter",
        "presenter_partner",
        "duration_minutes",
        "report",
        "coordinator_note",
        "decision",
    ]
    autocomplete_fields = ["presenter", "presenter_partner", "report"]
    formfield_overrides = SMALL_TEXTAREA
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    fields = ["person", "partner", "rsvp", "stand_in", "note", "presence", "invited_at"]
    readonly_fields = ["invited_at"]
    autocomplete_fields = ["person", "partner", "stand_in"]


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    fk_name = "meeting"
    extra = 0
    fields = ["title", "agenda_item", "owner_partner", "owner_person", "due_date", "status"]
    autocomplete_fields = ["owner_partner", "owner_person"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agenda_item":
            # Only this meeting's agenda items; none yet while the meeting is being created.
            meeting_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = AgendaItem.objects.filter(meeting_id=meeting_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = [
        "starts_at",
        "display_title",
        "group",
        "kind",
        "status",
        "attending",
        "present",
        "partners_represented",
        "minutes_status",
    ]
    list_display_links = ["starts_at", "display_title"]
    list_filter = ["group", "kind", "status", "format", "minutes_status"]
    date_hierarchy = "starts_at"
    search_fields = ["title", "group__name", "description", "agenda_items__title"]
    list_select_related = ["group"]
    autocomplete_fields = ["group", "location"]
    readonly_fields = [
        "uid",
        "sequence",
        "created_at",
        "updated_at",
        "minutes_published_at",
        "open_action_points",
    ]
    save_as = True
    inlines = [AgendaItemInline, AttendanceInline, ActionItemInline]
    actions = [
        "export_attendance_csv",
        "mark_present",
        "send_invitations",
        "cancel_meetings",
    ]
    fieldsets = [
        (None, {"fields": ["group", "kind", "title", "description", "status"]}),
        (
            _("When and where"),
            {
                "fields": [
                    ("starts_at", "ends_at"),
                    "format",
                    "location",
                    "location_text",
                    "online_url",
                ]
            },
        ),
        (_("Registration"), {"fields": ["capacity", "registration_deadline"]}),
        (_("Follow-up"), {"fields": ["open_action_points"]}),
        (_("Minutes"), {"fields": ["minutes", "minutes_status", "minutes_published_at"]}),
        (
            _("Calendar"),
            {"fields": ["uid", "sequence", "created_at", "updated_at"], "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(description=_("title"), ordering="title")
    def display_title(self, meeting):
        return meeting.display_title

    @admin.display(description=_("attending"), ordering="attending_count")
    def attending(self, meeting):
        return meeting.attending_count

    @admin.display(description=_("present"), ordering="present_count")
    def present(self, meeting):
        return meeting.present_count

    @admin.display(description=_("partners represented"), ordering="partner_count")
    def partners_represented(self, meeting):
        return meeting.partner_count

    @admin.display(description=_("open action points of the group"))
    def open_action_points(self, meeting):
        if not meeting.pk:
            return "–"
        items = ActionItem.objects.open().filter(group_id=meeting.group_id)
        items = items.select_related("owner_partner", "owner_person")
        if not items:
            return _("None")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> – {} ({})</li>',
                (
                    (
                        reverse("admin:netwerk_actionitem_change", args=[item.pk]),
                        item.title,
                        item.owner_display,
                        item.due_date.strftime("%d-%m-%Y") if item.due_date else "–",
                    )
                    for item in items
                ),
            ),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/intekenlijst/",
                view(self.sign_in_sheet_view),
                name="netwerk_meeting_sign_in_sheet",
            ),
            path(
                "deelname/",
                view(self.participation_view),
                name="netwerk_meeting_participation",
            ),
        ] + super().get_urls()

    def sign_in_sheet_view(self, request, pk):
        return pages.sign_in_sheet(self, request, pk)

    def participation_view(self, request):
        return pages.participation(self, request)

    @admin.action(description=_("Export attendance (CSV for Excel)"), permissions=["view"])
    def export_attendance_csv(self, request, queryset):
        response, writer = excel_csv("aanwezigheden.csv")
        writer.writerow(
            [
                _("date"),
                _("meeting"),
                _("group"),
                _("name"),
                _("e-mail address"),
                _("on behalf of"),
                _("answer"),
                _("stand-in"),
                _("presence"),
                _("note"),
            ]
        )
        attendances = (
            Attendance.objects.filter(meeting__in=queryset)
            .select_related("meeting__group", "person", "partner", "stand_in")
            .order_by("meeting__starts_at", "partner__name", "person__email")
        )
        for attendance in attendances:
            meeting = attendance.meeting
            writer.writerow(
                [
                    timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M"),
                    meeting.display_title,
                    meeting.group.name,
                    person_name(attendance.person),
                    attendance.person.email,
                    attendance.partner.name if attendance.partner else "",
                    attendance.get_rsvp_display(),
                    person_name(attendance.stand_in),
                    attendance.get_presence_display(),
                    attendance.note,
                ]
            )
        return response

    @admin.action(description=_("Mark everyone attending as present"), permissions=["change"])
    def mark_present(self, request, queryset):
        updated, skipped = services.mark_attending_present(meetings=list(queryset))
        self.message_user(
            request,
            ngettext(
                "%(count)d person marked as present.",
                "%(count)d people marked as present.",
                updated,
            )
            % {"count": updated},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                _("Meetings that have not started or are cancelled were skipped: %(count)d.")
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Send invitations by e-mail"), permissions=["change"])
    def send_invitations(self, request, queryset):
        sent = up_to_date = cancelled = 0
        for meeting in queryset:
            if meeting.is_cancelled:
                cancelled += 1
                continue
            done, skipped = services.send_invitations(meeting=meeting)
            sent += done
            up_to_date += skipped
        self.message_user(
            request,
            _("Invitations sent: %(sent)d. Already had the latest version: %(skipped)d.")
            % {"sent": sent, "skipped": up_to_date},
            messages.SUCCESS,
        )
        if cancelled:
            self.message_user(
                request,
                _("Cancelled meetings get no invitations: %(count)d skipped.")
                % {"count": cancelled},
                messages.WARNING,
            )

    @admin.action(description=_("Cancel meetings and notify"), permissions=["change"])
    def cancel_meetings(self, request, queryset):
        meetings = [m for m in queryset.order_by("starts_at") if not m.is_cancelled]
        if request.POST.get("confirm") != "yes":
            return TemplateResponse(
                request,
                "admin/netwerk/meeting/cancel_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "opts": self.model._meta,
                    "title": _("Cancel meetings"),
                    "meetings": meetings,
                    "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
                    "action": "cancel_meetings",
                },
            )
        sent = sum(services.meeting_cancel(meeting=m) for m in meetings)
        self.message_user(
            request,
            _("Meetings cancelled: %(count)d. Cancellations sent: %(sent)d.")
            % {"count": len(meetings), "sent": sent},
            messages.SUCCESS,
        )
