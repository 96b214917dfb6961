from django.urls import path

from . import views

app_name = "analyse"
urlpatterns = [
    path("", views.index, name="index"),
    path("dekking/", views.coverage, name="coverage"),
    path("actualiteit/", views.freshness, name="freshness"),
    path("zoekvragen/", views.searches, name="searches"),
    path("noden/nieuw/", views.need_create, name="need_create"),
    path("gebruik/", views.usage, name="usage"),
    path("doorverwijzingen/", views.referrals, name="referrals"),
    path("deelname/", views.participation, name="participation"),
    path("jaarverslag/", views.report, name="report"),
]
