from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, default):
    """The ``next`` target of a form (a page of this site to go back to), else ``default``.

    Only a local path counts: it starts with one "/" and names no other site. Anything else
    would be taken by redirect() for a URL name ("foo" fails, "logout" leads to a page), and
    the logout page is no page to go back to.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and url_has_allowed_host_and_scheme(target, allowed_hosts=None)
        and not _is_logout(target)
    ):
        return target
    return default


def _is_logout(target):
    path = unquote(urlsplit(target).path)
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            return resolve(path).url_name == "logout"
    except Resolver404:
        return False
