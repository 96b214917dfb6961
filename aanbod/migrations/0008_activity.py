"""Session becomes Activity: the model's old name was Django's own word for a visitor's
session. The table, its history table, the constraint, the index and the permissions follow;
the filter-code triggers on the table are made again under their new names by 0009, so the
old ones are dropped here (their function bodies still name the old table)."""

from django.db import migrations, models
import django.db.models.deletion

OLD, NEW = "session", "activity"


def rename_permissions(apps, schema_editor, old=OLD, new=NEW):
    Permission = apps.get_model("auth", "Permission")
    for model in (new, f"historical{new}"):
        for permission in Permission.objects.filter(
            content_type__app_label="aanbod", content_type__model=model
        ):
            action = permission.codename.split("_", 1)[0]
            permission.codename = f"{action}_{model}"
            permission.name = f"Can {action} {model.replace('historical', 'historical ')}"
            permission.save(update_fields=["codename", "name"])


def rename_permissions_back(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for model in (OLD, f"historical{OLD}"):
        for permission in Permission.objects.filter(
            content_type__app_label="aanbod", content_type__model=model
        ):
            action = permission.codename.split("_", 1)[0]
            permission.codename = f"{action}_{model}"
            permission.save(update_fields=["codename"])


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0007_offer_facets"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunSQL(
            [
                f"DROP TRIGGER IF EXISTS aanbod_session_facets_{event} ON aanbod_session"
                for event in ("inserted", "deleted", "updated")
            ],
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RenameModel("Session", "Activity"),
        migrations.RenameModel("HistoricalSession", "HistoricalActivity"),
        migrations.AlterField(
            model_name="activity",
            name="offer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="activities",
                to="aanbod.offer",
                verbose_name="offer",
            ),
        ),
        migrations.AlterField(
            model_name="activity",
            name="location",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty for online activities.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="activities",
                to="aanbod.location",
                verbose_name="location",
            ),
        ),
        migrations.RemoveConstraint(model_name="activity", name="session_ends_after_start"),
        migrations.AddConstraint(
            model_name="activity",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_at__gt", models.F("starts_at"))),
                name="activity_ends_after_start",
            ),
        ),
        migrations.RenameIndex(
            model_name="activity",
            old_name="aanbod_sess_starts__efad8f_idx",
            new_name="aanbod_acti_starts__27c844_idx",
        ),
        migrations.RunPython(rename_permissions, rename_permissions_back),
    ]
