"""The functions and triggers in aanbod/sql/: each file can be applied again, and a migrated
database holds just what the files define."""

import pytest
from django.db import connection

from aanbod import sql


def definitions():
    """The search configuration's mapping, and every function and trigger, as the database
    would write them out."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT maptokentype, mapseqno, mapdict::regdictionary::text"
            " FROM pg_ts_config_map WHERE mapcfg = 'dutch_unaccent'::regconfig"
            " ORDER BY maptokentype, mapseqno"
        )
        mapping = cursor.fetchall()
        cursor.execute(
            "SELECT pg_get_functiondef(oid) FROM pg_proc WHERE proname LIKE 'aanbod%'"
            " ORDER BY proname"
        )
        functions = cursor.fetchall()
        cursor.execute(
            "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname"
        )
        triggers = cursor.fetchall()
    return mapping, functions, triggers


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["search.sql", "facets.sql"])
def test_applying_a_file_again_changes_nothing(name):
    before = definitions()
    assert all(before), "the migrations made the configuration, functions and triggers"
    with connection.cursor() as cursor:
        cursor.execute(sql.render(name, connection))
    assert definitions() == before
