"""Middleware every request passes through."""

from django.core.exceptions import BadRequest


def reject_nul_characters(get_response):
    """400 Bad Request for a NUL character in the path, the query string or the form fields.

    No page takes one, and PostgreSQL refuses text that contains it: it would otherwise end in
    a 500 in whichever query it reaches first (a calendar token in the path, a login name).
    """

    def middleware(request):
        if "\x00" in request.path or _has_nul(request.GET) or _has_nul(request.POST):
            raise BadRequest("NUL character in the request")
        return get_response(request)

    return middleware


def _has_nul(data):
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in data.lists()
    )
