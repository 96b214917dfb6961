"""Coordinator pages inside the admin: sign-in sheet, participation grid, overdue points."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.spreadsheets import excel_csv
from netwerk import participation as participation_grid
from netwerk.models import ActionItem, Attendance, Meeting
from partners.models import person_name

BLANK_ROWS = 8  # for people who come without registering


def _context(model_admin, request, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        **extra,
    }


def _require_view(model_admin, request):
    if not model_admin.has_view_permission(request):
        raise PermissionDenied


def sign_in_sheet(model_admin, request, pk):
    _require_view(model_admin, request)
    meeting = get_object_or_404(
        Meeting.objects.select_related("group", "location").prefetch_related("agenda_items"),
        pk=pk,
    )
    expected = (
        meeting.attendances.filter(
            Q(rsvp=Attendance.Rsvp.ATTENDING) | Q(presence=Attendance.Presence.PRESENT)
        )
        .select_related("person", "partner")
        .order_by("partner__name", "person__last_name", "person__email")
    )
    return TemplateResponse(
        request,
        "admin/netwerk/meeting/sign_in_sheet.html",
        _context(
            model_admin,
            request,
            _("Sign-in sheet"),
            meeting=meeting,
            attendances=expected,
            blank_rows=range(BLANK_ROWS),
        ),
    )


def _year(request):
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def participation(model_admin, request):
    _require_view(model_admin, request)
    year = _year(request)
    meetings, rows = participation_grid.grid(year)
    if request.GET.get("formaat") == "csv":
        return _participation_csv(year, meetings, rows)
    return TemplateResponse(
        request,
        "admin/netwerk/meeting/participation.html",
        _context(
            model_admin,
            request,
            _("Participation in %(year)d") % {"year": year},
            year=year,
            previous_year=year - 1,
            next_year=year + 1,
            meetings=meetings,
            rows=rows,
        ),
    )


CELL_TEXT = {
    participation_grid.PRESENT: "P",
    participation_grid.EXCUSED: "V",
    participation_grid.ABSENT: "A",
    participation_grid.NOT_EXPECTED: "",
}


def _participation_csv(year, meetings, rows):
    response, writer = excel_csv(f"deelname-{year}.csv")
    header = [_("partner")]
    header += [f"{timezone.localtime(m.starts_at):%d-%m-%Y} {m.display_title}" for m in meetings]
    writer.writerow(header + [_("expected"), _("present"), _("excused"), _("attendance rate")])
    for row in rows:
        rate = "" if row.rate is None else f"{row.rate}%"
        writer.writerow(
            [row.partner.name]
            + [CELL_TEXT[c] for c in row.cells]
            + [row.expected, row.present, row.excused, rate]
        )
    return response


def overdue(model_admin, request):
    _require_view(model_admin, request)
    today = timezone.localdate()
    items = (
        ActionItem.objects.overdue(today)
        .select_related("owner_partner", "owner_person", "group", "meeting")
        .order_by("owner_partner__name", "due_date")
    )
    rows = [
        {
            "item": item,
            "days": (today - item.due_date).days,
            "person": person_name(item.owner_person),
        }
        for item in items
    ]
    return TemplateResponse(
        request,
        "admin/netwerk/actionitem/overdue.html",
        _context(model_admin, request, _("Overdue action points"), rows=rows, today=today),
    )
