"""The pillars' names for parents, the names of pillars, themes and languages in the other
interface languages, and the first search synonyms (all from aanbod/content_names.py); the
Coordinators group gets the permissions on offer translations and search synonyms."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from aanbod.content_names import LANGUAGE_NAMES, PILLAR_NAMES, SEARCH_SYNONYMS, THEME_NAMES
from aanbod.search import synonym_key


def add_names(apps, schema_editor):
    Pillar = apps.get_model("aanbod", "Pillar")
    Theme = apps.get_model("aanbod", "Theme")
    Language = apps.get_model("aanbod", "Language")
    SearchSynonym = apps.get_model("aanbod", "SearchSynonym")
    for slug, (plain_name, names) in PILLAR_NAMES.items():
        Pillar.objects.filter(slug=slug).update(plain_name=plain_name, names=names)
    for slug, names in THEME_NAMES.items():
        Theme.objects.filter(slug=slug, names={}).update(names=names)
    for code, names in LANGUAGE_NAMES.items():
        Language.objects.filter(code=code, names={}).update(names=names)
    for language, synonyms in SEARCH_SYNONYMS.items():
        for term, dutch_words in synonyms.items():
            SearchSynonym.objects.get_or_create(
                language=language, term=synonym_key(term), defaults={"dutch_words": dutch_words}
            )


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="aanbod",
        content_type__model__in=["offertranslation", "historicaloffertranslation", "searchsynonym"],
    )


def add_permissions(apps, schema_editor):
    # As in 0012: permissions are normally created after all migrations ran.
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
        ("aanbod", "0014_content_languages"),
        ("partners", "0002_coordinators_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(add_names, migrations.RunPython.noop),
        migrations.RunPython(add_permissions, remove_permissions),
    ]
