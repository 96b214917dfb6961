-- The filter codes of offers, aanbod_offer.facets (see aanbod/facets.py), and the triggers
-- that keep them current.
--
-- These are the current definitions. Migration 0008 applies this file with aanbod.sql.apply(),
-- which fills in the names in braces (aanbod/sql/__init__.py): the prefix of each kind of code
-- comes from aanbod.facets.Facet, so Python and the database share one definition of the codes.
-- Every statement can run again on a database that has the objects already. When you change
-- this file, add a migration that applies it again (operations = [sql.apply("facets.sql")]),
-- and in it:
-- - rebuild the codes if what they hold changes: UPDATE aanbod_offer SET facets = NULL;
-- - drop what you take out of this file: re-applying it does not.
-- On a fresh database migration 0008 already runs this file as it is now, so it may only name
-- tables and columns that exist by then -- except in PL/pgSQL bodies, which PostgreSQL reads
-- only when they run: the trigger functions name the service area columns of migration 0009,
-- and no migration writes an offer in between. Migration 0007 made the first version of all
-- this, and the partial GIN index; 0009 added the service area.
--
-- The catalogue's filters on related tables -- pillar, theme, language, postcode of a place,
-- weekday -- were EXISTS subqueries that PostgreSQL checked offer by offer; eight filters
-- together took 200-500 ms at 100,000 offers. With the codes in one tsvector per offer, one GIN
-- index scan finds the offers that have all of them.
--
-- As in search.sql, the triggers compare columns in their body instead of naming them in
-- "UPDATE OF" or WHEN, which would block ALTER COLUMN ... TYPE in later migrations.

-- The codes of one offer, built from the related tables and from its service area; the format
-- of each kind of code is aanbod.facets.Facet's. The weekday of an activity is taken in
-- settings.TIME_ZONE (Europe/Brussels), as the weekday filter reads it. The postcodes of the
-- service area get the same code as those of its places: the area filter is one code match.
-- The service area comes in as arguments, not from the offer's row: the trigger that builds
-- the codes before a write has the new values only in NEW.
CREATE OR REPLACE FUNCTION {here}.aanbod_offer_facets(
    p_offer_id bigint, p_service_area text, p_service_postcodes text[]
) RETURNS tsvector
    LANGUAGE sql STABLE
    AS $$
    SELECT array_to_tsvector(coalesce(array_agg(DISTINCT code), '{}'))
      FROM (
        SELECT {facet_pillar} || pillar_id AS code
          FROM {here}.aanbod_offer_pillars WHERE offer_id = p_offer_id
        UNION ALL
        SELECT {facet_postcode} || postcode
          FROM unnest(CASE p_service_area
                      WHEN {area_leuven} THEN {leuven_postcodes}
                      WHEN {area_some} THEN p_service_postcodes
                      END) postcode
        UNION ALL
        SELECT {facet_theme} || theme_id FROM {here}.aanbod_offer_themes WHERE offer_id = p_offer_id
        UNION ALL
        SELECT {facet_language} || language_id FROM {here}.aanbod_offer_languages WHERE offer_id = p_offer_id
        UNION ALL
        SELECT {facet_postcode} || l.postcode
          FROM {here}.aanbod_offerlocation ol
          JOIN {here}.aanbod_location l ON l.id = ol.location_id
         WHERE ol.offer_id = p_offer_id
        UNION ALL
        SELECT {facet_slot_weekday} || s.weekday
          FROM {here}.aanbod_scheduleslot s
          JOIN {here}.aanbod_offerlocation ol ON ol.id = s.offer_location_id
         WHERE ol.offer_id = p_offer_id
        UNION ALL
        SELECT {facet_activity_weekday} || extract(isodow FROM starts_at AT TIME ZONE {time_zone})::int
          FROM {here}.aanbod_activity
         WHERE offer_id = p_offer_id AND NOT is_cancelled
      ) codes
    $$;

-- Build the codes on insert, when the service area changes, and again whenever anything writes
-- the column: "SET facets = NULL" is how the other triggers ask for a rebuild, and a stale value
-- that save() writes back differs from the stored one and is replaced. The trigger runs once it holds the offer's row,
-- and PL/pgSQL reads with a new snapshot for each statement: when it had to wait for another
-- transaction's change to the offer, it sees what that transaction committed (two people adding
-- a slot to one offer at once both count).
CREATE OR REPLACE FUNCTION {here}.aanbod_offer_set_facets() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP = 'INSERT' OR NEW.facets IS NULL OR NEW.facets IS DISTINCT FROM OLD.facets
           OR NEW.service_area IS DISTINCT FROM OLD.service_area
           OR NEW.service_postcodes IS DISTINCT FROM OLD.service_postcodes THEN
            NEW.facets := {here}.aanbod_offer_facets(
                NEW.id, NEW.service_area, NEW.service_postcodes);
        END IF;
        RETURN NEW;
    END
    $$;

