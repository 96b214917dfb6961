from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class HSDSPagination(PageNumberPagination):
    """HSDS paging: ?page= and ?per_page=, each page described by the HSDS Page object.
    A page past the last answers 404 (DRF's "Invalid page.").

    With ?format=ndjson there is no page: everything comes at once, one object per line.
    """

    page_size = 50
    page_size_query_param = "per_page"
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        if request.accepted_renderer.format == "ndjson":
            return None
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        paginator = self.page.paginator
        return Response(
            {
                "total_items": paginator.count,
                "total_pages": paginator.num_pages,
                "page_number": self.page.number,
                "size": len(data),
                "first_page": not self.page.has_previous(),
                "last_page": not self.page.has_next(),
                "empty": paginator.count == 0,
                "contents": data,
            }
        )
