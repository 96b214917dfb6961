"""Response headers the whole site sends; the others come from Django's SecurityMiddleware and
django-csp (settings.py)."""

from django.utils.cache import add_never_cache_headers


def cross_origin_resource_policy(get_response):
    """Other sites may link to our pages but not embed our responses (images, scripts, feeds) in
    theirs. Calendar apps fetch the .ics feeds directly, which this header does not affect."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    return middleware


def no_store_for_logged_in_users(get_response):
    """Every page a logged-in user sees carries their name and often more (the secret address
    of their calendar feed, partners' contact details): neither the browser nor a proxy may
    keep a copy that the next person at a shared computer could bring back with "Back"."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

    return middleware
