from django.urls import path

from . import views

app_name = "aanbod"
urlpatterns = [
    path("aanbod/", views.offer_list, name="offer_list"),
    path("aanbod/<slug:slug>/", views.offer_detail, name="offer_detail"),
    path("agenda/", views.agenda, name="agenda"),
    path("plekken/", views.location_list, name="location_list"),
    path("plekken/<slug:slug>/", views.location_detail, name="location_detail"),
]
