from django.urls import path

from .views import agenda, catalogue, locations

app_name = "aanbod"
urlpatterns = [
    path("aanbod/", catalogue.offer_list, name="offer_list"),
    path("aanbod/<slug:slug>/", catalogue.offer_detail, name="offer_detail"),
    path("aanbod/<slug:slug>/naar/<slug:way>/", catalogue.offer_contact, name="offer_contact"),
    path("aanbod/<slug:slug>/klopt-er-iets-niet/", catalogue.report_error, name="report_error"),
    path("agenda/", agenda.agenda, name="agenda"),
    path("agenda/agenda.ics", agenda.agenda_ical, name="agenda_ical"),
    path("plekken/", locations.location_list, name="location_list"),
    path("plekken/<slug:slug>/", locations.location_detail, name="location_detail"),
]
