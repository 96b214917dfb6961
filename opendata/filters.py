"""The HSDS query parameters. They are cumulative (all given ones apply, as HSDS requires); a
value of the wrong form (not a UUID, not a date) answers 400 with the reason, never 500."""

import django_filters
from django.db.models import Q

from aanbod.models import Offer
from aanbod.search import search_offers

from . import taxonomy


class ServiceFilter(django_filters.FilterSet):
    """Filters services (offers). ``offer_path`` reaches the offer from the filtered model."""

    offer_path = ""

    taxonomy_term_id = django_filters.UUIDFilter(method="filter_term")
    taxonomy_id = django_filters.UUIDFilter(method="filter_taxonomy")
    organization_id = django_filters.UUIDFilter(method="filter_organization")
    modified_after = django_filters.IsoDateTimeFilter(method="filter_modified_after")
    # Last: the search orders its results by relevance.
    search = django_filters.CharFilter(method="filter_search")

    def _offers(self, queryset, condition):
        if not self.offer_path:
            return queryset.filter(condition)
        return queryset.filter(**{f"{self.offer_path}__in": Offer.objects.filter(condition)})

    def filter_term(self, queryset, name, value):
        return self._offers(queryset, taxonomy.term_condition(value))

    def filter_taxonomy(self, queryset, name, value):
        return self._offers(queryset, taxonomy.taxonomy_condition(value))

    def filter_organization(self, queryset, name, value):
        co_provided = Offer.co_providers.through.objects.filter(partner__uuid=value)
        return self._offers(
            queryset, Q(provider__uuid=value) | Q(pk__in=co_provided.values("offer_id"))
        )

    def filter_modified_after(self, queryset, name, value):
        return self._offers(queryset, Q(updated_at__gte=value))

    def filter_search(self, queryset, name, value):
        if not self.offer_path:
            return search_offers(queryset, value)[0]
        found, _fallback = search_offers(Offer.objects.published(), value)
        return queryset.filter(**{f"{self.offer_path}__in": found.values("pk")})


class ServiceAtLocationFilter(ServiceFilter):
    offer_path = "offer"


class NameSearchFilter(django_filters.FilterSet):
    search = django_filters.CharFilter(field_name="name", lookup_expr="icontains")
