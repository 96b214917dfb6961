"""Who sees which figures. Coordinators see everything; a partner's manager sees the
network-wide figures and their own organisation's; an editor sees only their own organisation's.
Every page asks a Viewer, so the rule is written once."""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from partners.models import Membership, Partner, is_coordinator


@dataclass(frozen=True)
class Viewer:
    coordinator: bool
    sees_network: bool
    # The partners whose own figures the person sees: every partner but former ones for
    # coordinators, else those they work for.
    partners: tuple

    @property
    def partner_ids(self):
        return {partner.pk for partner in self.partners}

    def own(self, partner_id):
        return partner_id in self.partner_ids


def viewer_for(user):
    """The Viewer of a logged-in person, or None for someone who works for no partner."""
    if is_coordinator(user):
        partners = Partner.objects.exclude(status=Partner.Status.FORMER).order_by("name")
        return Viewer(coordinator=True, sees_network=True, partners=tuple(partners))
    memberships = list(
        Membership.objects.filter(user=user).select_related("partner").order_by("partner__name")
    )
    if not memberships:
        return None
    return Viewer(
        coordinator=False,
        sees_network=any(m.role == Membership.Role.MANAGER for m in memberships),
        partners=tuple(dict.fromkeys(m.partner for m in memberships)),
    )


def analysis_view(*, coordinators_only=False):
    """A logged-in analysis page, given the Viewer; 404 for anyone the page is not for."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            viewer = viewer_for(request.user)
            if viewer is None or (coordinators_only and not viewer.coordinator):
                raise Http404
            return view(request, viewer, *args, **kwargs)

        return wrapper

    return decorator
