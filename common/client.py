from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def client_ip_address(request):
    """The client's address, for counting failed logins (django-axes) and error reports.

    Behind our own HTTPS proxy every request comes from the proxy, so the proxy's
    X-Forwarded-For header is used: its last entry is the address the proxy itself saw, which
    a client cannot forge (earlier entries can be).
    """
    if settings.BEHIND_HTTPS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")


def take_submission_slot(request, *, scope, limit, window_seconds):
    """Count one submission of a public form (`scope`) for this client; False once it sent
    `limit` in the window.

    The client is known only by a keyed hash of its IP address, kept in the cache for the
    length of the window; the address itself is stored nowhere.
    """
    address = client_ip_address(request) or ""
    client = salted_hmac(f"submissions.{scope}", address).hexdigest()
    key = f"{scope}:{client}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window ended between add() and incr(): this submission opens a new one.
        cache.set(key, 1, window_seconds)
        count = 1
    return count <= limit
