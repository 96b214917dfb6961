"""The French side of the site: /fr/ pages are in French. That the French catalogue is complete,
with the placeholders of the English kept, tests/test_translations.py checks for every language."""

import pytest
from django.utils import translation


@pytest.mark.django_db
def test_the_french_home_page_is_in_french(client):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in response.text
    assert "Aide et soutien pour votre famille à Leuven" in response.text  # the heading
    assert ">Rechercher</button>" in response.text  # the search button
    assert "Aller au contenu" in response.text
    assert "Support for your family" not in response.text


def test_django_uses_the_french_catalogue():
    with translation.override("fr"):
        assert translation.gettext("Skip to content") == "Aller au contenu"
        assert translation.pgettext("navigation", "Offer") == "Offre"
        # French counts 0 and 1 as singular.
        assert translation.ngettext("%(count)s year", "%(count)s years", 0) == "%(count)s an"
        assert translation.ngettext("%(count)s year", "%(count)s years", 2) == "%(count)s ans"
