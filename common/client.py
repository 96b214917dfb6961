import ipaddress

from django.conf import settings

from common.throttle import take_slot


def client_ip_address(request):
    """The client's address, for counting failed logins (django-axes) and rate limits.

    Each of our settings.TRUSTED_PROXIES reverse proxies adds the address it got the request
    from to X-Forwarded-For, so the client is the TRUSTED_PROXIES-th entry from the end: the
    address the outermost proxy saw. The entries before it came with the request and can be
    forged. With fewer entries than proxies the first one counts; with 0 proxies, or without a
    valid address there, the address of the connection itself (REMOTE_ADDR).
    """
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXIES
    if not proxies:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
    if not addresses:
        return remote
    address = addresses[-proxies:][0]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return remote


def take_submission_slot(request, *, scope, limit, window_seconds):
    """Count one submission of a public form (`scope`) for this client; False once it sent
    `limit` in the window. Counted in the shared cache (common.throttle), by a keyed hash of
    the client's address: the address itself is stored nowhere."""
    return take_slot(scope, client_ip_address(request) or "", limit=limit, window=window_seconds)
