"""The partner staff portal, mounted at /mijn/: the partners a person works for, each partner's
team and profile. The apps built on partners add their own portal pages (aanbod.portal_urls);
the root URLconf joins them under this namespace. Every URL with a partner slug answers 404 to
people who may not act for that partner (tests/partners/test_portal_scoping.py walks them all).

The public partner pages (/partners/, "partners:…") list offers, so aanbod serves them
(aanbod/partner_urls.py).
"""

from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/team/", views.team, name="team"),
    path("<slug:slug>/team/<int:membership_id>/rol/", views.member_role, name="member_role"),
    path(
        "<slug:slug>/team/<int:membership_id>/verwijderen/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "<slug:slug>/team/uitnodigingen/<int:invitation_id>/intrekken/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<slug:slug>/profiel/", views.profile, name="profile"),
    path(
        "<slug:slug>/engagementsverklaring/",
        views.declaration_sign,
        name="declaration_sign",
    ),
]
