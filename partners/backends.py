"""Logging in with an e-mail address, and the hooks django-axes uses to count failed logins."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q


def accounts_with_address(address):
    """The accounts an e-mail address names: by e-mail or username, in any letter case."""
    return get_user_model()._default_manager.filter(
        Q(email__iexact=address) | Q(username__iexact=address)
    )


class EmailBackend(ModelBackend):
    """Authenticates with the e-mail address in any letter case.

    Accounts are created with username = e-mail address, and the forms keep e-mail addresses
    unique without regard to case. Older accounts (a superuser made with createsuperuser) may
    still log in with their username.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        user_model = get_user_model()
        if username is None:
            username = kwargs.get(user_model.USERNAME_FIELD)
        if not username or password is None:
            return None
        username = username.strip()
        candidates = list(accounts_with_address(username).order_by("pk")[:3])
        exact = [user for user in candidates if user.get_username() == username]
        # Two accounts differing only in case (made outside our forms) are ambiguous: the exact
        # username decides, and without one nobody is logged in rather than a random account.
        user = exact[0] if exact else candidates[0] if len(candidates) == 1 else None
        if user is None:
            # Hash anyway, so the response time does not tell whether the address exists.
            user_model().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def axes_username(request, credentials):
    """The login name axes counts failures for: case and surrounding spaces do not matter,
    so "Jan@X.be" and "jan@x.be " count as the same account."""
    data = credentials if credentials is not None else getattr(request, "POST", {})
    username = data.get("username") or ""
    return username.strip().lower() or None


def client_ip_address(request):
    """The client's address for counting failed logins.

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
