"""Filter codes per offer: ``aanbod_offer.facets`` and its upkeep.

The current definitions of the functions and triggers are in aanbod/sql/facets.sql, applied by
migration 0008; this is what they first were.

The catalogue's filters on related tables -- pillar, theme, language, postcode of a place,
weekday -- were EXISTS subqueries that PostgreSQL checked offer by offer; eight filters together
took 200-500 ms at 100,000 offers. Here every offer carries those facts as codes in a tsvector
(see ``Offer.facets``), so that one GIN index scan finds the offers that have all of them.

- ``aanbod_offer_facets(offer_id)`` builds the codes from the related tables.
- A BEFORE INSERT OR UPDATE trigger on aanbod_offer builds them on insert, and again whenever
  anything writes the column: "SET facets = NULL" is how the other triggers ask for a rebuild,
  and a stale value that save() writes back differs from the stored one and is replaced. The
  trigger runs once it holds the offer's row, and PL/pgSQL reads with a new snapshot for each
  statement: when it had to wait for another transaction's change to the offer, it sees what
  that transaction committed (two people adding a slot to one offer at once both count).
- Statement-level triggers (transition tables: one bulk insert means one UPDATE) on the pillar,
  theme and language tables of offers, on offer places, weekly slots and activities; a row
  trigger on places for a changed postcode. ``aanbod_refresh_facets(offer_ids)`` rewrites only
  the offers whose codes change, looked up by primary key ("id = ANY (ARRAY(...))") whatever
  PostgreSQL guesses about the size of a transition table, of which it has no statistics.

The weekday of an activity is taken in settings.TIME_ZONE as it is when this migration runs,
as the weekday filter reads it (Europe/Brussels); another time zone would need a migration that
replaces aanbod_offer_facets().

As in 0004_offer_search, the triggers compare columns in their body instead of naming them in
"UPDATE OF" or WHEN, which would block ALTER COLUMN ... TYPE in later migrations.

The partial GIN index holds published offers only: the public pages never ask for others, and
with the status in the index's condition PostgreSQL needs no second index to leave drafts out.
"""

import django.contrib.postgres.search
from django.conf import settings
from django.db import migrations

# The offer tables whose rows have an offer_id and feed the codes.
OFFER_CHILD_TABLES = (
    "aanbod_offer_pillars",
    "aanbod_offer_languages",
    "aanbod_offer_themes",
    "aanbod_offerlocation",
    "aanbod_session",
)

FORWARD = """
CREATE FUNCTION {here}.aanbod_offer_facets(p_offer_id bigint) RETURNS tsvector
    LANGUAGE sql STABLE
    AS $$
    SELECT array_to_tsvector(coalesce(array_agg(DISTINCT code), '{{}}'))
      FROM (
        SELECT 'p' || pillar_id AS code
          FROM {here}.aanbod_offer_pillars WHERE offer_id = p_offer_id
        UNION ALL
        SELECT 't' || theme_id FROM {here}.aanbod_offer_themes WHERE offer_id = p_offer_id
        UNION ALL
        SELECT 'l' || language_id FROM {here}.aanbod_offer_languages WHERE offer_id = p_offer_id
        UNION ALL
        SELECT 'g' || l.postcode
          FROM {here}.aanbod_offerlocation ol
          JOIN {here}.aanbod_location l ON l.id = ol.location_id
         WHERE ol.offer_id = p_offer_id
        UNION ALL
        SELECT 'd' || s.weekday
          FROM {here}.aanbod_scheduleslot s
          JOIN {here}.aanbod_offerlocation ol ON ol.id = s.offer_location_id
         WHERE ol.offer_id = p_offer_id
        UNION ALL
        SELECT 's' || extract(isodow FROM starts_at AT TIME ZONE {time_zone})::int
          FROM {here}.aanbod_session
         WHERE offer_id = p_offer_id AND NOT is_cancelled
      ) codes
    $$;

CREATE FUNCTION {here}.aanbod_offer_set_facets() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP = 'INSERT' OR NEW.facets IS NULL OR NEW.facets IS DISTINCT FROM OLD.facets THEN
            NEW.facets := {here}.aanbod_offer_facets(NEW.id);
        END IF;
        RETURN NEW;
    END
    $$;

CREATE TRIGGER aanbod_offer_facets
    BEFORE INSERT OR UPDATE ON {here}.aanbod_offer
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_offer_set_facets();

-- Rebuild the codes of these offers where they changed; an offer whose codes stay the same
-- (a second slot on the same day, a new capacity) is not written. The offers and their places
-- are locked first: a transaction changing them at the same time (another slot, a place's
-- postcode) is waited for, and the UPDATE, a statement of its own and so with a new snapshot,
-- reads what it committed. The locks are the weakest that do this: foreign key checks and
-- other readers of the rows are not held up.
CREATE FUNCTION {here}.aanbod_refresh_facets(p_offer_ids bigint[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
    BEGIN
        PERFORM 1 FROM {here}.aanbod_offer WHERE id = ANY (p_offer_ids)
         ORDER BY id FOR NO KEY UPDATE;
        PERFORM 1 FROM {here}.aanbod_location
         WHERE id IN (SELECT location_id FROM {here}.aanbod_offerlocation
                       WHERE offer_id = ANY (p_offer_ids))
         ORDER BY id FOR SHARE;
        UPDATE {here}.aanbod_offer SET facets = NULL
         WHERE id = ANY (p_offer_ids)
           AND facets IS DISTINCT FROM {here}.aanbod_offer_facets(id);
    END
    $$;

-- For tables with an offer_id column.
CREATE FUNCTION {here}.aanbod_offer_child_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            PERFORM {here}.aanbod_refresh_facets(ARRAY(SELECT offer_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
            PERFORM {here}.aanbod_refresh_facets(ARRAY(SELECT offer_id FROM old_rows));
        ELSE
            PERFORM {here}.aanbod_refresh_facets(
                ARRAY(SELECT offer_id FROM new_rows UNION SELECT offer_id FROM old_rows));
        END IF;
        RETURN NULL;
    END
    $$;

CREATE FUNCTION {here}.aanbod_slot_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            PERFORM {here}.aanbod_refresh_facets(ARRAY(
                SELECT ol.offer_id FROM {here}.aanbod_offerlocation ol
                 WHERE ol.id = ANY (ARRAY(SELECT offer_location_id FROM new_rows))));
        ELSIF TG_OP = 'DELETE' THEN
            PERFORM {here}.aanbod_refresh_facets(ARRAY(
                SELECT ol.offer_id FROM {here}.aanbod_offerlocation ol
                 WHERE ol.id = ANY (ARRAY(SELECT offer_location_id FROM old_rows))));
        ELSE
            PERFORM {here}.aanbod_refresh_facets(ARRAY(
                SELECT ol.offer_id FROM {here}.aanbod_offerlocation ol
                 WHERE ol.id = ANY (ARRAY(SELECT offer_location_id FROM new_rows
                                          UNION SELECT offer_location_id FROM old_rows))));
        END IF;
        RETURN NULL;
    END
    $$;

CREATE FUNCTION {here}.aanbod_location_postcode_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF NEW.postcode IS DISTINCT FROM OLD.postcode THEN
            PERFORM {here}.aanbod_refresh_facets(ARRAY(
                SELECT offer_id FROM {here}.aanbod_offerlocation WHERE location_id = NEW.id));
        END IF;
        RETURN NULL;
    END
    $$;

{child_triggers}

CREATE TRIGGER aanbod_slot_inserted
    AFTER INSERT ON {here}.aanbod_scheduleslot REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_slot_changed();
CREATE TRIGGER aanbod_slot_deleted
    AFTER DELETE ON {here}.aanbod_scheduleslot REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_slot_changed();
CREATE TRIGGER aanbod_slot_updated
    AFTER UPDATE ON {here}.aanbod_scheduleslot
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_slot_changed();

CREATE TRIGGER aanbod_location_postcode_changed
    AFTER UPDATE ON {here}.aanbod_location
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_location_postcode_changed();

CREATE INDEX aanbod_offer_facets_gin ON {here}.aanbod_offer USING gin (facets)
    WHERE status = 'published';

-- Offers that exist already: the trigger fills in their codes.
UPDATE {here}.aanbod_offer SET facets = NULL;
"""

