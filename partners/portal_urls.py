"""The partner staff portal, mounted at /mijn/: the partners a person works for, each partner's
team and profile. The apps built on partners add their own portal pages (aanbod.portal_urls);
the root URLconf joins them under one "portal" namespace. Every URL with a partner slug answers
404 to people who may not act for that partner (tests/partners/test_portal_scoping.py walks
them all)."""

from django.urls import path

from . import portal

urlpatterns = [
    path("", portal.index, name="index"),
    path("<slug:slug>/team/", portal.team, name="team"),
    path("<slug:slug>/team/<int:membership_id>/rol/", portal.member_role, name="member_role"),
    path(
        "<slug:slug>/team/<int:membership_id>/verwijderen/",
        portal.member_remove,
        name="member_remove",
    ),
    path(
        "<slug:slug>/team/uitnodigingen/<int:invitation_id>/intrekken/",
        portal.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<slug:slug>/profiel/", portal.profile, name="profile"),
]
