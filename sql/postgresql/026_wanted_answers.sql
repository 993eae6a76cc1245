-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 026 answering a wanted ad with Contact, and asking once (issue #13, parts 2 and 3).
--
-- A contact request is about one thing: an ad (ad_id) or a wanted ad (wanted_ad_id), exactly
-- one of them. Answering « Recherche : 4 armoires métalliques hautes » is the same action as
-- Contact on an ad, in the other direction: a request in one's own name, for a service, with
-- a message, mailed to the wanted ad's author with the moderators in copy, in one transaction.
--
-- Asking once. « Identical » means the same requester about the same ad (or wanted ad),
-- whatever service they name: the mail goes to the same person's mailbox either way, and one
-- message can speak for two services; a second request would only be a second mail, which is
-- what the old once-a-day pace let through every day. One exception keeps its meaning: an ad
-- that went to the general store since the first request has a new keeper (migration 015), who
-- never saw it, so the requester may ask the keeper once.
--
-- Once is kept by unique indexes, not by a check alone: an index sees every session's rows
-- whatever the transaction's snapshot, where a check under REPEATABLE READ (or a snapshot
-- exported before the first request, SET TRANSACTION SNAPSHOT) does not see a request that
-- was committed after it began (hostile review of 026: unlimited mails to the author and the
-- moderators). An ad's request carries its round, asked_round: the time the ad last went to
-- the store, or -infinity, set by the trigger from the ad; UNIQUE (ad_id, requester_id,
-- asked_round). A wanted ad's: UNIQUE (wanted_ad_id, requester_id). The trigger still checks
-- first, for a clear refusal (and for requests older than 026, whose round is NULL); it takes
-- no advisory lock any more (anyone could hold it to block others' Contact, and pg_locks
-- showed live who was asking about what): two sessions asking at once meet on the index,
-- the second one fails with a unique violation the application reads as « déjà demandé ».
-- The request is dated clock_timestamp(), not the transaction's start: a transaction opened
-- before a store delivery no longer dates a request before stored_at.
--
-- A departed author: deactivating an agent closes their open wanted ads (new trigger
-- agent_closes_wanted on recup.agent), the mail of an answer to an inactive author's wanted
-- ad is refused by outbox_verdict, and match_wanted_ads no longer alerts inactive authors.
--
-- Redefined here:
--   recup.contact_request_pace()   (latest: 007) asks once per target instead of once a day,
--                                  sets asked_round, dates with clock_timestamp();
--   recup.match_wanted_ads(bigint) (latest: 023) copied whole, skips inactive authors;
--   recup.outbox_verdict(...)      (latest: 023) copied whole, its 'contact' branch also
--                                  accepts a request about a wanted ad: to its author only,
--                                  moderators in copy;
--   policy requester_write ON recup.contact_request (004): a wanted ad open, in date and not
--                                  one's own, as well as an ad in the catalogue not one's own.
--                                  the contact branch also wants a wanted ad's author active;
-- New: policy wanted_author_read ON recup.contact_request (the author reads the answers);
--      column contact_request.asked_round, unique indexes contact_request_asked_once and
--      contact_request_answered_once; function and trigger recup.agent_closes_wanted().

ALTER TABLE recup.contact_request ALTER COLUMN ad_id DROP NOT NULL;
ALTER TABLE recup.contact_request ADD COLUMN wanted_ad_id bigint REFERENCES recup.wanted_ad;
ALTER TABLE recup.contact_request ADD CONSTRAINT contact_request_one_target
    CHECK ((ad_id IS NULL) <> (wanted_ad_id IS NULL));
CREATE INDEX contact_request_wanted_idx ON recup.contact_request (wanted_ad_id, created_at)
    WHERE wanted_ad_id IS NOT NULL;
ALTER TABLE recup.contact_request ADD COLUMN asked_round timestamptz;
-- The requests made before 026: the latest of each requester about an ad, in the ad's current
-- round, takes the round (an older one, from the once-a-day pace, keeps NULL).
UPDATE recup.contact_request c SET asked_round = coalesce(a.stored_at, '-infinity')
  FROM recup.ad a
 WHERE a.id = c.ad_id AND (a.stored_at IS NULL OR c.created_at >= a.stored_at)
   AND c.id = (SELECT max(l.id) FROM recup.contact_request l
                WHERE l.ad_id = c.ad_id AND l.requester_id = c.requester_id
                  AND (a.stored_at IS NULL OR l.created_at >= a.stored_at));
CREATE UNIQUE INDEX contact_request_asked_once
    ON recup.contact_request (ad_id, requester_id, asked_round) WHERE ad_id IS NOT NULL;
CREATE UNIQUE INDEX contact_request_answered_once
    ON recup.contact_request (wanted_ad_id, requester_id) WHERE wanted_ad_id IS NOT NULL;

GRANT INSERT (wanted_ad_id) ON recup.contact_request
    TO recup_agent, recup_moderator, recup_logistics;

