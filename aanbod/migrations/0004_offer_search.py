"""Text search over offers: the stored search document and its upkeep.

The current definitions of the configuration, functions and triggers are in
aanbod/sql/search.sql, applied by migration 0008; this is what they first were.

Why database triggers keep ``aanbod_offer.search_vector`` current, and not Python (save() or
signals): offers are written through many paths that bypass save() and signals --
bulk_create() in the demo loader and benchmarks, QuerySet.update(), bulk inserts into the themes
table, renaming a theme or a partner in the admin, deleting a theme (a cascade, no m2m_changed),
raw SQL. A trigger sees them all, in the same transaction, with no extra query from Django.

- The document is weighted: title (A), summary (B), description (C)
  (``aanbod_offer_own_document()``), theme names and the provider's name (D)
  (``aanbod_offer_related_document()``).
- A BEFORE INSERT OR UPDATE trigger on aanbod_offer rebuilds it when a source column changes,
  or when anything writes search_vector itself: "SET search_vector = NULL" is how the other
  triggers ask for a rebuild, and a stale value written back by save() is replaced. When only
  themes or the provider changed, it keeps the A-C part (ts_filter) and rebuilds just the short
  D part: parsing the description is what costs time (about 1 ms an offer), so a bulk load that
  inserts offers and then their themes parses every description once, not twice.
- Statement-level triggers on aanbod_offer_themes (with transition tables, so one bulk insert
  means one UPDATE), and row triggers on aanbod_theme and partners_partner for renames.

The triggers compare columns in their body instead of using "UPDATE OF column" or a WHEN
clause: PostgreSQL refuses ALTER COLUMN ... TYPE on columns named there, which would block
ordinary migrations such as a longer max_length for a title or a partner name.

Indexes: GIN on search_vector for "@@", and GIN gin_trgm_ops on aanbod_fold(title) for the
typo fallback ("%>"). aanbod_fold() is an IMMUTABLE wrapper around unaccent(lower(...)): unaccent
itself is only STABLE and cannot be used in an index. It names the unaccent dictionary with its
schema so that it also works under the empty search_path of pg_dump/pg_restore.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

FORWARD = """
CREATE TEXT SEARCH CONFIGURATION {here}.dutch_unaccent (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION {here}.dutch_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH {unaccent}.unaccent, pg_catalog.dutch_stem;

CREATE FUNCTION {here}.aanbod_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT {unaccent}.unaccent('{unaccent}.unaccent'::regdictionary, lower($1)) $$;

CREATE FUNCTION {here}.aanbod_offer_own_document(
    p_title text, p_summary text, p_description text
) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT setweight(to_tsvector('{here}.dutch_unaccent'::regconfig, coalesce(p_title, '')), 'A')
        || setweight(to_tsvector('{here}.dutch_unaccent'::regconfig, coalesce(p_summary, '')), 'B')
        || setweight(to_tsvector('{here}.dutch_unaccent'::regconfig, coalesce(p_description, '')), 'C')
    $$;

CREATE FUNCTION {here}.aanbod_offer_related_document(p_offer_id bigint, p_provider_id bigint)
    RETURNS tsvector
    LANGUAGE sql STABLE
    AS $$
    SELECT setweight(to_tsvector('{here}.dutch_unaccent'::regconfig, concat_ws(' ',
        (SELECT string_agg(t.name, ' ' ORDER BY t.name)
           FROM {here}.aanbod_offer_themes ot
           JOIN {here}.aanbod_theme t ON t.id = ot.theme_id
          WHERE ot.offer_id = p_offer_id),
        (SELECT p.name FROM {here}.partners_partner p WHERE p.id = p_provider_id)
    )), 'D')
    $$;

CREATE FUNCTION {here}.aanbod_offer_set_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP = 'UPDATE'
           AND NEW.title IS NOT DISTINCT FROM OLD.title
           AND NEW.summary IS NOT DISTINCT FROM OLD.summary
           AND NEW.description IS NOT DISTINCT FROM OLD.description
           AND OLD.search_vector IS NOT NULL
        THEN
            -- The offer's own text is unchanged: keep its part of the document (weights A-C,
            -- the costly part to build) and redo only the short themes-and-provider part.
            IF NEW.provider_id IS DISTINCT FROM OLD.provider_id
               OR NEW.search_vector IS DISTINCT FROM OLD.search_vector
            THEN
                NEW.search_vector := ts_filter(OLD.search_vector, '{{a,b,c}}')
                    || {here}.aanbod_offer_related_document(NEW.id, NEW.provider_id);
            END IF;
        ELSE
            NEW.search_vector :=
                {here}.aanbod_offer_own_document(NEW.title, NEW.summary, NEW.description)
                || {here}.aanbod_offer_related_document(NEW.id, NEW.provider_id);
        END IF;
        RETURN NEW;
    END
    $$;

CREATE TRIGGER aanbod_offer_search_vector
    BEFORE INSERT OR UPDATE ON {here}.aanbod_offer
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_offer_set_search_vector();

