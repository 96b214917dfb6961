"""Give the Coordinators group the permissions of the models added since 0002: invitations,
the change history of partners and memberships, and the login lockouts (so a coordinator can
unlock a colleague by deleting their access attempt)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

LOCKOUT_PERMISSIONS = [
    "view_accessattempt",
    "delete_accessattempt",
    "view_accesslog",
    "view_accessfailurelog",
]


def add_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the
    # group can be given them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="partners"))
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="axes", codename__in=LOCKOUT_PERMISSIONS
        )
    )


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Coordinators").first()
    if group is None:
        return
    group.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="partners",
            content_type__model__in=["invitation", "historicalpartner", "historicalmembership"],
        ),
        *Permission.objects.filter(
            content_type__app_label="axes", codename__in=LOCKOUT_PERMISSIONS
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0003_history_and_invitations"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
