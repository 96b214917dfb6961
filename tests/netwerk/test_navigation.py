"""Partner staff find the network section from every page; anonymous visitors do not see it."""

from django.urls import reverse

NETWORK_URL = "/mijn/netwerk/"


def header_of(response):
    text = response.content.decode()
    return text[text.index("<header") : text.index("</header>")]


def test_the_header_links_a_logged_in_member_to_the_network(client, editor):
    client.force_login(editor)
    header = header_of(client.get(reverse("home")))
    assert f'<a href="{NETWORK_URL}" id="nav-network">Netwerk</a>' in header


def test_the_header_marks_the_network_link_as_current_on_network_pages(client, editor):
    client.force_login(editor)
    header = header_of(client.get(reverse("netwerk:archive")))
    assert f'<a href="{NETWORK_URL}" id="nav-network" aria-current="page">Netwerk</a>' in header


def test_the_portal_index_links_to_the_network(client, editor):
    client.force_login(editor)
    response = client.get(reverse("portal:index"))
    assert f'<a href="{NETWORK_URL}" id="portal-network">' in response.content.decode()


def test_anonymous_visitors_see_no_network_link(client, db):
    for url in (reverse("home"), reverse("login")):
        response = client.get(url)
        assert response.status_code == 200
        assert NETWORK_URL not in response.content.decode()
        assert 'id="nav-network"' not in response.content.decode()
