"""The interface languages: every language of settings.LANGUAGES has its own address prefix,
is named in its own script in the switcher, and Arabic pages are laid out right to left."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db

NAMES_IN_OWN_SCRIPT = {
    "nl": "Nederlands",
    "fr": "Français",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "uk": "Українська",
}


def test_the_site_speaks_six_languages_dutch_first():
    assert dict(settings.LANGUAGES) == NAMES_IN_OWN_SCRIPT
    assert settings.LANGUAGE_CODE == "nl"


@pytest.mark.parametrize("code", ["fr", "en", "ar", "tr", "uk"])
def test_each_language_has_its_own_address(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in response.text


def test_arabic_pages_use_bootstraps_right_to_left_stylesheet(client):
    text = client.get("/ar/aanbod/").text
    assert '<html lang="ar" dir="rtl">' in text
    assert "bootstrap/css/bootstrap.rtl.min.css" in text
    assert "bootstrap/css/bootstrap.min.css" not in text


@pytest.mark.parametrize("code", ["nl", "fr", "en", "tr", "uk"])
def test_left_to_right_pages_use_the_usual_stylesheet(client, code):
    text = client.get("/" if code == "nl" else f"/{code}/").text
    assert "bootstrap/css/bootstrap.min.css" in text
    assert "bootstrap.rtl" not in text


def test_the_switcher_names_each_language_in_its_own_script(client):
    text = client.get("/tr/").text
    for code, name in NAMES_IN_OWN_SCRIPT.items():
        direction = "rtl" if code == "ar" else "ltr"
        current = ' aria-current="true"' if code == "tr" else ""
        button = (
            f'<button type="submit" name="language" value="{code}" lang="{code}" '
            f'dir="{direction}"{current}>{name}</button>'
        )
        assert button in text


@pytest.mark.parametrize(("code", "address"), [("ar", "/ar/agenda/"), ("tr", "/tr/agenda/")])
def test_choosing_a_language_keeps_the_page(client, code, address):
    response = client.post(reverse("set_language"), {"language": code, "next": "/agenda/"})
    assert response.status_code == 302
    assert response["Location"] == address


def test_choosing_dutch_on_an_arabic_page_opens_the_dutch_page(client):
    client.get("/ar/plekken/")
    response = client.post(reverse("set_language"), {"language": "nl", "next": "/ar/plekken/"})
    assert response["Location"] == "/plekken/"


def test_the_error_page_is_right_to_left_in_arabic():
    with translation.override("ar"):
        response = server_error(RequestFactory().get("/ar/"))
    text = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in text
    assert "bootstrap/css/bootstrap.rtl.min.css" in text
