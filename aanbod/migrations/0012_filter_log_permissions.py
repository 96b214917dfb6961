"""Give the "Coordinators" group the permissions on the log of filter combinations without
results (0009), as on every other model of the catalogue."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="aanbod", content_type__model="filterlog"
    )


def add_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the
    # group can be given them on a fresh database.
    app_config = apps.get_app_config("aanbod")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(*_permissions(apps))


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0011_filter_log"),
        ("partners", "0002_coordinators_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
