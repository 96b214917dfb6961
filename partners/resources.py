"""The columns of the partners' CSV/XLSX import and export in the admin (django-import-export).
A row is matched on its slug: a known slug updates that partner, a new one adds a partner.
What every import checks first (size, encoding, columns, formulas): partners/imports.py."""

from .imports import CheckedResource
from .models import Partner


class PartnerResource(CheckedResource):
    class Meta:
        model = Partner
        import_id_fields = ["slug"]
        fields = [
            "slug", "name", "kind", "status", "description", "website", "email", "phone",
            "address", "partner_since",
        ]  # fmt: skip
        clean_model_instances = True  # model validation: a bad value is that row's error
        skip_unchanged = True
