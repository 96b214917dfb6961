"""The read-only Open Referral HSDS 3.0 API (/api/hsds/): JSON, or NDJSON with ?format=ndjson.

It serves what the public pages show, and nothing else: published offers (the catalogue's own
``published()``), the partners the site lists (``public()``), their places.
"""

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics
from rest_framework.decorators import api_view, renderer_classes
from rest_framework.exceptions import NotFound
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from aanbod.models import Offer, OfferLocation
from partners.models import Partner

from . import datapackage, serializers, taxonomy
from .filters import NameSearchFilter, ServiceAtLocationFilter, ServiceFilter
from .pagination import HSDSPagination
from .renderers import NDJSONRenderer

HSDS_VERSION = "3.0"
OPENAPI_FILE = Path(__file__).with_name("openapi.json")


def open_to_all(response, request):
    """Open data: any web page may read it from a browser (CORS), and embed it."""
    if request.method in ("GET", "HEAD"):
        response["Access-Control-Allow-Origin"] = "*"
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


class HSDSView:
    """What every endpoint shares: JSON or NDJSON, HSDS paging, open to all, in Dutch (the
    language of the data, whatever the browser asks)."""

    renderer_classes = [JSONRenderer, NDJSONRenderer]
    pagination_class = HSDSPagination
    lookup_field = "uuid"
    lookup_url_kwarg = "id"

    def dispatch(self, request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        # An id that is not a UUID names no object: 404, as an unknown one does.
        try:
            uuid.UUID(self.kwargs[self.lookup_url_kwarg])
        except ValueError:
            raise NotFound from None
        return super().get_object()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return open_to_all(response, request)


def published_offers():
    """The offers the open data serves, with what their HSDS objects need in a few queries."""
    return (
        Offer.objects.published()
        .select_related("provider")
        .prefetch_related(
            "pillars",
            "themes",
            "languages",
            Prefetch(
                "offer_locations",
                queryset=OfferLocation.objects.select_related("location__owner").prefetch_related(
                    "slots"
                ),
            ),
        )
    )


def public_partners():
    """The partners the site lists, and any other provider of a published offer (a former
    partner whose offer is still shown), so every service's organization_id names one."""
    offers = Offer.objects.published().only("uuid", "title", "provider_id")
    providers = Offer.objects.published().values("provider_id")
    return Partner.objects.filter(
        Q(pk__in=Partner.objects.public().values("pk")) | Q(pk__in=providers)
    ).prefetch_related(Prefetch("offers", queryset=offers, to_attr="published_offers"))


def service_at_locations():
    return (
        OfferLocation.objects.filter(offer__in=Offer.objects.published())
        .select_related("location__owner", "offer__provider")
        .prefetch_related(
            "slots",
            "offer__pillars",
            "offer__themes",
            "offer__languages",
            Prefetch(
                "offer__offer_locations",
                queryset=OfferLocation.objects.select_related("location__owner").prefetch_related(
                    "slots"
                ),
            ),
        )
        .order_by("offer__title", "location__name", "pk")
    )


class ServiceList(HSDSView, generics.ListAPIView):
    serializer_class = serializers.ServiceSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ServiceFilter

    def get_queryset(self):
        return published_offers().order_by("title", "pk")


class ServiceDetail(HSDSView, generics.RetrieveAPIView):
    serializer_class = serializers.ServiceSerializer

    def get_queryset(self):
        return published_offers()


class OrganizationList(HSDSView, generics.ListAPIView):
    serializer_class = serializers.OrganizationSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = NameSearchFilter

    def get_queryset(self):
        return public_partners().order_by("name", "pk")


class OrganizationDetail(HSDSView, generics.RetrieveAPIView):
    serializer_class = serializers.OrganizationSerializer

    def get_queryset(self):
        return public_partners()


class ServiceAtLocationList(HSDSView, generics.ListAPIView):
    serializer_class = serializers.ServiceAtLocationWithServiceSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ServiceAtLocationFilter

    def get_queryset(self):
        return service_at_locations()


class ServiceAtLocationDetail(HSDSView, generics.RetrieveAPIView):
    serializer_class = serializers.ServiceAtLocationWithServiceSerializer

    def get_queryset(self):
        return service_at_locations()


class InMemoryList(HSDSView, generics.ListAPIView):
    """Taxonomies and their terms: a few dozen, filtered in Python."""

    def get_items(self):
        raise NotImplementedError

    def get_queryset(self):
        items = self.get_items()
        search = self.request.query_params.get("search", "").strip().lower()
        if search:
            items = [item for item in items if search in item.name.lower()]
        return items


class InMemoryDetail(HSDSView, generics.RetrieveAPIView):
    def get_object(self):
        try:
            wanted = uuid.UUID(self.kwargs["id"])
        except ValueError:
            raise NotFound from None
        for item in self.get_items():
            if item.id == wanted:
                return item
        raise NotFound


class TaxonomyList(InMemoryList):
    serializer_class = serializers.TaxonomySerializer

    def get_items(self):
        return taxonomy.TAXONOMIES


class TaxonomyDetail(InMemoryDetail):
    serializer_class = serializers.TaxonomySerializer

    def get_items(self):
        return taxonomy.TAXONOMIES


class TermList(InMemoryList):
    serializer_class = serializers.TermSerializer

    def get_queryset(self):
        terms = super().get_queryset()
        taxonomy_id = self.request.query_params.get("taxonomy_id")
        if taxonomy_id:
            terms = [term for term in terms if str(term.taxonomy.id) == taxonomy_id.strip()]
        return terms

    def get_items(self):
        return taxonomy.all_terms()


class TermDetail(InMemoryDetail):
    serializer_class = serializers.TermSerializer

    def get_items(self):
        return taxonomy.all_terms()


def _absolute(request, name):
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse(name))


@api_view(["GET"])
@renderer_classes([JSONRenderer])
def root(request):
    response = Response(
        {
            "version": HSDS_VERSION,
            "profile": _absolute(request, "opendata:profile"),
            "openapi_url": _absolute(request, "hsds:openapi"),
        }
    )
    return open_to_all(response, request)


@api_view(["GET"])
@renderer_classes([JSONRenderer])
def openapi(request):
    document = json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))
    document["servers"] = [{"url": _absolute(request, "hsds:root").rstrip("/")}]
    return open_to_all(Response(document), request)


# The data package is the largest answer the site gives (about 3 s at 1,000 offers), so one is
# made at most every few minutes per site address (its links are absolute).
DATA_PACKAGE_CACHE_SECONDS = 10 * 60


@require_safe
def data_package_download(request):
    """Everything the API serves as one HSDS tabular data package (see datapackage.py)."""
    key = f"opendata:datapackage:{request.build_absolute_uri('/')}"
    content = cache.get(key)
    if content is None:
        with translation.override(settings.LANGUAGE_CODE):
            content = datapackage.data_package(
                request,
                offers=published_offers().order_by("title", "pk"),
                partners=public_partners().order_by("name", "pk"),
            )
        cache.set(key, content, DATA_PACKAGE_CACHE_SECONDS)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{datapackage.FILE_NAME}"'
    return open_to_all(response, request)


def open_data_page(request):
    return render(
        request,
        "opendata/open_data.html",
        {"api_root": request.build_absolute_uri(reverse("hsds:root"))},
    )


def profile_page(request):
    return render(
        request,
        "opendata/profile.html",
        {
            "taxonomies": taxonomy.TAXONOMIES,
            "features": taxonomy.FEATURE_TERMS,
            "api_root": request.build_absolute_uri(reverse("hsds:root")),
        },
    )