-- An agent asks in their own name, about an ad of someone else that is in the catalogue, or
-- answers a wanted ad of someone else that is open and in date.
DROP POLICY requester_write ON recup.contact_request;
CREATE POLICY requester_write ON recup.contact_request FOR INSERT
    TO recup_agent, recup_moderator, recup_logistics
    WITH CHECK (requester_id = (SELECT recup.current_agent_id())
                AND ((ad_id IS NOT NULL AND wanted_ad_id IS NULL
                      AND EXISTS (SELECT 1 FROM recup.ad a
                                   WHERE a.id = ad_id AND a.state IN ('published', 'reserved')
                                     AND a.owner_id <> (SELECT recup.current_agent_id())))
                     OR (wanted_ad_id IS NOT NULL AND ad_id IS NULL
                         AND EXISTS (SELECT 1 FROM recup.wanted_ad w
                                      WHERE w.id = wanted_ad_id AND w.state = 'open'
                                        AND w.expires_at > now()
                                        AND w.author_id <> (SELECT recup.current_agent_id())))));
-- The wanted ad's author reads the answers to it (whatever became of it since).
CREATE POLICY wanted_author_read ON recup.contact_request FOR SELECT
    TO recup_agent, recup_moderator, recup_logistics
    USING (EXISTS (SELECT 1 FROM recup.wanted_ad w
                    WHERE w.id = wanted_ad_id
                      AND w.author_id = (SELECT recup.current_agent_id())));

