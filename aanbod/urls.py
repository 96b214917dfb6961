from django.urls import path

from .views import agenda, brochures, catalogue, locations

app_name = "aanbod"
urlpatterns = [
    path("aanbod/", catalogue.offer_list, name="offer_list"),
    path("aanbod/<slug:slug>/", catalogue.offer_detail, name="offer_detail"),
    path("aanbod/<slug:slug>/klopt-er-iets-niet/", catalogue.report_error, name="report_error"),
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/agenda.ics", agenda.agenda_ical, name="agenda_ical"),
    path("plekken/", locations.location_list, name="location_list"),
    path("plekken/<slug:slug>/", locations.location_detail, name="location_detail"),
    path("brochures/", brochures.brochure_list, name="brochure_list"),
    path("brochures/plek/<slug:slug>/", brochures.place_brochure, name="place_brochure"),
    path("brochures/pijler/<slug:slug>/", brochures.pillar_brochure, name="pillar_brochure"),
]
