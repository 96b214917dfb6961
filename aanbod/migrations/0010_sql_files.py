"""The search and filter-code functions and triggers from their .sql files in aanbod/sql/.

Migrations 0004 and 0007 made them with the definitions of that time, and stay as they were.
From here on the current definitions live in aanbod/sql/search.sql and facets.sql; this
migration applies them, and a later change to a file comes with a migration that applies it
again (see the header of each file).
"""

from django.db import migrations

from aanbod import sql


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0009_offer_service_area"),
    ]

    operations = [
        sql.apply("search.sql"),
        sql.apply("facets.sql"),
    ]
