"""What the data migrations put in every fresh database: the pillars and the Coordinators group."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from aanbod.models import Pillar

BASIC_PILLARS = [
    "onthaal-en-informatie",
    "consultatie",
    "spel-en-ontmoeting",
    "opvoedadvies",
    "groepsaanbod",
]
# The apps coordinators manage in the admin (DESIGN.md §2: partners, the offer, the network).
COORDINATOR_APPS = ["partners", "aanbod", "netwerk", "analyse"]


def test_the_five_basic_pillars_and_extra_offer_exist_in_order(db):
    pillars = list(Pillar.objects.order_by("order"))
    assert [p.slug for p in pillars] == [*BASIC_PILLARS, "extra-aanbod"]
    assert [p.is_basic for p in pillars] == [True] * 5 + [False]
    assert all(p.name and p.description for p in pillars)


def test_the_pillar_names_are_dutch(db):
    assert Pillar.objects.get(slug="spel-en-ontmoeting").name == (
        "Spel en ontmoeting voor jonge kinderen"
    )
    assert Pillar.objects.get(slug="extra-aanbod").name == "Extra aanbod"


def test_running_the_pillar_migration_again_adds_no_duplicates(db):
    migration = importlib.import_module("aanbod.migrations.0002_pillars")
    Pillar.objects.filter(slug="opvoedadvies").update(name="Oude naam")
    migration.create_pillars(apps, None)
    assert Pillar.objects.count() == 6
    assert Pillar.objects.get(slug="opvoedadvies").name == "Laagdrempelig opvoedadvies"


def test_the_coordinators_group_may_manage_every_model_of_the_portal(db):
    group = Group.objects.get(name="Coordinators")
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    missing = [
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for app_label in COORDINATOR_APPS
        for model in apps.get_app_config(app_label).get_models()
        for action in model._meta.default_permissions
        if (app_label, f"{action}_{model._meta.model_name}") not in granted
    ]
    assert not missing, f"the Coordinators group lacks: {missing}"


def test_the_coordinators_group_may_manage_user_accounts(db):
    group = Group.objects.get(name="Coordinators")
    codenames = set(
        group.permissions.filter(content_type__app_label="auth").values_list("codename", flat=True)
    )
    assert {"add_user", "change_user", "view_user"} <= codenames


def test_the_coordinators_group_cannot_hand_out_permissions(db):
    group = Group.objects.get(name="Coordinators")
    assert not group.permissions.filter(
        content_type__app_label="auth", content_type__model__in=["group", "permission"]
    ).exists()
    assert Permission.objects.filter(content_type__app_label="auth").exists()
