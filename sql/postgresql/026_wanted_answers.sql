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
-- never saw it, so the requester may ask the keeper once. The check is in the trigger that
-- already paced requests (an index cannot see stored_at); it keeps its advisory lock, so two
-- sessions asking at once do not both pass.
--
-- Redefined here:
--   recup.contact_request_pace()   (latest: 007) asks once per target instead of once a day;
--   recup.outbox_verdict(...)      (latest: 023) copied whole, its 'contact' branch also
--                                  accepts a request about a wanted ad: to its author only,
--                                  moderators in copy;
--   policy requester_write ON recup.contact_request (004): a wanted ad open, in date and not
--                                  one's own, as well as an ad in the catalogue not one's own.
-- New: policy wanted_author_read ON recup.contact_request (the author reads the answers).

ALTER TABLE recup.contact_request ALTER COLUMN ad_id DROP NOT NULL;
ALTER TABLE recup.contact_request ADD COLUMN wanted_ad_id bigint REFERENCES recup.wanted_ad;
ALTER TABLE recup.contact_request ADD CONSTRAINT contact_request_one_target
    CHECK ((ad_id IS NULL) <> (wanted_ad_id IS NULL));
CREATE INDEX contact_request_wanted_idx ON recup.contact_request (wanted_ad_id, created_at)
    WHERE wanted_ad_id IS NOT NULL;

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
    -- Two sessions asking at once wait for each other rather than both passing the check.
    PERFORM pg_advisory_xact_lock(hashtextextended(
        'contact ' || coalesce('ad ' || NEW.ad_id, 'wanted ' || NEW.wanted_ad_id) || ' '
        || NEW.requester_id, 0));
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
    NEW.created_at := now();
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
        -- The request its author made: to the ad's owner, or to the wanted ad's author; the
        -- moderators in copy.
        SELECT ARRAY[lower(btrim(o.email))] || recup.mail_moderators() INTO allowed
          FROM recup.contact_request c
               LEFT JOIN recup.ad d ON d.id = c.ad_id
               LEFT JOIN recup.wanted_ad w ON w.id = c.wanted_ad_id
               JOIN recup.agent o ON o.id = CASE WHEN c.ad_id IS NOT NULL THEN d.owner_id
                                                 ELSE w.author_id END
         WHERE c.id = p_action AND c.requester_id = p_author;
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
