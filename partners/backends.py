"""Logging in with an e-mail address, and the login name django-axes counts failures for."""

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
