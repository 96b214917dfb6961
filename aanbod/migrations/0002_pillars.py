"""The five basic pillars of the engagement declaration, plus "extra aanbod"."""

from django.db import migrations

PILLARS = [
    (
        "onthaal-en-informatie",
        "Laagdrempelig onthaal- en informatieaanbod",
        "Binnenlopen met al je vragen over opgroeien en opvoeden. We luisteren en wijzen je de weg.",
        True,
    ),
    (
        "consultatie",
        "Medische, psychosociale en pedagogische consultatie",
        "Je kind laten wegen, meten en vaccineren, en praten over gezondheid en ontwikkeling, "
        "bijvoorbeeld op het consultatiebureau.",
        True,
    ),
    (
        "spel-en-ontmoeting",
        "Spel en ontmoeting voor jonge kinderen",
        "Samen spelen met je kind en andere ouders ontmoeten, bijvoorbeeld in de spel- en "
        "ontmoetingsruimte.",
        True,
    ),
    (
        "opvoedadvies",
        "Laagdrempelig opvoedadvies",
        "Praten over opvoeding, zonder afspraak of met een afspraak, bijvoorbeeld in de "
        "opvoedingswinkel.",
        True,
    ),
    (
        "groepsaanbod",
        "Groepsaanbod: infoavonden, workshops en oudergroepen",
        "Samen met andere ouders bijleren en ervaringen delen.",
        True,
    ),
    (
        "extra-aanbod",
        "Extra aanbod",
        "Aanbod van de partners naast de vijf basispijlers, afhankelijk van de plek.",
        False,
    ),
]


def create_pillars(apps, schema_editor):
    Pillar = apps.get_model("aanbod", "Pillar")
    for order, (slug, name, description, is_basic) in enumerate(PILLARS, start=1):
        Pillar.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "order": order,
                "is_basic": is_basic,
            },
        )


def remove_pillars(apps, schema_editor):
    apps.get_model("aanbod", "Pillar").objects.filter(slug__in=[p[0] for p in PILLARS]).delete()


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0001_initial")]

    operations = [migrations.RunPython(create_pillars, remove_pillars)]