CREATE OR REPLACE FUNCTION recup.contact_request_pace() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    -- In one's own name first: the check below must tell nobody who asked for what.
    IF NOT recup.is_privileged()
       AND NEW.requester_id IS DISTINCT FROM recup.current_agent_id() THEN
        RAISE EXCEPTION 'a request is made in one''s own name' USING ERRCODE = '42501';
    END IF;
    -- The first check for a clear refusal; the unique indexes keep once whatever the
    -- snapshot (two sessions at once, REPEATABLE READ, an exported snapshot).
    IF NEW.ad_id IS NOT NULL AND EXISTS (
           SELECT 1 FROM recup.contact_request c JOIN recup.ad a ON a.id = c.ad_id
            WHERE c.ad_id = NEW.ad_id AND c.requester_id = NEW.requester_id
              AND (a.stored_at IS NULL OR c.created_at >= a.stored_at)) THEN
        RAISE EXCEPTION 'one contact request per ad and requester: already asked'
            USING ERRCODE = '42501', HINT = 'contact-already-asked';
    END IF;
    IF NEW.wanted_ad_id IS NOT NULL AND EXISTS (
           SELECT 1 FROM recup.contact_request c
            WHERE c.wanted_ad_id = NEW.wanted_ad_id AND c.requester_id = NEW.requester_id) THEN
        RAISE EXCEPTION 'one answer per wanted ad and requester: already answered'
            USING ERRCODE = '42501', HINT = 'contact-already-answered';
    END IF;
    NEW.asked_round := NULL;
    IF NEW.ad_id IS NOT NULL THEN
        NEW.asked_round := coalesce((SELECT a.stored_at FROM recup.ad a WHERE a.id = NEW.ad_id),
                                    '-infinity');
    END IF;
    NEW.created_at := clock_timestamp();
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION recup.outbox_verdict(p_kind text, p_action bigint, p_author bigint,
                                                p_recipients text, p_from text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    allowed text[];
    acting bigint := p_author;
    recipient text;
BEGIN
    IF p_action IS NULL THEN
        RETURN 'no-action';
    END IF;
    IF p_kind = 'contact' THEN
        -- The request its author made: to the ad's owner, or to the wanted ad's author if
        -- still active; the moderators in copy.
        SELECT ARRAY[lower(btrim(o.email))] || recup.mail_moderators() INTO allowed
          FROM recup.contact_request c
               LEFT JOIN recup.ad d ON d.id = c.ad_id
               LEFT JOIN recup.wanted_ad w ON w.id = c.wanted_ad_id
               JOIN recup.agent o ON o.id = CASE WHEN c.ad_id IS NOT NULL THEN d.owner_id
                                                 ELSE w.author_id END
         WHERE c.id = p_action AND c.requester_id = p_author
           AND (c.ad_id IS NOT NULL OR o.active);
    ELSIF p_kind = 'ad-submitted' THEN
        SELECT recup.mail_moderators() INTO allowed FROM recup.ad_history h
         WHERE h.id = p_action AND h.actor_id = p_author AND h.to_state = 'pending';
    ELSIF p_kind IN ('ad-approved', 'ad-rejected') THEN
        SELECT ARRAY[lower(btrim(o.email))] INTO allowed
          FROM recup.ad_history h JOIN recup.ad d ON d.id = h.ad_id
               JOIN recup.agent o ON o.id = d.owner_id
         WHERE h.id = p_action AND h.actor_id = p_author
           AND h.action = CASE p_kind WHEN 'ad-approved' THEN 'approve' ELSE 'reject' END;
    ELSIF p_kind = 'expiry-reminder' THEN
        IF p_author IS NOT NULL THEN
            RETURN 'not-your-action';
        END IF;
        SELECT ARRAY[lower(btrim(o.email))], d.owner_id INTO allowed, acting
          FROM recup.ad d JOIN recup.agent o ON o.id = d.owner_id WHERE d.id = p_action;
    ELSIF p_kind IN ('pickup-planned', 'pickup-done') THEN
        -- The step of the transport its author took: to the agents of the two services.
        SELECT array_agg(lower(btrim(g.email))) INTO allowed
          FROM recup.pickup_history h JOIN recup.pickup p ON p.id = h.pickup_id
               JOIN recup.agent g ON g.active
                                 AND g.service_id IN (p.giving_service_id, p.receiving_service_id)
         WHERE h.id = p_action AND h.actor_id = p_author
           AND h.action = CASE p_kind WHEN 'pickup-planned' THEN 'plan'
                                      ELSE 'mark_delivered' END;
    ELSIF p_kind = 'ad-removed' THEN
        -- A moderator's removal, the history's step itself: to the poster only. The step is
        -- written by ad_guard for a moderator's session alone; its author must still be an
        -- active moderator or administrator when a sender asks again.
        SELECT ARRAY[lower(btrim(o.email))] INTO allowed
          FROM recup.ad_history h JOIN recup.ad d ON d.id = h.ad_id
               JOIN recup.agent o ON o.id = d.owner_id
               JOIN recup.agent m ON m.id = h.actor_id
         WHERE h.id = p_action AND h.actor_id = p_author
           AND h.action = 'remove' AND h.to_state = 'closed'
           AND d.state = 'closed' AND d.close_reason = 'removed'
           AND m.active AND (m.is_moderator OR m.is_admin);
    ELSIF p_kind = 'wanted-match' THEN
        -- A match written by match_wanted_ads() for the approval its author made: to the
        -- wanted ad's author only.
        SELECT ARRAY[lower(btrim(s.email))] INTO allowed
          FROM recup.wanted_match m JOIN recup.wanted_ad w ON w.id = m.wanted_id
               JOIN recup.agent s ON s.id = w.author_id
               JOIN recup.ad_history h ON h.id = m.history_id AND h.ad_id = m.ad_id
         WHERE m.id = p_action AND h.actor_id = p_author AND h.action = 'approve';
    ELSE
        RETURN 'unknown-kind';
    END IF;
    IF allowed IS NULL THEN
        RETURN 'not-your-action';
    END IF;
    FOREACH recipient IN ARRAY string_to_array(p_recipients, E'\n') LOOP
        IF NOT lower(btrim(recipient)) = ANY (allowed) THEN
            RETURN 'recipient';
        END IF;
    END LOOP;
    IF lower(btrim(p_from)) IS DISTINCT FROM recup.mail_sender(acting) THEN
        RETURN 'sender';
    END IF;
    RETURN '';
END
$$;

-- The matches of an ad just approved (023), for wanted ads of active authors only.
CREATE OR REPLACE FUNCTION recup.match_wanted_ads(p_ad bigint) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    step recup.ad_history%ROWTYPE;
    written integer;
BEGIN
    SELECT h.* INTO step FROM recup.ad_history h JOIN recup.ad a ON a.id = h.ad_id
     WHERE h.ad_id = p_ad AND a.state = 'published'
     ORDER BY h.id DESC LIMIT 1;
    IF step.id IS NULL OR step.action <> 'approve'
       OR (step.actor_id IS DISTINCT FROM recup.current_agent_id()
           AND NOT recup.is_privileged()) THEN
        RAISE EXCEPTION 'only the approval of an ad looks for its wanted ads'
            USING ERRCODE = '42501', HINT = 'wanted-not-approval';
    END IF;
    INSERT INTO recup.wanted_match (wanted_id, ad_id, history_id)
    SELECT w.id, a.id, step.id
      FROM recup.wanted_ad w JOIN recup.ad a ON a.id = p_ad
           JOIN recup.agent g ON g.id = w.author_id AND g.active
     WHERE w.state = 'open' AND w.expires_at > now() AND w.author_id <> a.owner_id
       AND (w.category_id = a.category_id
            OR a.search @@ plainto_tsquery('recup.fr'::regconfig, w.keywords))
    ON CONFLICT (wanted_id, ad_id) DO NOTHING;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END
$$;

-- An agent who leaves (active goes false) no longer looks for anything: their open wanted
-- ads close, so nobody answers them and no alert is written for them.
CREATE FUNCTION recup.agent_closes_wanted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    UPDATE recup.wanted_ad SET state = 'closed' WHERE author_id = NEW.id AND state = 'open';
    RETURN NULL;
END
$$;
ALTER FUNCTION recup.agent_closes_wanted() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.agent_closes_wanted() FROM PUBLIC;
CREATE TRIGGER agent_closes_wanted AFTER UPDATE OF active ON recup.agent
    FOR EACH ROW WHEN (OLD.active AND NOT NEW.active)
    EXECUTE FUNCTION recup.agent_closes_wanted();
-- The wanted ads of agents who left before this migration.
UPDATE recup.wanted_ad w SET state = 'closed'
  FROM recup.agent g WHERE g.id = w.author_id AND NOT g.active AND w.state = 'open';
