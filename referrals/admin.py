"""Referrals in the admin, for coordinators: anonymous counts only (the "Referrals" list is the
counts page), the subject access search (GDPR articles 15 and 17: find one person's referrals
by e-mail address or phone number, export or erase them; every use logged) and the access log,
read-only. No page here shows a family's details except that search."""

import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import services
from .crypto import contact_lookup
from .forms import SubjectAccessForm
from .models import AccessLogEntry, Referral
from .stats import referral_counts


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Referral)
class ReferralAdmin(ReadOnlyAdmin):
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "gegevensvraag/",
                view(self.subject_access_view),
                name="referrals_referral_subject_access",
            ),
        ] + super().get_urls()

    def _context(self, request, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            **extra,
        }

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return TemplateResponse(
            request,
            "admin/referrals/statistics.html",
            self._context(request, _("Referrals: anonymous counts"), **referral_counts()),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # A referral's details are for its two partners; coordinators see counts.
        raise PermissionDenied

    def subject_access_view(self, request):
        """Find one person's referrals by their e-mail address or phone number; export them
        (article 15) or erase their details (article 17). Each shown, exported or erased
        referral is logged."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else request.GET
        form = SubjectAccessForm(data if "contact" in data else None)
        found = None
        if form.is_bound and form.is_valid():
            found = Referral.objects.filter(
                contact_lookup=contact_lookup(form.cleaned_data["contact"])
            ).select_related("sender", "receiver", "offer")
            action = request.POST.get("action") if request.method == "POST" else None
            if action == "export":
                return self._export(request, found)
            if action == "erase":
                return self._erase(request, found)
            found = list(found)
            services.log_access(
                user=request.user, action=AccessLogEntry.Action.SEARCHED, referrals=found
            )
        return TemplateResponse(
            request,
            "admin/referrals/subject_access.html",
            self._context(
                request,
                _("Referrals of one person"),
                form=form,
                found=found,
                may_erase=request.user.has_perm("referrals.delete_referral"),
            ),
        )

    def _export(self, request, referrals):
        referrals = list(referrals.prefetch_related("events"))
        services.log_access(
            user=request.user, action=AccessLogEntry.Action.EXPORTED, referrals=referrals
        )
        rows = [export_row(referral) for referral in referrals]
        response = HttpResponse(
            json.dumps(rows, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="doorverwijzingen.json"'
        return response

    def _erase(self, request, referrals):
        if not request.user.has_perm("referrals.delete_referral"):
            raise PermissionDenied
        referrals = list(referrals)
        services.log_access(
            user=request.user, action=AccessLogEntry.Action.ERASED, referrals=referrals
        )
        count = services.referral_erase(
            referrals=Referral.objects.filter(pk__in=[r.pk for r in referrals])
        )
        self.message_user(
            request,
            _("The personal details of %(count)s referrals were erased.") % {"count": count},
            messages.SUCCESS,
        )
        return redirect("admin:referrals_referral_subject_access")


def export_row(referral):
    """Everything kept about a referral, the family's details included, in plain words."""
    return {
        "number": referral.pk,
        "sent_at": referral.created_at,
        "from": referral.sender.name,
        "to": referral.receiver.name,
        "offer": referral.offer.title if referral.offer else None,
        "status": referral.get_status_display(),
        "consent_by": referral.get_consent_by_display(),
        "consent_on": referral.consent_on,
        "consent_method": referral.get_consent_method_display(),
        "age_band": referral.get_age_band_display(),
        "first_name": referral.first_name,
        "contact_method": referral.get_contact_method_display(),
        "contact_detail": referral.contact_detail,
        "language": referral.language,
        "interpreter_needed": referral.interpreter_needed,
        "question": referral.question,
        "outcome": referral.get_outcome_display(),
        "steps": [
            {"at": event.at, "status": event.get_status_display(), "note": event.note}
            for event in referral.events.all()
        ],
        "exported_at": timezone.now(),
    }


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "partner", "referral_number", "action"]
    list_filter = ["action", "partner"]
    search_fields = ["user__email"]
    date_hierarchy = "at"
    list_select_related = ["user", "partner"]
    fields = ["at", "user", "partner", "referral_number", "action"]
    readonly_fields = fields

    @admin.display(description=gettext_lazy("referral"))
    def referral_number(self, entry):
        return entry.referral_id
