"""Logging in with an e-mail address, and the login name django-axes counts failures for."""

import unicodedata

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

# django-axes stores the login name it counts in a varchar(255).
AXES_USERNAME_MAX_LENGTH = 255


def normalise_address(address):
    """An e-mail address (or login name) in the one form we compare it in: NFKC, case folded,
    without surrounding spaces. "KIM@x.be", "ｋｉｍ@x.be" and " kim@x.be" are one address;
    "kım@x.be" (dotless ı) stays another."""
    folded = unicodedata.normalize("NFKC", address or "").casefold()
    return unicodedata.normalize("NFKC", folded).strip()


def accounts_with_address(address):
    """The accounts whose e-mail address or username is `address` (see normalise_address).

    The database narrows the search, but its case folding is not ours (PostgreSQL makes
    "kım" and "kim" equal), so the candidates are compared again in Python.
    """
    address = normalise_address(address)
    accounts = get_user_model()._default_manager
    if not address:
        return accounts.none()
    candidates = accounts.filter(Q(email__iexact=address) | Q(username__iexact=address))
    matching = [
        pk
        for pk, email, username in candidates.values_list("pk", "email", "username")
        if address in (normalise_address(email), normalise_address(username))
    ]
    return accounts.filter(pk__in=matching)


def account_for_login(username):
    """The one account a login name names, or None.

    Two accounts whose addresses differ only in case (made outside our forms) are ambiguous:
    the exact username decides, and without one nobody is logged in rather than a random
    account.
    """
    candidates = list(accounts_with_address(username).order_by("pk")[:3])
    exact = [user for user in candidates if user.get_username() == username.strip()]
    return exact[0] if exact else candidates[0] if len(candidates) == 1 else None


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
        user = account_for_login(username)
        if user is None:
            # Hash anyway, so the response time does not tell whether the address exists.
            user_model().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def axes_username(request, credentials):
    """The login name axes counts failures for: the account the typed name logs in to, so
    every spelling of it ("Jan@X.be", "ｊａｎ@x.be ") counts on one account's counter, and a
    correct password on one spelling resets that one counter. A name that logs in to no
    account is counted as typed, normalised."""
    data = credentials if credentials is not None else getattr(request, "POST", {})
    username = data.get("username") or ""
    user = account_for_login(username)
    name = normalise_address(user.get_username() if user else username)
    return name[:AXES_USERNAME_MAX_LENGTH] or None
