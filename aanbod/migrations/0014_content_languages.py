"""Texts in every interface language: names of pillars, themes and languages, offer
translations with their search documents (aanbod/sql/translations.sql), search synonyms, and
the pillars' names for parents."""

import aanbod.languages
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from aanbod import sql


class Migration(migrations.Migration):

    dependencies = [
        ('aanbod', '0013_open_data_uuids'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='language',
            name='names',
            field=models.JSONField(blank=True, default=dict, validators=[aanbod.languages.validate_names], verbose_name='names in other languages'),
        ),
        migrations.AddField(
            model_name='pillar',
            name='names',
            field=models.JSONField(blank=True, default=dict, validators=[aanbod.languages.validate_names], verbose_name='names in other languages'),
        ),
        migrations.AddField(
            model_name='pillar',
            name='plain_name',
            field=models.CharField(blank=True, help_text='In words parents use, in Dutch. Empty: the official name.', max_length=120, verbose_name='name for parents'),
        ),
        migrations.AddField(
            model_name='theme',
            name='names',
            field=models.JSONField(blank=True, default=dict, validators=[aanbod.languages.validate_names], verbose_name='names in other languages'),
        ),
        migrations.AlterField(
            model_name='pillar',
            name='name',
            field=models.CharField(max_length=120, verbose_name='official name'),
        ),
        migrations.CreateModel(
            name='HistoricalOfferTranslation',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('language', models.CharField(choices=aanbod.languages.translation_languages, max_length=10, verbose_name='language')),
                ('title', models.CharField(max_length=150, verbose_name='title')),
                ('summary', models.CharField(max_length=300, verbose_name='short summary')),
                ('registration_details', models.TextField(blank=True, verbose_name='how to take part')),
                ('cost_details', models.CharField(blank=True, max_length=255, verbose_name='cost details')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='changed at')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('offer', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='aanbod.offer', verbose_name='offer')),
            ],
            options={
                'verbose_name': 'historical offer translation',
                'verbose_name_plural': 'historical offer translations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='SearchSynonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=aanbod.languages.all_languages, max_length=10, verbose_name='language')),
                ('term', models.CharField(help_text='One or more words, as people type them. Case and accents do not matter.', max_length=100, verbose_name='search term')),
                ('dutch_words', models.CharField(help_text='The Dutch words to search for as well, separated by spaces: any of them.', max_length=200, verbose_name='Dutch words')),
            ],
            options={
                'verbose_name': 'search synonym',
                'verbose_name_plural': 'search synonyms',
                'ordering': ['language', 'term'],
                'constraints': [models.UniqueConstraint(fields=('language', 'term'), name='search_synonym_unique')],
            },
        ),
        migrations.CreateModel(
            name='OfferTranslation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=aanbod.languages.translation_languages, max_length=10, verbose_name='language')),
                ('title', models.CharField(max_length=150, verbose_name='title')),
                ('summary', models.CharField(max_length=300, verbose_name='short summary')),
                ('registration_details', models.TextField(blank=True, verbose_name='how to take part')),
                ('cost_details', models.CharField(blank=True, max_length=255, verbose_name='cost details')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='changed at')),
                ('search_vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name='search document')),
                ('offer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='aanbod.offer', verbose_name='offer')),
            ],
            options={
                'verbose_name': 'offer translation',
                'verbose_name_plural': 'offer translations',
                'ordering': ['offer', 'language'],
                'indexes': [django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='aanbod_offertranslation_search')],
                'constraints': [models.UniqueConstraint(fields=('offer', 'language'), name='offer_translation_one_per_language')],
            },
        ),
        sql.apply("translations.sql"),
    ]
