"""Where an offer is available (its service area), and its postcodes among the filter codes.

facets.sql now passes the service area to aanbod_offer_facets(), whose one-argument version
is dropped (re-applying the file does not); every offer's codes are built again.
"""

import django.contrib.postgres.fields
from django.db import migrations, models

from aanbod import sql


class Migration(migrations.Migration):

    dependencies = [
        ('aanbod', '0008_activity'),
        ('partners', '0004_coordinator_permissions'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicaloffer',
            name='service_area',
            field=models.CharField(choices=[('places', 'only at its places'), ('leuven', 'all of Leuven'), ('areas', 'some deelgemeenten')], default='places', max_length=10, verbose_name='service area'),
        ),
        migrations.AddField(
            model_name='historicaloffer',
            name='service_postcodes',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('3000', '3000 Leuven'), ('3001', '3001 Heverlee'), ('3010', '3010 Kessel-Lo'), ('3012', '3012 Wilsele'), ('3018', '3018 Wijgmaal')], max_length=4), blank=True, default=list, size=None, verbose_name='deelgemeenten'),
        ),
        migrations.AddField(
            model_name='offer',
            name='service_area',
            field=models.CharField(choices=[('places', 'only at its places'), ('leuven', 'all of Leuven'), ('areas', 'some deelgemeenten')], default='places', max_length=10, verbose_name='service area'),
        ),
        migrations.AddField(
            model_name='offer',
            name='service_postcodes',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('3000', '3000 Leuven'), ('3001', '3001 Heverlee'), ('3010', '3010 Kessel-Lo'), ('3012', '3012 Wilsele'), ('3018', '3018 Wijgmaal')], max_length=4), blank=True, default=list, size=None, verbose_name='deelgemeenten'),
        ),
        migrations.AddConstraint(
            model_name='offer',
            constraint=models.CheckConstraint(condition=models.Q(('service_postcodes__contained_by', ['3000', '3001', '3010', '3012', '3018'])), name='offer_service_postcodes_in_leuven', violation_error_message='Choose deelgemeenten of Leuven.'),
        ),
        migrations.AddConstraint(
            model_name='offer',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('service_area', 'areas'), ('service_postcodes__len__gt', 0)), models.Q(models.Q(('service_area', 'areas'), _negated=True), ('service_postcodes', [])), _connector='OR'), name='offer_service_postcodes_only_for_areas', violation_error_message='Choose deelgemeenten when, and only when, the offer is for some of them.'),
        ),
        sql.apply("facets.sql"),
        migrations.RunSQL(
            "DROP FUNCTION IF EXISTS aanbod_offer_facets(bigint)", migrations.RunSQL.noop
        ),
        migrations.RunSQL("UPDATE aanbod_offer SET facets = NULL", migrations.RunSQL.noop),
    ]
