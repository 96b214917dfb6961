from django.urls import path

from .views import agenda, brochures, catalogue, family_list, locations

app_name = "aanbod"
urlpatterns = [
    path("aanbod/", catalogue.offer_list, name="offer_list"),
    # Before the offers' addresses: "lijstje" is no offer (services.RESERVED_SLUGS).
    path("aanbod/lijstje/", family_list.family_list, name="family_list"),
    path("aanbod/lijstje/toevoegen/", family_list.family_list_add, name="family_list_add"),
    path("aanbod/lijstje/leegmaken/", family_list.family_list_clear, name="family_list_clear"),
    path("aanbod/lijstje/afdrukken/", family_list.family_list_print, name="family_list_print"),
    path("aanbod/lijstje/mailen/", family_list.family_list_email, name="family_list_email"),
    path("aanbod/lijstje/overnemen/", family_list.family_list_copy, name="family_list_copy"),
    path(
        "aanbod/lijstje/gedeeld/<str:token>/",
        family_list.family_list_shared,
        name="family_list_shared",
    ),
    path("aanbod/<slug:slug>/", catalogue.offer_detail, name="offer_detail"),
    path("aanbod/<slug:slug>/naar/<slug:way>/", catalogue.offer_contact, name="offer_contact"),
    path("aanbod/<slug:slug>/klopt-er-iets-niet/", catalogue.report_error, name="report_error"),
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/agenda.ics", agenda.agenda_ical, name="agenda_ical"),
    path("plekken/", locations.location_list, name="location_list"),
    path("plekken/<slug:slug>/", locations.location_detail, name="location_detail"),
    path("brochures/", brochures.brochure_list, name="brochure_list"),
    path("brochures/plek/<slug:slug>/", brochures.place_brochure, name="place_brochure"),
    path("brochures/pijler/<slug:slug>/", brochures.pillar_brochure, name="pillar_brochure"),
]
