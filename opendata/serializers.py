"""The catalogue as Open Referral HSDS 3.0 objects.

Only what the site's public pages show is published: no draft, no person's account, no
network representative. Objects HSDS has and we keep as fields of a row (a phone, an address,
an opening-hours text) get a UUID derived from their row's, so they are as stable as the row.
"""

import uuid

from django.urls import reverse
from django.utils.text import capfirst
from rest_framework import serializers

from aanbod.models import POSTCODES, Location, Offer

from . import taxonomy

COUNTRY = "BE"
PROVINCE = "Vlaams-Brabant"
WEEKDAYS = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}


def derived_id(parent, name):
    """The UUID of an object kept inside a row: the same for as long as the row lives."""
    return str(uuid.uuid5(parent, name))


def absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


class HSDSSerializer(serializers.Serializer):
    """Leaves out the properties we have no value for: HSDS wants them absent, not empty."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {key: value for key, value in data.items() if value not in (None, "", [])}

    def url(self, path):
        return absolute(self.context.get("request"), path)


def term_data(term):
    return {
        "id": str(term.id),
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": term.taxonomy.name,
        "taxonomy_id": str(term.taxonomy.id),
        "taxonomy_detail": taxonomy_data(term.taxonomy),
        "language": "nl",
    }


def taxonomy_data(tax):
    return {
        "id": str(tax.id),
        "name": tax.name,
        "description": tax.description,
        "version": "1",
    }


def phone_data(parent, number, **links):
    if not number:
        return []
    return [{"id": derived_id(parent, "phone"), "number": number, **links}]


class LocationSerializer(HSDSSerializer):
    id = serializers.UUIDField(source="uuid")
    name = serializers.CharField()
    transportation = serializers.CharField(source="public_transport")
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()
    location_type = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    organization_id = serializers.SerializerMethodField()
    addresses = serializers.SerializerMethodField()
    phones = serializers.SerializerMethodField()
    contacts = serializers.SerializerMethodField()
    accessibility = serializers.SerializerMethodField()
    schedules = serializers.SerializerMethodField()

    def get_location_type(self, location):
        return "physical"

    def get_url(self, location):
        return self.url(location.get_absolute_url())

    def get_organization_id(self, location):
        owner = location.owner
        if owner is None or owner.status == owner.Status.FORMER:
            return None
        return str(owner.uuid)

    def get_addresses(self, location):
        return [
            {
                "id": derived_id(location.uuid, "address"),
                "location_id": str(location.uuid),
                "address_1": location.street,
                "city": location.deelgemeente,
                "state_province": PROVINCE,
                "postal_code": location.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]

    def get_phones(self, location):
        return phone_data(location.uuid, location.phone, location_id=str(location.uuid))

    def get_contacts(self, location):
        if not location.email:
            return []
        contact_id = derived_id(location.uuid, "contact")
        return [{"id": contact_id, "location_id": str(location.uuid), "email": location.email}]

    def get_accessibility(self, location):
        item = {"id": derived_id(location.uuid, "accessibility"), "location_id": str(location.uuid)}
        if location.wheelchair != Location.Wheelchair.UNKNOWN:
            item["description"] = location.get_wheelchair_display()
        if location.accessibility_notes:
            item["details"] = location.accessibility_notes
        return [item] if len(item) > 2 else []

    def get_schedules(self, location):
        if not location.opening_hours:
            return []
        return [
            {
                "id": derived_id(location.uuid, "opening_hours"),
                "location_id": str(location.uuid),
                "description": location.opening_hours,
            }
        ]


def slot_schedules(offer_location):
    """The weekly slots of an offer at a place as HSDS schedules (RFC 5545 style)."""
    return [
        {
            "id": derived_id(offer_location.uuid, f"slot:{slot.pk}"),
            "service_at_location_id": str(offer_location.uuid),
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": WEEKDAYS[slot.weekday],
            "opens_at": slot.start_time.strftime("%H:%M"),
            "closes_at": slot.end_time.strftime("%H:%M"),
        }
        for slot in offer_location.slots.all()
    ]


class ServiceAtLocationSerializer(HSDSSerializer):
    id = serializers.UUIDField(source="uuid")
    service_id = serializers.UUIDField(source="offer.uuid")
    location_id = serializers.UUIDField(source="location.uuid")
    description = serializers.CharField(source="schedule")
    schedules = serializers.SerializerMethodField()
    location = LocationSerializer()

    def get_schedules(self, offer_location):
        return slot_schedules(offer_location)


class ServiceAtLocationWithServiceSerializer(ServiceAtLocationSerializer):
    service = serializers.SerializerMethodField()

    def get_service(self, offer_location):
        return ServiceSerializer(offer_location.offer, context=self.context).data


class OrganizationBriefSerializer(HSDSSerializer):
    id = serializers.UUIDField(source="uuid")
    name = serializers.CharField()
    description = serializers.CharField()
    email = serializers.EmailField()
    website = serializers.URLField()
    uri = serializers.SerializerMethodField()
    logo = serializers.SerializerMethodField()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data.setdefault("description", "")  # required by HSDS, may be empty
        return data

    def get_uri(self, partner):
        return self.url(reverse("partners:detail", args=[partner.slug]))

    def get_logo(self, partner):
        return self.url(partner.logo.url) if partner.logo else None


class OrganizationSerializer(OrganizationBriefSerializer):
    phones = serializers.SerializerMethodField()
    services = serializers.SerializerMethodField()

    def get_phones(self, partner):
        return phone_data(partner.uuid, partner.phone, organization_id=str(partner.uuid))

    def get_services(self, partner):
        # partner.published_offers: prefetched by the view
        return [
            {"id": str(offer.uuid), "name": offer.title, "status": "active"}
            for offer in partner.published_offers
        ]


def months_to_years(months):
    years = months / 12
    return int(years) if years.is_integer() else round(years, 2)


class ServiceSerializer(HSDSSerializer):
    id = serializers.UUIDField(source="uuid")
    organization_id = serializers.UUIDField(source="provider.uuid")
    name = serializers.CharField(source="title")
    description = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    email = serializers.EmailField(source="contact_email")
    status = serializers.SerializerMethodField()
    application_process = serializers.SerializerMethodField()
    fees_description = serializers.SerializerMethodField()
    eligibility_description = serializers.CharField(source="audience_display")
    minimum_age = serializers.SerializerMethodField()
    maximum_age = serializers.SerializerMethodField()
    assured_date = serializers.SerializerMethodField()
    last_modified = serializers.DateTimeField(source="updated_at")
    organization = OrganizationBriefSerializer(source="provider")
    phones = serializers.SerializerMethodField()
    contacts = serializers.SerializerMethodField()
    languages = serializers.SerializerMethodField()
    service_areas = serializers.SerializerMethodField()
    service_at_locations = ServiceAtLocationSerializer(source="offer_locations", many=True)
    attributes = serializers.SerializerMethodField()

    def get_description(self, offer):
        return "\n\n".join(text for text in (offer.summary, offer.description) if text)

    def get_url(self, offer):
        return offer.website or self.url(offer.get_absolute_url())

    def get_status(self, offer):
        return "active"  # only published offers are served

    def get_application_process(self, offer):
        return "\n\n".join(
            text for text in (offer.get_registration_display(), offer.registration_details) if text
        )

    def get_fees_description(self, offer):
        return "\n\n".join(text for text in (offer.get_cost_display(), offer.cost_details) if text)

    def get_minimum_age(self, offer):
        return months_to_years(offer.age_min_months)

    def get_maximum_age(self, offer):
        return months_to_years(offer.age_max_months)

    def get_assured_date(self, offer):
        return offer.reviewed_at.date().isoformat() if offer.reviewed_at else None

    def get_phones(self, offer):
        return phone_data(offer.uuid, offer.contact_phone, service_id=str(offer.uuid))

    def get_contacts(self, offer):
        if not (offer.contact_name or offer.contact_email):
            return []
        contact = {"id": derived_id(offer.uuid, "contact"), "service_id": str(offer.uuid)}
        if offer.contact_name:
            contact["name"] = offer.contact_name
        if offer.contact_email:
            contact["email"] = offer.contact_email
        return [contact]

    def get_languages(self, offer):
        return [
            {
                "id": derived_id(offer.uuid, f"language:{language.code}"),
                "service_id": str(offer.uuid),
                "name": language.name,
                "code": language.code,
            }
            for language in offer.languages.all()
        ]

    def get_service_areas(self, offer):
        """Where the offer is for, when that is more than its places: all of Leuven, or some
        deelgemeenten, named and by postcode."""
        if offer.service_area == Offer.ServiceArea.LEUVEN:
            postcodes = list(POSTCODES)
        elif offer.service_area == Offer.ServiceArea.AREAS:
            postcodes = [code for code in POSTCODES if code in offer.service_postcodes]
        else:
            return []
        return [
            {
                "id": derived_id(offer.uuid, "service_area"),
                "service_id": str(offer.uuid),
                "name": capfirst(offer.service_area_display),
                "description": ", ".join(f"{code} {POSTCODES[code]}" for code in postcodes),
                "extent": " ".join(postcodes),
                "extent_type": "text",
            }
        ]

    def get_attributes(self, offer):
        return [
            {
                "id": derived_id(offer.uuid, f"attribute:{term.id}"),
                "link_id": str(offer.uuid),
                "link_type": term.taxonomy.code,
                "link_entity": "service",
                "taxonomy_term_id": str(term.id),
                "taxonomy_term": term_data(term),
            }
            for term in taxonomy.offer_terms(offer)
        ]


class TermSerializer(serializers.BaseSerializer):
    def to_representation(self, term):
        return term_data(term)


class TaxonomySerializer(serializers.BaseSerializer):
    def to_representation(self, tax):
        return taxonomy_data(tax)
