-- The search document of offers, aanbod_offer.search_vector (see aanbod/search.py), and the
-- triggers that keep it current.
--
-- These are the current definitions. Migration 0008 applies this file with aanbod.sql.apply(),
-- which fills in the names in braces (aanbod/sql/__init__.py). Every statement can run again on
-- a database that has the objects already. When you change this file, add a migration that
-- applies it again (operations = [sql.apply("search.sql")]), and in it:
-- - rebuild the documents if what they hold changes: UPDATE aanbod_offer SET search_vector = NULL;
-- - drop what you take out of this file: re-applying it does not.
-- On a fresh database migration 0008 already runs this file as it is now, so it may only name
-- tables and columns that exist by then. Migration 0004 made the first version of all this,
-- and the indexes.
--
-- Why triggers and not Python (save() or signals): offers are written through many paths that
-- bypass save() and signals -- bulk_create() in the demo loader and the benchmark,
-- QuerySet.update(), bulk inserts into the themes table, renaming a theme or a partner in the
-- admin, deleting a theme (a cascade, no m2m_changed), raw SQL. A trigger sees them all, in the
-- same transaction, with no extra query from Django.
--
-- The triggers compare columns in their body instead of using "UPDATE OF column" or a WHEN
-- clause: PostgreSQL refuses ALTER COLUMN ... TYPE on columns named there, which would block
-- ordinary migrations such as a longer max_length for a title or a partner name.

-- Dutch stemming after unaccent. The configuration is made once; its mapping is set each time.
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT FROM pg_catalog.pg_ts_config
         WHERE cfgname = 'dutch_unaccent' AND cfgnamespace = '{here}'::regnamespace
    ) THEN
        CREATE TEXT SEARCH CONFIGURATION {here}.dutch_unaccent (COPY = pg_catalog.dutch);
    END IF;
END
$$;
ALTER TEXT SEARCH CONFIGURATION {here}.dutch_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH {unaccent}.unaccent, pg_catalog.dutch_stem;

-- unaccent itself is only STABLE and cannot be used in an index; this wrapper can (the trigram
-- index on aanbod_fold(title), made by migration 0004). It names the dictionary with its schema
-- so that it also works under the empty search_path of pg_dump/pg_restore. A change to what it
-- returns needs REINDEX INDEX aanbod_offer_title_trgm in the migration that applies it.
CREATE OR REPLACE FUNCTION {here}.aanbod_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT {unaccent}.unaccent('{unaccent}.unaccent'::regdictionary, lower($1)) $$;

-- The offer's own text, weighted: title (A), summary (B), description (C).
CREATE OR REPLACE FUNCTION {here}.aanbod_offer_own_document(
    p_title text, p_summary text, p_description text
) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
    SELECT setweight(to_tsvector('{here}.dutch_unaccent'::regconfig, coalesce(p_title, '')), 'A')
        || setweight(to_tsvector('{here}.dutch_unaccent'::regconfig, coalesce(p_summary, '')), 'B')
        || setweight(to_tsvector('{here}.dutch_unaccent'::regconfig, coalesce(p_description, '')), 'C')
    $$;

-- The names of its themes and of its provider (D).
CREATE OR REPLACE FUNCTION {here}.aanbod_offer_related_document(
    p_offer_id bigint, p_provider_id bigint
) RETURNS tsvector
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

-- Rebuild the document when a source column changes, or when anything writes search_vector
-- itself: "SET search_vector = NULL" is how the other triggers ask for a rebuild, and a stale
-- value written back by save() is replaced. When only themes or the provider changed, keep the
-- A-C part and rebuild just the short D part: parsing the description is what costs time
-- (about 1 ms an offer), so a bulk load that inserts offers and then their themes parses every
-- description once, not twice.
CREATE OR REPLACE FUNCTION {here}.aanbod_offer_set_search_vector() RETURNS trigger
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
                NEW.search_vector := ts_filter(OLD.search_vector, '{a,b,c}')
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

CREATE OR REPLACE TRIGGER aanbod_offer_search_vector
    BEFORE INSERT OR UPDATE ON {here}.aanbod_offer
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_offer_set_search_vector();

-- Statement-level triggers with transition tables: one bulk insert of themes means one UPDATE.
CREATE OR REPLACE FUNCTION {here}.aanbod_offer_themes_changed() RETURNS trigger
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

CREATE OR REPLACE TRIGGER aanbod_offer_themes_inserted
    AFTER INSERT ON {here}.aanbod_offer_themes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_themes_changed();
CREATE OR REPLACE TRIGGER aanbod_offer_themes_deleted
    AFTER DELETE ON {here}.aanbod_offer_themes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_themes_changed();
CREATE OR REPLACE TRIGGER aanbod_offer_themes_updated
    AFTER UPDATE ON {here}.aanbod_offer_themes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_themes_changed();

CREATE OR REPLACE FUNCTION {here}.aanbod_theme_renamed() RETURNS trigger
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

CREATE OR REPLACE TRIGGER aanbod_theme_renamed
    AFTER UPDATE ON {here}.aanbod_theme
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_theme_renamed();

CREATE OR REPLACE FUNCTION {here}.aanbod_provider_renamed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF NEW.name IS DISTINCT FROM OLD.name THEN
            UPDATE {here}.aanbod_offer SET search_vector = NULL WHERE provider_id = NEW.id;
        END IF;
        RETURN NULL;
    END
    $$;

CREATE OR REPLACE TRIGGER aanbod_provider_renamed
    AFTER UPDATE ON {here}.partners_partner
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_provider_renamed();
