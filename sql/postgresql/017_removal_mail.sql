-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 017 a moderator's removal of an ad mails its poster (issue #12): the 'ad-removed' mail joins
-- the actions that may send mail (007, 014). Its action is the removal step of the ad's
-- history ('remove' to 'closed', which ad_guard writes for moderators only), written by the
-- mail's author, still an active moderator or administrator; its one recipient is the ad's
-- owner, as for the other decisions; its sender the platform's. The outbox's kind column has
-- no list of kinds to extend (CHECK kind <> ''): the verdict is the list.

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
        SELECT ARRAY[lower(btrim(o.email))] || recup.mail_moderators() INTO allowed
          FROM recup.contact_request c JOIN recup.ad d ON d.id = c.ad_id
               JOIN recup.agent o ON o.id = d.owner_id
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
