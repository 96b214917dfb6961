"""django-import-export in the admin, with the admin's own answer to an unknown filter."""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from import_export.admin import ImportExportMixin


class ImportExportAdminMixin(ImportExportMixin):
    """The export page filters like the list it comes from; a filter the list does not know
    (a hand-edited or stale link) sends the coordinator back to the list with a message,
    as the list itself does, instead of failing."""

    def export_action(self, request):
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            messages.error(
                request,
                _(
                    "The export link had a filter this list does not know. "
                    "Filter the list, then export again."
                ),
            )
            opts = self.model._meta
            return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
