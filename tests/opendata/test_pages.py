"""The 'Open data' page and the profile page the API root points to."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from opendata import taxonomy

pytestmark = pytest.mark.django_db


def test_the_open_data_page_says_what_under_which_licence_and_how(client):
    response = client.get("/open-data/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "CC BY 4.0" in content and "Huis van het Kind Leuven" in content
    assert "http://testserver/api/hsds/services?format=ndjson" in content
    assert reverse("opendata:profile") in content and reverse("hsds:openapi") in content


def test_the_open_data_page_is_in_french_too(client):
    response = client.get("/fr/open-data/")
    assert "Données ouvertes" in response.content.decode()


def test_the_footer_links_to_the_open_data_page(client):
    assert 'href="/open-data/"' in client.get("/").content.decode()


def test_the_profile_lists_the_taxonomies_and_features_with_their_ids(client):
    content = client.get("/open-data/profiel/").content.decode()
    for item in [*taxonomy.TAXONOMIES, *taxonomy.FEATURE_TERMS]:
        assert str(item.id) in content and escape(item.name) in content


def test_the_open_data_page_offers_the_data_package(client):
    content = client.get("/open-data/").content.decode()
    assert 'href="/api/hsds/datapackage.zip"' in content
    assert "Download het datapakket" in content and "datapackage.json" in content


def test_the_profile_says_how_the_service_area_is_published(client):
    content = client.get("/open-data/profiel/").content.decode()
    assert "Werkgebied" in content and "service_areas" in content
