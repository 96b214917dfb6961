"""Group becomes NetworkGroup, apart from Django's own auth Group; its permissions follow."""

from django.db import migrations


def rename_permissions(apps, schema_editor, old="group", new="networkgroup"):
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="netwerk", content_type__model__in=[old, new]
    ):
        action = permission.codename.split("_", 1)[0]
        permission.codename = f"{action}_{new}"
        permission.name = f"Can {action} network group"
        permission.save(update_fields=["codename", "name"])


def rename_permissions_back(apps, schema_editor):
    rename_permissions(apps, schema_editor, old="networkgroup", new="group")


class Migration(migrations.Migration):
    dependencies = [
        ("netwerk", "0002_coordinators_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameModel(old_name="Group", new_name="NetworkGroup"),
        migrations.RunPython(rename_permissions, rename_permissions_back),
    ]
