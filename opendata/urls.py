from django.urls import path

from . import views

# The API ("hsds:…"), outside the language prefixes: one address for the data, in Dutch.
api_urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views.openapi, name="openapi"),
    path("datapackage.zip", views.data_package_download, name="datapackage"),
    path("services", views.ServiceList.as_view(), name="services"),
    path("services/<str:id>", views.ServiceDetail.as_view(), name="service"),
    path("organizations", views.OrganizationList.as_view(), name="organizations"),
    path("organizations/<str:id>", views.OrganizationDetail.as_view(), name="organization"),
    path("taxonomies", views.TaxonomyList.as_view(), name="taxonomies"),
    path("taxonomies/<str:id>", views.TaxonomyDetail.as_view(), name="taxonomy"),
    path("taxonomy_terms", views.TermList.as_view(), name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>", views.TermDetail.as_view(), name="taxonomy_term"),
    path(
        "service_at_locations",
        views.ServiceAtLocationList.as_view(),
        name="service_at_locations",
    ),
    path(
        "service_at_locations/<str:id>",
        views.ServiceAtLocationDetail.as_view(),
        name="service_at_location",
    ),
]

# The pages that explain it ("opendata:…"), in every language of the site.
page_urlpatterns = [
    path("", views.open_data_page, name="page"),
    path("profiel/", views.profile_page, name="profile"),
]
