"""A partner's page in the portal: its offers and how fresh they are, its coming activities
and the reports from the public it still has to handle."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.redirects import safe_next
from partners.imports import CheckedCSV, CheckedXLSX
from partners.models import Partner, declaration_to_sign
from partners.views import can_manage, partner_view, post_only

from .. import services
from ..models import Activity, ErrorReport, Location, Offer
from ..resources import LocationResource, OfferResource
from .manage_common import mark_freshness

DASHBOARD_ACTIVITIES = 10
DASHBOARD_REPORTS = 20
HANDLED_REPORTS_SHOWN = 20


@partner_view()
def dashboard(request, partner):
    user = request.user
    offers = mark_freshness(
        list(
            Offer.objects.editable_by(user)
            .filter(provider=partner)
            .exclude(status=Offer.Status.ARCHIVED)
            .order_by("title")
        )
    )
    # Those to check first, then the rest; each group by title.
    offers.sort(key=lambda offer: not offer.needs_review)
    activities = (
        Activity.objects.editable_by(user)
        .filter(offer__provider=partner, ends_at__gte=timezone.now())
        .exclude(offer__status=Offer.Status.ARCHIVED)
        .select_related("offer", "location")
        .order_by("starts_at")[:DASHBOARD_ACTIVITIES]
    )
    reports = list(
        ErrorReport.objects.for_user(user)
        .open()
        .filter(offer__provider=partner)
        .select_related("offer")
        .order_by("created_at")[: DASHBOARD_REPORTS + 1]
    )
    return render(
        request,
        "aanbod/manage/dashboard.html",
        {
            "partner": partner,
            "can_manage": can_manage(user, partner),
            # Referrals are seen by the partner's own staff only, not by coordinators.
            "is_member": Partner.objects.staffed_by(user).filter(pk=partner.pk).exists(),
            "offers": offers,
            "review_count": sum(offer.needs_review for offer in offers),
            "activities": activities,
            "reports": reports[:DASHBOARD_REPORTS],
            "more_reports": len(reports) > DASHBOARD_REPORTS,
            "declaration_to_sign": declaration_to_sign(partner),
        },
    )


EXPORT_FORMATS = {"csv": CheckedCSV, "xlsx": CheckedXLSX}


def spreadsheet_download(dataset, file_format, name):
    """The rows as a CSV (for Excel with Belgian settings) or XLSX download."""
    spreadsheet = EXPORT_FORMATS[file_format]()
    response = HttpResponse(
        spreadsheet.export_data(dataset), content_type=spreadsheet.get_content_type()
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@partner_view()
def offer_export(request, partner, file_format):
    """The partner's own offers (all of them, drafts too), in the columns of the coordinators'
    import."""
    if file_format not in EXPORT_FORMATS:
        raise Http404
    offers = (
        Offer.objects.editable_by(request.user)
        .filter(provider=partner)
        .select_related("provider")
        .prefetch_related("pillars", "themes", "languages")
        .order_by("title", "pk")
    )
    return spreadsheet_download(
        OfferResource().export(offers), file_format, f"aanbod-{partner.slug}"
    )


@partner_view()
def location_export(request, partner, file_format):
    """The partner's own places, in the columns of the coordinators' import."""
    if file_format not in EXPORT_FORMATS:
        raise Http404
    locations = (
        Location.objects.editable_by(request.user)
        .filter(owner=partner)
        .select_related("owner")
        .order_by("name", "pk")
    )
    return spreadsheet_download(
        LocationResource().export(locations), file_format, f"plekken-{partner.slug}"
    )


@partner_view()
def report_list(request, partner):
    reports = (
        ErrorReport.objects.for_user(request.user)
        .filter(offer__provider=partner)
        .select_related("offer", "handled_by")
    )
    return render(
        request,
        "aanbod/manage/report_list.html",
        {
            "partner": partner,
            "open_reports": reports.open().order_by("created_at"),
            "handled_reports": reports.filter(status=ErrorReport.Status.HANDLED).order_by(
                "-handled_at"
            )[:HANDLED_REPORTS_SHOWN],
        },
    )


@partner_view()
def report_handled(request, partner, report_id):
    report = get_object_or_404(
        ErrorReport.objects.for_user(request.user)
        .filter(offer__provider=partner)
        .select_related("offer"),
        pk=report_id,
    )
    if not_allowed := post_only(request):
        return not_allowed
    if services.report_mark_handled(report=report, user=request.user):
        messages.success(
            request,
            _("The report about ‘%(offer)s’ is marked as handled.") % {"offer": report.offer},
        )
    else:
        messages.info(request, _("This report was already handled."))
    return redirect(safe_next(request, reverse("portal:dashboard", args=[partner.slug])))
