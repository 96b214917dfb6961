"""The "Coordinators" group: network coordinators manage everything in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATOR_APPS = ["partners", "aanbod"]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the
    # group can be given them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS)
    )
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="auth", content_type__model="user"
        )
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Coordinators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("aanbod", "0003_reports_and_search_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