CREATE OR REPLACE TRIGGER aanbod_offer_facets
    BEFORE INSERT OR UPDATE ON {here}.aanbod_offer
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_offer_set_facets();

-- Rebuild the codes of these offers where they changed; an offer whose codes stay the same
-- (a second slot on the same day, a new capacity) is not written. The offers and their places
-- are locked first: a transaction changing them at the same time (another slot, a place's
-- postcode) is waited for, and the UPDATE, a statement of its own and so with a new snapshot,
-- reads what it committed. The locks are the weakest that do this: foreign key checks and
-- other readers of the rows are not held up.
CREATE OR REPLACE FUNCTION {here}.aanbod_refresh_facets(p_offer_ids bigint[]) RETURNS void
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
           AND facets IS DISTINCT FROM
               {here}.aanbod_offer_facets(id, service_area, service_postcodes);
    END
    $$;

-- Statement-level triggers (transition tables: one bulk insert means one UPDATE) on the tables
-- that feed the codes, and a row trigger on places for a changed postcode. The offers are
-- looked up by primary key ("id = ANY (ARRAY(...))") whatever PostgreSQL guesses about the size
-- of a transition table, of which it has no statistics.

-- For tables with an offer_id column.
CREATE OR REPLACE FUNCTION {here}.aanbod_offer_child_changed() RETURNS trigger
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

CREATE OR REPLACE FUNCTION {here}.aanbod_slot_changed() RETURNS trigger
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

CREATE OR REPLACE FUNCTION {here}.aanbod_location_postcode_changed() RETURNS trigger
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

CREATE OR REPLACE TRIGGER aanbod_offer_pillars_facets_inserted
    AFTER INSERT ON {here}.aanbod_offer_pillars REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_offer_pillars_facets_deleted
    AFTER DELETE ON {here}.aanbod_offer_pillars REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_offer_pillars_facets_updated
    AFTER UPDATE ON {here}.aanbod_offer_pillars
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();

CREATE OR REPLACE TRIGGER aanbod_offer_languages_facets_inserted
    AFTER INSERT ON {here}.aanbod_offer_languages REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_offer_languages_facets_deleted
    AFTER DELETE ON {here}.aanbod_offer_languages REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_offer_languages_facets_updated
    AFTER UPDATE ON {here}.aanbod_offer_languages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();

CREATE OR REPLACE TRIGGER aanbod_offer_themes_facets_inserted
    AFTER INSERT ON {here}.aanbod_offer_themes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_offer_themes_facets_deleted
    AFTER DELETE ON {here}.aanbod_offer_themes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_offer_themes_facets_updated
    AFTER UPDATE ON {here}.aanbod_offer_themes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();

CREATE OR REPLACE TRIGGER aanbod_offerlocation_facets_inserted
    AFTER INSERT ON {here}.aanbod_offerlocation REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_offerlocation_facets_deleted
    AFTER DELETE ON {here}.aanbod_offerlocation REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_offerlocation_facets_updated
    AFTER UPDATE ON {here}.aanbod_offerlocation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();

CREATE OR REPLACE TRIGGER aanbod_activity_facets_inserted
    AFTER INSERT ON {here}.aanbod_activity REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_activity_facets_deleted
    AFTER DELETE ON {here}.aanbod_activity REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();
CREATE OR REPLACE TRIGGER aanbod_activity_facets_updated
    AFTER UPDATE ON {here}.aanbod_activity
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_offer_child_changed();

CREATE OR REPLACE TRIGGER aanbod_slot_inserted
    AFTER INSERT ON {here}.aanbod_scheduleslot REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_slot_changed();
CREATE OR REPLACE TRIGGER aanbod_slot_deleted
    AFTER DELETE ON {here}.aanbod_scheduleslot REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_slot_changed();
CREATE OR REPLACE TRIGGER aanbod_slot_updated
    AFTER UPDATE ON {here}.aanbod_scheduleslot
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {here}.aanbod_slot_changed();

CREATE OR REPLACE TRIGGER aanbod_location_postcode_changed
    AFTER UPDATE ON {here}.aanbod_location
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_location_postcode_changed();