CREATE FUNCTION {here}.aanbod_offer_themes_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            UPDATE {here}.aanbod_offer SET search_vector = NULL
             WHERE id IN (SELECT offer_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN
            UPDATE {here}.aanbod_offer SET search_vector = NULL
             WHERE id IN (SELECT offer_id FROM old_rows);
        ELSE
            UPDATE {here}.aanbod_offer SET search_vector = NULL
             WHERE id IN (SELECT offer_id FROM new_rows UNION SELECT offer_id FROM old_rows);
        END IF;
        RETURN NULL;
    END
    $$;

CREATE TRIGGER aanbod_offer_themes_inserted
    AFTER INSERT ON {here}.aanbod_offer_themes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_themes_changed();
CREATE TRIGGER aanbod_offer_themes_deleted
    AFTER DELETE ON {here}.aanbod_offer_themes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_themes_changed();
CREATE TRIGGER aanbod_offer_themes_updated
    AFTER UPDATE ON {here}.aanbod_offer_themes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_themes_changed();

CREATE FUNCTION {here}.aanbod_theme_renamed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF NEW.name IS DISTINCT FROM OLD.name THEN
            UPDATE {here}.aanbod_offer SET search_vector = NULL
             WHERE id IN (SELECT offer_id FROM {here}.aanbod_offer_themes WHERE theme_id = NEW.id);
        END IF;
        RETURN NULL;
    END
    $$;

CREATE TRIGGER aanbod_theme_renamed
    AFTER UPDATE ON {here}.aanbod_theme
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_theme_renamed();

CREATE FUNCTION {here}.aanbod_provider_renamed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF NEW.name IS DISTINCT FROM OLD.name THEN
            UPDATE {here}.aanbod_offer SET search_vector = NULL WHERE provider_id = NEW.id;
        END IF;
        RETURN NULL;
    END
    $$;

CREATE TRIGGER aanbod_provider_renamed
    AFTER UPDATE ON {here}.partners_partner
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_provider_renamed();

CREATE INDEX aanbod_offer_search_vector_gin ON {here}.aanbod_offer USING gin (search_vector);
CREATE INDEX aanbod_offer_title_trgm ON {here}.aanbod_offer
    USING gin ({here}.aanbod_fold(title) {trgm}.gin_trgm_ops);

-- Keep the document in the row instead of the TOAST table (tsvectors hardly compress, so it
-- would be moved out of line): ranking and matching read it for every candidate row, and an
-- in-row read is about three times faster. The description is moved out of line instead.
ALTER TABLE {here}.aanbod_offer ALTER COLUMN search_vector SET STORAGE MAIN;

-- Offers that exist already: the trigger fills in their document.
UPDATE {here}.aanbod_offer SET search_vector = NULL;
"""

BACKWARD = """
DROP INDEX IF EXISTS {here}.aanbod_offer_title_trgm;
DROP INDEX IF EXISTS {here}.aanbod_offer_search_vector_gin;
DROP TRIGGER IF EXISTS aanbod_provider_renamed ON {here}.partners_partner;
DROP TRIGGER IF EXISTS aanbod_theme_renamed ON {here}.aanbod_theme;
DROP TRIGGER IF EXISTS aanbod_offer_themes_updated ON {here}.aanbod_offer_themes;
DROP TRIGGER IF EXISTS aanbod_offer_themes_deleted ON {here}.aanbod_offer_themes;
DROP TRIGGER IF EXISTS aanbod_offer_themes_inserted ON {here}.aanbod_offer_themes;
DROP TRIGGER IF EXISTS aanbod_offer_search_vector ON {here}.aanbod_offer;
DROP FUNCTION IF EXISTS {here}.aanbod_provider_renamed();
DROP FUNCTION IF EXISTS {here}.aanbod_theme_renamed();
DROP FUNCTION IF EXISTS {here}.aanbod_offer_themes_changed();
DROP FUNCTION IF EXISTS {here}.aanbod_offer_set_search_vector();
DROP FUNCTION IF EXISTS {here}.aanbod_offer_related_document(bigint, bigint);
DROP FUNCTION IF EXISTS {here}.aanbod_offer_own_document(text, text, text);
DROP FUNCTION IF EXISTS {here}.aanbod_fold(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS {here}.dutch_unaccent;
"""


def _schemas(schema_editor):
    """Quoted schema names: of our tables, and of the unaccent and pg_trgm extensions."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_schema(),"
            " (SELECT extnamespace::regnamespace::text FROM pg_extension"
            "   WHERE extname = 'unaccent'),"
            " (SELECT extnamespace::regnamespace::text FROM pg_extension"
            "   WHERE extname = 'pg_trgm')"
        )
        here, unaccent, trgm = cursor.fetchone()
    quote = schema_editor.quote_name
    # regnamespace::text is already quoted where needed.
    return {"here": quote(here), "unaccent": unaccent or quote(here), "trgm": trgm or quote(here)}


def create_search_objects(apps, schema_editor):
    schema_editor.execute(FORWARD.format(**_schemas(schema_editor)), params=None)


def drop_search_objects(apps, schema_editor):
    schema_editor.execute(BACKWARD.format(**_schemas(schema_editor)), params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("aanbod", "0003_reports_and_search_log"),
        ("partners", "0001_initial"),
    ]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.AddField(
            model_name="offer",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search document"
            ),
        ),
        migrations.RunPython(create_search_objects, drop_search_objects, elidable=False),
    ]
