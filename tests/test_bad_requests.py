"""Input no page can use gets a 400 or 404, never a 500: NUL characters anywhere in a request
(PostgreSQL refuses text with them), and `next` targets that are not a page of this site."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from common.redirects import safe_next
from netwerk.models import ActionItem
from tests.netwerk.builders import make_action


@pytest.mark.parametrize(
    "url",
    [
        "/mijn/netwerk/agenda/%00/netwerk.ics",
        "/mijn/netwerk/agenda/abc%00def/netwerk.ics",
        "/aanbod/?q=%00",
        "/aanbod/?%00=1",
        "/agenda/?vanaf=2026-01-01%00",
    ],
)
def test_a_nul_character_in_the_address_is_a_bad_request(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Het verzoek kon niet gelezen worden" in response.text


@pytest.mark.parametrize("url_name", ["login", "admin:login", "password_reset"])
def test_a_nul_character_in_a_form_is_a_bad_request(client, db, url_name):
    data = {"username": "jan\x00@example.org", "email": "jan\x00@example.org", "password": "x"}
    assert client.post(reverse(url_name), data).status_code == 400


def test_a_nul_character_in_a_field_name_is_a_bad_request(client, db):
    assert client.post(reverse("login"), {"user\x00name": "x"}).status_code == 400


def test_the_bad_request_page_is_in_french_under_fr(client, db):
    response = client.get("/fr/aanbod/?q=%00")
    assert response.status_code == 400
    assert "La demande n’a pas pu être lue" in response.text


def next_of(**data):
    request = RequestFactory().post("/", data)
    return safe_next(request, "/default/")


@pytest.mark.parametrize(
    "target", ["/mijn/netwerk/", "/mijn/netwerk/?toon=alle", "/fr/agenda/", "/aanbod/#x"]
)
def test_next_may_be_a_page_of_this_site(target):
    assert next_of(next=target) == target


@pytest.mark.parametrize(
    "target",
    [
        "foo",
        "logout",
        "netwerk:action_list",
        "aanbod/",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "\\\\evil.example/",
        "/\t/evil.example/",
        "javascript:alert(1)",
        "/account/uitloggen/",
        "/fr/account/uitloggen/",
        "/account/uitlogge%6E/?next=/",
        "/admin/logout/",
        "",
    ],
)
def test_next_falls_back_for_anything_but_a_local_page(db, target):
    assert next_of(next=target) == "/default/"


@pytest.mark.parametrize("target", ["foo", "logout", "//evil.example/"])
def test_a_button_with_a_bad_next_goes_to_its_default_page(client, editor, partner, target):
    item = make_action(partner)
    client.force_login(editor)
    response = client.post(
        reverse("netwerk:action_update", args=[item.pk]),
        {f"item-{item.pk}-status": "done", "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("netwerk:action_list")
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE


HISTORY_ADMINS = sorted(
    model._meta.label_lower
    for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, SimpleHistoryAdmin)
)


@pytest.mark.parametrize("model", HISTORY_ADMINS)
@pytest.mark.parametrize("ids", [("abc",), ("1", "abc"), ("abc", "1"), ("1", "9" * 30)])
def test_an_admin_history_address_with_an_id_that_is_not_one_is_not_found(
    client, coordinator, model, ids
):
    client.force_login(coordinator)
    url = f"/admin/{model.replace('.', '/')}/{ids[0]}/history/"
    if len(ids) > 1:
        url += f"{ids[1]}/"
    assert client.get(url).status_code == 404
