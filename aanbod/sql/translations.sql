-- The search documents of offer translations, aanbod_offertranslation.search_vector (see
-- aanbod/search.py), each in its language's own text search configuration.
--
-- These are the current definitions, applied by aanbod.sql.apply() like search.sql (see its
-- header for the rules): first by migration 0014. When you change this file, add a migration
-- that applies it again and, if what the documents hold changes, rebuilds them:
-- UPDATE aanbod_offertranslation SET search_vector = NULL;

-- A configuration per language: its stemmer after unaccent (aanbod.languages.SEARCH_CONFIGS).
-- Each is made once; its mapping is set each time. {search_configs} lists (name, stemmer).
DO $$
DECLARE
    config text[];
BEGIN
    FOREACH config SLICE 1 IN ARRAY {search_configs} LOOP
        IF NOT EXISTS (
            SELECT FROM pg_catalog.pg_ts_config
             WHERE cfgname = config[1] AND cfgnamespace = '{here}'::regnamespace
        ) THEN
            EXECUTE format('CREATE TEXT SEARCH CONFIGURATION {here}.%I (COPY = pg_catalog.%I)',
                           config[1], config[2]);
        END IF;
        EXECUTE format(
            'ALTER TEXT SEARCH CONFIGURATION {here}.%I'
            ' ALTER MAPPING FOR hword, hword_part, word WITH {unaccent}.unaccent, pg_catalog.%I',
            config[1], CASE WHEN config[2] = 'simple' THEN 'simple' ELSE config[2] || '_stem' END);
    END LOOP;
END
$$;

-- The configuration of a language code ('fr'); a language without its own: simple_unaccent.
CREATE OR REPLACE FUNCTION {here}.aanbod_search_config(p_language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE p_language {language_configs} END $$;

-- Title (A), summary (B), how to take part and cost details (C), in the translation's language.
CREATE OR REPLACE FUNCTION {here}.aanbod_offertranslation_set_search_vector() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    DECLARE
        config regconfig := {here}.aanbod_search_config(NEW.language);
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector(config, coalesce(NEW.summary, '')), 'B')
            || setweight(to_tsvector(config, concat_ws(' ', NEW.registration_details,
                                                       NEW.cost_details)), 'C');
        RETURN NEW;
    END
    $$;

CREATE OR REPLACE TRIGGER aanbod_offertranslation_search_vector
    BEFORE INSERT OR UPDATE ON {here}.aanbod_offertranslation
    FOR EACH ROW EXECUTE FUNCTION {here}.aanbod_offertranslation_set_search_vector();