CHILD_TRIGGERS = """
CREATE TRIGGER {table}_facets_inserted
    AFTER INSERT ON {here}.{table} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE TRIGGER {table}_facets_deleted
    AFTER DELETE ON {here}.{table} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE TRIGGER {table}_facets_updated
    AFTER UPDATE ON {here}.{table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
"""

BACKWARD = """
DROP INDEX IF EXISTS {here}.aanbod_offer_facets_gin;
DROP TRIGGER IF EXISTS aanbod_location_postcode_changed ON {here}.aanbod_location;
DROP TRIGGER IF EXISTS aanbod_slot_updated ON {here}.aanbod_scheduleslot;
DROP TRIGGER IF EXISTS aanbod_slot_deleted ON {here}.aanbod_scheduleslot;
DROP TRIGGER IF EXISTS aanbod_slot_inserted ON {here}.aanbod_scheduleslot;
{child_triggers}
DROP TRIGGER IF EXISTS aanbod_offer_facets ON {here}.aanbod_offer;
DROP FUNCTION IF EXISTS {here}.aanbod_location_postcode_changed();
DROP FUNCTION IF EXISTS {here}.aanbod_slot_changed();
DROP FUNCTION IF EXISTS {here}.aanbod_offer_child_changed();
DROP FUNCTION IF EXISTS {here}.aanbod_refresh_facets(bigint[]);
DROP FUNCTION IF EXISTS {here}.aanbod_offer_set_facets();
DROP FUNCTION IF EXISTS {here}.aanbod_offer_facets(bigint);
"""

DROP_CHILD_TRIGGERS = """
DROP TRIGGER IF EXISTS {table}_facets_updated ON {here}.{table};
DROP TRIGGER IF EXISTS {table}_facets_deleted ON {here}.{table};
DROP TRIGGER IF EXISTS {table}_facets_inserted ON {here}.{table};
"""


def _sql(template, per_table, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        here = schema_editor.quote_name(cursor.fetchone()[0])
    children = "".join(per_table.format(here=here, table=table) for table in OFFER_CHILD_TABLES)
    # The weekday of an activity as it is in Leuven, as the weekday filter reads it.
    time_zone = "'" + settings.TIME_ZONE.replace("'", "''") + "'"
    return template.format(here=here, child_triggers=children, time_zone=time_zone)


def create_facet_objects(apps, schema_editor):
    schema_editor.execute(_sql(FORWARD, CHILD_TRIGGERS, schema_editor), params=None)


def drop_facet_objects(apps, schema_editor):
    schema_editor.execute(_sql(BACKWARD, DROP_CHILD_TRIGGERS, schema_editor), params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0006_history_baseline_and_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="offer",
            name="facets",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="filter codes"
            ),
        ),
        migrations.RunPython(create_facet_objects, drop_facet_objects, elidable=False),
    ]
