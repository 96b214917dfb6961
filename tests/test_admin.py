"""Every model in the admin works for a coordinator: a staff user in the Coordinators group,
not a superuser. The registry is walked, so a newly registered model is covered at once."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from aanbod.models import ErrorReport, Language, ScheduleSlot, SearchLog, Theme
from partners.models import Declaration, Signature
from tests import factories

pytestmark = pytest.mark.django_db

# Models that only a superuser manages, each with the reason. Coordinators get 403 there.
SUPERUSER_ONLY = {
    "auth.group": "whoever edits groups hands out permissions, coordinators included",
}
REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label_lower)


def label(model):
    return model._meta.label_lower


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def offered_to_anyone(model_admin, permission):
    """Whether the ModelAdmin offers this at all: some admins (logs, say) forbid adding even
    to a superuser."""
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(is_superuser=True, is_staff=True, is_active=True)
    return getattr(model_admin, f"has_{permission}_permission")(request)


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def one_of_everything(partner, editor):
    """A row in each model, so changelists and change pages render real rows."""
    offer = factories.make_offer(partner, title="Babymassage")
    offer_location = factories.make_offer_location(offer)
    ScheduleSlot.objects.create(
        offer_location=offer_location, weekday=2, start_time="09:00", end_time="12:00"
    )
    factories.make_activity(offer)
    offer.themes.add(Theme.objects.create(name="Slapen", slug="slapen"))
    offer.languages.add(Language.objects.create(code="ar", name="Arabisch"))
    ErrorReport.objects.create(offer=offer, message="Het adres klopt niet.")
    SearchLog.objects.create(query="borstvoeding", result_count=0)
    declaration = Declaration.objects.create(
        version="2014", title="Engagementsverklaring", text="…", effective_from="2014-11-13"
    )
    Signature.objects.create(declaration=declaration, partner=partner, signed_on="2014-11-13")


def test_the_coordinator_is_staff_but_not_a_superuser(coordinator):
    assert coordinator.is_staff
    assert not coordinator.is_superuser
    assert coordinator.groups.filter(name="Coordinators").exists()


def test_the_admin_index_lists_the_portal_apps_for_a_coordinator(coordinator_client):
    response = coordinator_client.get(reverse("admin:index"))
    assert response.status_code == 200
    for app_label in ("partners", "aanbod"):
        assert f'href="/admin/{app_label}/"' in response.text


def test_the_admin_refuses_a_partner_editor(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTERED, ids=[label(model) for model, _ in REGISTERED]
)
def test_the_changelist_and_its_search_load_for_a_coordinator(
    coordinator_client, one_of_everything, model, model_admin
):
    if label(model) in SUPERUSER_ONLY:
        assert coordinator_client.get(admin_url(model, "changelist")).status_code == 403
        return
    response = coordinator_client.get(admin_url(model, "changelist"))
    assert response.status_code == 200, (
        f"{label(model)}: give the Coordinators group its permissions in a migration, or add "
        "it to SUPERUSER_ONLY with the reason"
    )
    searched = coordinator_client.get(admin_url(model, "changelist"), {"q": "x"})
    assert searched.status_code == 200


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTERED, ids=[label(model) for model, _ in REGISTERED]
)
def test_the_add_page_loads_for_a_coordinator(coordinator_client, model, model_admin):
    response = coordinator_client.get(admin_url(model, "add"))
    if label(model) in SUPERUSER_ONLY or not offered_to_anyone(model_admin, "add"):
        assert response.status_code == 403
    else:
        assert response.status_code == 200, f"{label(model)}: add page answered {response}"


def test_the_change_page_of_every_row_loads_for_a_coordinator(
    coordinator_client, one_of_everything
):
    opened = set()
    for model, _ in REGISTERED:
        obj = model._default_manager.first()
        if obj is None:
            continue  # models the fixture has no row for are opened in their app's own tests
        response = coordinator_client.get(admin_url(model, "change", obj.pk))
        expected = 403 if label(model) in SUPERUSER_ONLY else 200
        assert response.status_code == expected, f"{label(model)}: change page gave {response}"
        opened.add(label(model))
    assert {"partners.partner", "aanbod.offer", "aanbod.activity", "auth.user"} <= opened


def test_a_changelist_search_finds_the_row(coordinator_client, one_of_everything):
    response = coordinator_client.get(
        reverse("admin:aanbod_offer_changelist"), {"q": "babymassage"}
    )
    assert "Babymassage" in response.text
    response = coordinator_client.get(reverse("admin:aanbod_offer_changelist"), {"q": "zzz"})
    assert "Babymassage" not in response.text


@pytest.mark.parametrize(
    "export", ["/admin/aanbod/location/export/", "/admin/aanbod/offer/export/",
               "/admin/partners/partner/export/"],
)  # fmt: skip
def test_an_export_link_with_an_unknown_filter_goes_back_to_the_list_with_a_message(
    client, coordinator, export
):
    client.force_login(coordinator)
    response = client.get(export, {"form_key": "x", "opening_hours": "="}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(export.removesuffix("export/"), 302)]
    assert "Filter de lijst en exporteer dan opnieuw." in response.content.decode()
    # A filter the list does know still works.
    assert client.get(export, {"q": "Kessel"}).status_code == 200
