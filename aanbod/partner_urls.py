"""The public partner pages at /partners/ (aanbod/views/partners.py). Their URL names stay in
the "partners" namespace (partners:detail is Partner.get_absolute_url)."""

from django.urls import path

from .views import partners

app_name = "partners"
urlpatterns = [
    path("", partners.partner_list, name="list"),
    path("<slug:slug>/", partners.partner_detail, name="detail"),
]
