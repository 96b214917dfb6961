"""Give every offer, place, regular time and activity that exists before change history was
switched on a first history record (its state now), and give the Coordinators group the
permissions of the models added in 0005.

Without a first record, the first change by a partner would have nothing to compare with:
the change list could not say what changed, and a refused save could not show what the other
person changed.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

TRACKED = ["Location", "Offer", "OfferLocation", "ScheduleSlot", "Session"]
OFFER_M2M = {"pillars": "pillar", "themes": "theme", "languages": "language", "co_providers": "partner"}
BATCH = 500


def _copy_fields(model, historical):
    own = {field.attname for field in model._meta.concrete_fields}
    return [
        field.attname
        for field in historical._meta.concrete_fields
        if field.attname in own and not field.name.startswith("history_")
    ]


def add_baseline(apps, schema_editor):
    now = timezone.now()
    for name in TRACKED:
        model = apps.get_model("aanbod", name)
        historical = apps.get_model("aanbod", f"Historical{name}")
        recorded = set(historical.objects.values_list("id", flat=True).distinct())
        fields = _copy_fields(model, historical)
        records = [
            historical(
                history_date=now,
                history_type="+",
                history_change_reason="baseline",
                **{attname: getattr(obj, attname) for attname in fields},
            )
            for obj in model.objects.exclude(pk__in=recorded).iterator()
        ]
        historical.objects.bulk_create(records, batch_size=BATCH)
        if name == "Offer":
            _add_offer_m2m_baseline(apps, model, historical, now)


def _add_offer_m2m_baseline(apps, offer_model, historical, now):
    records = {
        record.id: record
        for record in historical.objects.filter(history_change_reason="baseline", history_date=now)
    }
    for field_name, target in OFFER_M2M.items():
        through = offer_model._meta.get_field(field_name).remote_field.through
        m2m_history = apps.get_model("aanbod", f"HistoricalOffer_{field_name}")
        rows = [
            m2m_history(
                history=records[row.offer_id],
                id=row.id,
                offer_id=row.offer_id,
                **{f"{target}_id": getattr(row, f"{target}_id")},
            )
            for row in through.objects.filter(offer_id__in=records).iterator()
        ]
        m2m_history.objects.bulk_create(rows, batch_size=BATCH)


def add_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the
    # group can be given them on a fresh database.
    app_config = apps.get_app_config("aanbod")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="aanbod"))


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0005_history_reports_and_reminders"),
        ("partners", "0004_coordinator_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_baseline, migrations.RunPython.noop),
        migrations.RunPython(add_permissions, migrations.RunPython.noop),
    ]
