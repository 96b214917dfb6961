import pytest

from tests import factories

PAGES = [
    "/mijn/analyse/",
    "/mijn/analyse/dekking/",
    "/mijn/analyse/actualiteit/",
    "/mijn/analyse/zoekvragen/",
    "/mijn/analyse/deelname/",
    "/mijn/analyse/gebruik/",
    "/mijn/analyse/doorverwijzingen/",
    "/mijn/analyse/noden/nieuw/",
]


@pytest.mark.parametrize("url", [*PAGES, "/mijn/analyse/jaarverslag/"])
def test_anonymous_visitors_are_sent_to_log_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


@pytest.mark.parametrize("url", [*PAGES, "/mijn/analyse/jaarverslag/"])
def test_someone_who_works_for_no_partner_gets_not_found(client, db, url):
    client.force_login(factories.make_user())
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_partner_staff_open_every_analysis_page(client, editor, url):
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_only_coordinators_open_the_yearly_report(client, manager, coordinator):
    client.force_login(manager)
    assert client.get("/mijn/analyse/jaarverslag/").status_code == 404
    client.force_login(coordinator)
    response = client.get("/mijn/analyse/jaarverslag/?jaar=2025")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Analyse van het gezinsondersteunend aanbod 2025" in content
    for section in (
        "coverage",
        "gaps",
        "needs",
        "freshness",
        "participation",
        "use",
        "referrals",
    ):
        assert f'id="section-{section}"' in content
    csv = client.get("/mijn/analyse/jaarverslag/?jaar=2025&formaat=csv&tabel=deelname")
    assert csv["Content-Disposition"] == 'attachment; filename="analyse-2025-deelname.csv"'
