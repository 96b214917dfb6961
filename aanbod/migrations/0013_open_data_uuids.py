import uuid

from django.db import migrations, models

# The three steps Django documents for a unique field on existing rows: add it without the
# constraint, give every row its own value, then make it unique. Each change-history record gets
# the identifier of the row it records.
MODELS = ['pillar', 'theme', 'location', 'offer', 'offerlocation']
HISTORY = {'location': 'historicallocation', 'offer': 'historicaloffer', 'offerlocation': 'historicalofferlocation'}


def fill_uuids(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("aanbod", name)
        history = apps.get_model("aanbod", HISTORY[name]) if name in HISTORY else None
        for pk in model.objects.values_list("pk", flat=True):
            value = uuid.uuid4()
            model.objects.filter(pk=pk).update(uuid=value)
            if history is not None:
                history.objects.filter(id=pk).update(uuid=value)


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0012_filter_log_permissions")]

    operations = [
        migrations.AddField(
            model_name="pillar",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="open data identifier"),
        ),
        migrations.AddField(
            model_name="theme",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="open data identifier"),
        ),
        migrations.AddField(
            model_name="location",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="open data identifier"),
        ),
        migrations.AddField(
            model_name="offer",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="open data identifier"),
        ),
        migrations.AddField(
            model_name="offerlocation",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="open data identifier"),
        ),
        migrations.AddField(
            model_name="historicallocation",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="open data identifier"
            ),
        ),
        migrations.AddField(
            model_name="historicaloffer",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="open data identifier"
            ),
        ),
        migrations.AddField(
            model_name="historicalofferlocation",
            name="uuid",
            field=models.UUIDField(
                db_index=True, default=uuid.uuid4, editable=False, verbose_name="open data identifier"
            ),
        ),
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="pillar",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="open data identifier"
            ),
        ),
        migrations.AlterField(
            model_name="theme",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="open data identifier"
            ),
        ),
        migrations.AlterField(
            model_name="location",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="open data identifier"
            ),
        ),
        migrations.AlterField(
            model_name="offer",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="open data identifier"
            ),
        ),
        migrations.AlterField(
            model_name="offerlocation",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4, editable=False, unique=True, verbose_name="open data identifier"
            ),
        ),
    ]

