-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 021 a catalogue that finds (issue #13, part 3): typo-tolerant search.
-- * search_word: the words (lower case, unaccented, 3 characters or more, not only digits) of
--   the titles and descriptions of ads once published, with a trigram index (pg_trgm). Only
--   published or reserved ads feed it, so that it holds nothing an agent could not read.
-- * catalogue_query(words): the tsquery of what was typed: each word as a French prefix (as
--   before), and a word that begins no known word also matches the known words nearest to it
--   (« metalique » finds « métallique », « chiase » finds « chaise »).
-- * catalogue_matches(): the ads matching the words through the text index, which an agent's
--   row-level security kept the planner from using (the catalogue read by date and tested
--   every ad for a word that matched nothing).
-- * Nothing existing is redefined: ad_guard and the other triggers of recup.ad are untouched;
--   two statement-level triggers are added on recup.ad (search_words_insert, _update).

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE recup.search_word (
    word text COLLATE "C" PRIMARY KEY CHECK (char_length(word) BETWEEN 3 AND 60)
);
CREATE INDEX search_word_trgm_idx ON recup.search_word USING gin (word public.gin_trgm_ops);
ALTER TABLE recup.search_word OWNER TO recup_owner;
ALTER TABLE recup.search_word ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.search_word FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON recup.search_word TO recup_owner USING (true) WITH CHECK (true);
-- Words of ads once published; only the trigger below writes them. They are kept after the ad
-- leaves the catalogue (removed, closed, edited), so nobody reads them but the functions below,
-- which only suggest them for a search whose results are the catalogue's (hostile review).
REVOKE ALL ON recup.search_word FROM PUBLIC;

-- search_category: which French lexemes (as in ad.search) the published ads of each category
-- hold, so that a search skips at once a category where it cannot match (a word common in
-- the catalogue but absent from the category chosen otherwise costs a visit of every ad that
-- holds it). Same rules as search_word: read by the functions below only.
CREATE TABLE recup.search_category (
    category_id bigint NOT NULL REFERENCES recup.category,
    lexeme      text NOT NULL,
    PRIMARY KEY (category_id, lexeme)
);
ALTER TABLE recup.search_category OWNER TO recup_owner;
ALTER TABLE recup.search_category ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.search_category FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON recup.search_category TO recup_owner USING (true) WITH CHECK (true);
REVOKE ALL ON recup.search_category FROM PUBLIC;

-- The words of a title and a description as search_word keeps them.
CREATE FUNCTION recup.search_words(title text, description text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT DISTINCT w.lexeme
      FROM unnest(to_tsvector('simple', public.unaccent(title || ' ' || description))) w
     WHERE char_length(w.lexeme) BETWEEN 3 AND 60 AND w.lexeme !~ '^[0-9]+$'
       -- letters and digits only: a word goes into to_tsquery() as it is (an address such as
       -- « h.fr/chaize)x » broke every search for « chaize », hostile review)
       AND w.lexeme ~ '^[[:alnum:]]+$'
$$;
ALTER FUNCTION recup.search_words(text, text) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.search_words(text, text) FROM PUBLIC;

-- Every statement that publishes or changes published ads adds their new words.
CREATE FUNCTION recup.search_words_learn() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, public, pg_temp AS $$
BEGIN
    INSERT INTO recup.search_word (word)
    SELECT DISTINCT w
      FROM changed c, recup.search_words(c.title, c.description) w
     WHERE c.state IN ('published', 'reserved')
    ON CONFLICT (word) DO NOTHING;
    INSERT INTO recup.search_category (category_id, lexeme)
    SELECT DISTINCT c.category_id, l.lexeme
      FROM changed c, unnest(c.search) l
     WHERE c.state IN ('published', 'reserved')
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;
ALTER FUNCTION recup.search_words_learn() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.search_words_learn() FROM PUBLIC;
CREATE TRIGGER search_words_insert AFTER INSERT ON recup.ad
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION recup.search_words_learn();
CREATE TRIGGER search_words_update AFTER UPDATE ON recup.ad
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION recup.search_words_learn();

-- The words of every ad published so far (also run after a bulk load without triggers).
CREATE FUNCTION recup.search_words_rebuild() RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, recup, public, pg_temp AS $$
    WITH added AS (
        INSERT INTO recup.search_word (word)
        SELECT DISTINCT w
          FROM recup.ad a, recup.search_words(a.title, a.description) w
         WHERE a.state IN ('published', 'reserved')
        ON CONFLICT (word) DO NOTHING
        RETURNING 1),
    pairs AS (
        INSERT INTO recup.search_category (category_id, lexeme)
        SELECT DISTINCT a.category_id, l.lexeme
          FROM recup.ad a, unnest(a.search) l
         WHERE a.state IN ('published', 'reserved')
        ON CONFLICT DO NOTHING
        RETURNING 1)
    SELECT (SELECT count(*) FROM added) + (SELECT count(*) FROM pairs)
$$;
ALTER FUNCTION recup.search_words_rebuild() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.search_words_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.search_words_rebuild() TO recup_admin;
SELECT recup.search_words_rebuild();

-- What was typed (words of letters and digits, separated by spaces) as a tsquery: every word
-- must match, as a French prefix or, when it begins no known word, as one of the three known
-- words nearest to it by trigrams.
CREATE FUNCTION recup.catalogue_query(words text) RETURNS tsquery
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, public, pg_temp AS $$
DECLARE
    term text;
    near text;
    one tsquery;
    found tsquery;
BEGIN
    FOREACH term IN ARRAY regexp_split_to_array(lower(public.unaccent(coalesce(words, ''))),
                                                '[^[:alnum:]]+') LOOP
        CONTINUE WHEN char_length(term) < 2;
        one := to_tsquery('recup.fr', term || ':*');
        IF char_length(term) >= 4 AND term !~ '^[0-9]+$' AND NOT EXISTS (
                SELECT 1 FROM recup.search_word w
                 WHERE w.word >= term AND w.word < term || chr(1114111)) THEN
            FOR near IN SELECT w.word FROM recup.search_word w
                         WHERE w.word % term
                         ORDER BY public.similarity(w.word, term) DESC, w.word LIMIT 3 LOOP
                one := one || to_tsquery('recup.fr', near);
            END LOOP;
        END IF;
        found := CASE WHEN found IS NULL OR numnode(found) = 0 THEN one
                      WHEN numnode(one) = 0 THEN found
                      ELSE found && one END;
    END LOOP;
    RETURN found; -- NULL when nothing was typed: matches nothing
END
$$;
ALTER FUNCTION recup.catalogue_query(text) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.catalogue_query(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.catalogue_query(text)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- Whether some published ad of the category may match the query: false when the lexemes of
-- all its ads together do not match it.
CREATE FUNCTION recup.category_may_match(category bigint, query tsquery) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
    SELECT coalesce(array_to_tsvector(array_agg(l.lexeme)) @@ query, false)
      FROM recup.search_category l WHERE l.category_id = category
$$;
ALTER FUNCTION recup.category_may_match(bigint, tsquery) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.category_may_match(bigint, tsquery) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.category_may_match(bigint, tsquery)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- At most `most` published or reserved ads matching the words within the catalogue's filters
-- (NULL: not filtered), in no particular order, found through the text index alone. Under an
-- agent's row-level security the planner may not use that index (the match operator is not
-- leakproof): it walked the whole catalogue for a word that matched nothing (issue #13).
-- These ids are the catalogue's, which every agent reads already; the catalogue then reads
-- the rows under the session's own policies.
CREATE FUNCTION recup.catalogue_matches(words text, category bigint, service bigint,
                                        organisation bigint, site bigint, most integer)
    RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, public, pg_temp
    AS $$
    SELECT a.id FROM recup.ad a
     WHERE a.search @@ (SELECT recup.catalogue_query(words))
       AND a.state IN ('published', 'reserved')
       AND (category IS NULL OR a.category_id = category)
       AND (category IS NULL OR recup.category_may_match(category,
                                    (SELECT recup.catalogue_query(words))))
       AND (service IS NULL OR a.service_id = service)
       AND (organisation IS NULL OR a.service_id IN (
                SELECT s.id FROM recup.service s WHERE s.organisation_id = organisation))
       AND (site IS NULL OR a.site_id = site)
     LIMIT most
$$;
ALTER FUNCTION recup.catalogue_matches(text, bigint, bigint, bigint, bigint, integer)
    OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.catalogue_matches(text, bigint, bigint, bigint, bigint, integer)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.catalogue_matches(text, bigint, bigint, bigint, bigint, integer)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;
