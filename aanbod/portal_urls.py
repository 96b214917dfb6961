"""The catalogue's pages in the partner portal (/mijn/<partner>/): the partner's dashboard, its
offers, places and reports. The root URLconf joins them with partners.urls under its "portal"
namespace; every URL answers 404 to people who may not act for the partner."""

from django.urls import path

from .views import manage_dashboard, manage_locations, manage_offers

urlpatterns = [
    path("<slug:slug>/", manage_dashboard.dashboard, name="dashboard"),
    path("<slug:slug>/aanbod/", manage_offers.offer_list, name="offer_list"),
    path(
        "<slug:slug>/aanbod/export.<str:file_format>",
        manage_dashboard.offer_export,
        name="offer_export",
    ),
    path("<slug:slug>/aanbod/nieuw/", manage_offers.offer_create, name="offer_create"),
    path("<slug:slug>/aanbod/<int:offer_id>/", manage_offers.offer_edit, name="offer_edit"),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/plekken-en-uren/",
        manage_offers.offer_locations,
        name="offer_locations",
    ),
    path(
        "<slug:slug>/aanbod/<int:offer_id>/activiteiten/",
        manage_offers.offer_activities,
        name="offer_activities",
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
    path(
        "<slug:slug>/plekken/export.<str:file_format>",
        manage_dashboard.location_export,
        name="location_export",
    ),
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
