"""The partner staff portal, mounted at /mijn/. Every URL with a partner slug answers 404 to
people who may not act for that partner (tests/partners/test_portal_scoping.py walks them all)."""

from django.urls import path

from aanbod.views import manage_dashboard, manage_locations, manage_offers

from . import portal

app_name = "portal"
urlpatterns = [
    path("", portal.index, name="index"),
    path("<slug:slug>/", manage_dashboard.dashboard, name="dashboard"),
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
    # The partner's offers, places and reports (aanbod/views/manage_*.py).
    path("<slug:slug>/aanbod/", manage_offers.offer_list, name="offer_list"),
    path("<slug:slug>/aanbod/nieuw/", manage_offers.offer_create, name="offer_create"),
    path("<slug:slug>/aanbod/<int:offer_id>/", manage_offers.offer_edit, name="offer_edit"),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/plekken-en-uren/",
        manage_offers.offer_places,
        name="offer_places",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/activiteiten/",
        manage_offers.offer_sessions,
        name="offer_sessions",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/voorbeeld/",
        manage_offers.offer_preview,
        name="offer_preview",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/geschiedenis/",
        manage_offers.offer_history,
        name="offer_history",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/publiceren/",
        manage_offers.offer_publish,
        name="offer_publish",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/offline-halen/",
        manage_offers.offer_unpublish,
        name="offer_unpublish",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/archiveren/",
        manage_offers.offer_archive,
        name="offer_archive",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/terugzetten/",
        manage_offers.offer_restore,
        name="offer_restore",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/nog-steeds-correct/",
        manage_offers.offer_reviewed,
        name="offer_reviewed",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/kopieren/",
        manage_offers.offer_duplicate,
        name="offer_duplicate",
    ),
    path("<slug:slug>/plekken/", manage_locations.location_list, name="location_list"),
    path("<slug:slug>/plekken/nieuw/", manage_locations.location_create, name="location_create"),
    path(
        "<slug:slug>/plekken/<int:location_id>/",
        manage_locations.location_edit,
        name="location_edit",
    ),
    path("<slug:slug>/meldingen/", manage_dashboard.report_list, name="report_list"),
    path(
        "<slug:slug>/meldingen/<int:report_id>/afgehandeld/",
        manage_dashboard.report_handled,
        name="report_handled",
    ),
]
