"""The headers of huisvanhetkind/middleware.py: no page a logged-in person sees is kept by a
browser or proxy, and no other site may embed our responses."""

from django.urls import reverse

from netwerk.models import CalendarToken
from tests import factories


def logged_in_paths(partner):
    return [
        reverse("portal:index"),
        reverse("portal:dashboard", args=[partner.slug]),
        reverse("portal:offer_list", args=[partner.slug]),
        reverse("netwerk:meeting_list"),
        # It shows the secret address of the person's calendar feed.
        reverse("netwerk:calendar"),
        reverse("password_change"),
        # Public pages too: they show who is logged in.
        reverse("home"),
        reverse("aanbod:offer_list"),
    ]


def test_no_page_a_logged_in_person_sees_is_stored(client, manager, partner):
    client.force_login(manager)
    for path in logged_in_paths(partner):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path


def test_the_admin_is_not_stored_either(client, coordinator):
    client.force_login(coordinator)
    for path in ("/admin/", "/admin/aanbod/offer/", "/admin/netwerk/meeting/add/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path


def test_anonymous_pages_stay_cacheable(client, partner):
    offer = factories.make_offer(partner)
    for path in [reverse("home"), reverse("aanbod:offer_list"), offer.get_absolute_url()]:
        assert "Cache-Control" not in client.get(path), path


def test_a_calendar_app_may_keep_the_feed_for_a_while(client, editor):
    token = CalendarToken.objects.create(user=editor)
    feed = reverse("netwerk:calendar_feed", args=[token.token])
    assert client.get(feed)["Cache-Control"] == "private, max-age=900"


def test_every_response_refuses_to_be_embedded_by_other_sites(client, db):
    assert client.get(reverse("home"))["Cross-Origin-Resource-Policy"] == "same-origin"


def test_static_files_carry_the_resource_policy_too(settings, client):
    settings.WHITENOISE_USE_FINDERS = True  # as in development: no collectstatic for the tests
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
