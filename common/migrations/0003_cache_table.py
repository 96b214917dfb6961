# The table of the database cache (settings.CACHES), which the rate limits count in. Django's
# createcachetable is not run by migrate; this creates the same table, also when Redis is the
# cache for now, so switching back needs no extra step.
from django.db import migrations

TABLE = "django_cache"


class Migration(migrations.Migration):
    dependencies = [("common", "0002_coordinators_view_outgoing_email")]

    operations = [
        migrations.RunSQL(
            sql=[
                f'CREATE TABLE IF NOT EXISTS "{TABLE}" ('
                '"cache_key" varchar(255) NOT NULL PRIMARY KEY, '
                '"value" text NOT NULL, '
                '"expires" timestamp with time zone NOT NULL)',
                f'CREATE INDEX IF NOT EXISTS "{TABLE}_expires" ON "{TABLE}" ("expires")',
            ],
            reverse_sql=[f'DROP TABLE IF EXISTS "{TABLE}"'],
        )
    ]
