"""Two app servers on one database and one MEDIA_ROOT (README.md, Production): whatever one
server wrote, the other one knows. Two gunicorn processes serve the test database."""

import io

import pytest
from django.db import connection
from PIL import Image

from tests import factories
from tests.servers import Browser, app_servers

PASSWORD = "correct horse 42"  # tests/factories.py

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="module")
def servers(django_db_setup, media_root, tmp_path_factory):
    # Started once for the module: the test database is emptied between tests, the servers'
    # idle connections stay.
    logs = tmp_path_factory.mktemp("logs")
    with app_servers(2, connection.settings_dict, media_root, logs) as servers:
        yield [server.url for server in servers]


def png(width=200, height=100):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 90, 140)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_login_on_one_server_is_valid_on_the_other(servers, editor, partner):
    a, b = servers
    browser = Browser()
    assert browser.log_in(a, editor.email, PASSWORD).status == 302

    profile = browser.get(f"{b}/mijn/{partner.slug}/profiel/")
    assert profile.status == 200
    assert partner.name in profile.text
    assert Browser().get(f"{b}/mijn/{partner.slug}/profiel/").status == 302  # to the login

    assert browser.post(f"{b}/account/uitloggen/", {}).status == 302
    assert browser.get(f"{a}/mijn/{partner.slug}/profiel/").status == 302


def test_five_failed_logins_spread_over_both_servers_lock_out_on_both(servers, editor):
    a, b = servers
    browser = Browser()
    for server in (a, b, a, b):
        assert browser.log_in(server, editor.email, "wrong").status == 200
    assert browser.log_in(a, editor.email, "wrong").status == 429

    for server in (b, a):
        response = browser.log_in(server, editor.email, PASSWORD)
        assert response.status == 429
        assert "Te veel mislukte pogingen" in response.text


def test_a_logo_uploaded_on_one_server_is_shown_by_the_other(servers, media_root, editor, partner):
    a, b = servers
    browser = Browser()
    browser.log_in(a, editor.email, PASSWORD)
    profile = f"{a}/mijn/{partner.slug}/profiel/"
    browser.get(profile)
    data = {"description": "Wij ondersteunen gezinnen.", "email": "", "phone": ""}
    data |= {"website": "", "address": ""}
    logo = png()
    response = browser.post(profile, data, files={"logo": ("logo.png", logo)})
    assert response.status == 302, response.text

    # Both servers write to and read from the one MEDIA_ROOT; the proxy serves /media/ from it.
    # The logo is stored redrawn, under a name of its own (partners.forms).
    partner.refresh_from_db()
    assert partner.logo.name.startswith("partners/logos/")
    assert (media_root / partner.logo.name).read_bytes().startswith(b"\x89PNG")
    page = Browser().get(f"{b}/partners/{partner.slug}/")
    assert f'src="/media/{partner.logo.name}"' in page.text


def test_the_error_report_limit_counts_across_both_servers(servers, partner):
    a, b = servers
    offer = factories.make_offer(partner, "Babbelbox")
    browser = Browser()
    report = f"/aanbod/{offer.slug}/klopt-er-iets-niet/"
    browser.get(a + report)
    for _ in range(5):
        assert browser.post(a + report, {"message": "Het adres klopt niet."}).status == 302
    assert browser.post(b + report, {"message": "Het adres klopt niet."}).status == 429
