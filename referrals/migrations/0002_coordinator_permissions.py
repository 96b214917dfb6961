"""Coordinators see the referral counts, search one person's referrals and erase them
(GDPR), and read the access log. The admin changes nothing else of a referral."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = ["view_referral", "delete_referral", "view_accesslogentry"]


def add_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the
    # group can be given them on a fresh database.
    app_config = apps.get_app_config("referrals")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="referrals", codename__in=PERMISSIONS
        )
    )


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Coordinators").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="referrals")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0001_initial"),
        ("partners", "0004_coordinator_permissions"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
