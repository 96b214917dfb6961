"""The columns of the places' and offers' CSV/XLSX import and export (django-import-export):
the coordinators' admin, and a partner's export of its own offers and places. A row is matched
on its slug; partners, pillars and themes are named by their slug, languages by their code,
the deelgemeenten of a service area by their postcode (several separated by "|"). What every
import checks first (size, encoding, columns, formulas): partners/imports.py."""

from import_export import fields, widgets

from partners.imports import CheckedResource
from partners.models import Partner

from .models import Language, Location, Offer, Pillar, Theme


def slugs(model):
    return widgets.ManyToManyWidget(model, field="slug", separator="|")


class LocationResource(CheckedResource):
    owner = fields.Field(
        attribute="owner", column_name="owner", widget=widgets.ForeignKeyWidget(Partner, "slug")
    )

    class Meta:
        model = Location
        import_id_fields = ["slug"]
        fields = [
            "slug", "name", "kind", "owner", "street", "postcode", "latitude", "longitude",
            "wheelchair", "accessibility_notes", "public_transport", "opening_hours", "phone",
            "email",
        ]  # fmt: skip
        clean_model_instances = True
        skip_unchanged = True


class OfferResource(CheckedResource):
    provider = fields.Field(
        attribute="provider",
        column_name="provider",
        widget=widgets.ForeignKeyWidget(Partner, "slug"),
    )
    pillars = fields.Field(attribute="pillars", column_name="pillars", widget=slugs(Pillar))
    themes = fields.Field(attribute="themes", column_name="themes", widget=slugs(Theme))
    languages = fields.Field(
        attribute="languages",
        column_name="languages",
        widget=widgets.ManyToManyWidget(Language, field="code", separator="|"),
    )
    service_postcodes = fields.Field(
        attribute="service_postcodes",
        column_name="service_postcodes",
        widget=widgets.SimpleArrayWidget(separator="|"),
    )

    class Meta:
        model = Offer
        import_id_fields = ["slug"]
        fields = [
            "slug", "title", "provider", "status", "summary", "description", "pillars", "themes",
            "for_expecting", "age_min_months", "age_max_months", "cost", "cost_details",
            "registration", "registration_details", "format", "service_area", "service_postcodes",
            "languages", "contact_name",
            "contact_email", "contact_phone", "website", "reviewed_at",
        ]  # fmt: skip
        clean_model_instances = True
        skip_unchanged = True
