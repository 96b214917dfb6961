from django.conf import settings


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
