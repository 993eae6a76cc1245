-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 024 what a hostile review of issue #13's migrations found in ad_guard (016), which they lean on:
-- * An owner changed the title, description, category or room of a published ad in the same
--   UPDATE as a step of its lifecycle (published -> reserved, then back): the content check ran
--   only when the state stayed. Now content changes by the owner only on the way to a draft or
--   to moderation (edit, resubmit, renew, submit), whatever the step; the new words would
--   otherwise reach every agent's catalogue and search vocabulary (021), and a changed category
--   the figures' estimated weights.
-- * An owner closed their own ad as 'removed' (a moderator's reason), which releases held parts
--   (020) and counts a removal no moderator made. 'removed' goes with the 'remove' step only.

CREATE OR REPLACE FUNCTION recup.ad_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$
DECLARE
    privileged boolean := recup.is_privileged();
    me bigint := recup.current_agent_id();
    acting bigint;
    moderator boolean := recup.is_moderator();
    wanted text := nullif(current_setting('recup.action', true), '');
    hat text := nullif(current_setting('recup.actor_kind', true), '');
    reason text := coalesce(current_setting('recup.reason', true), '');
    stamp timestamptz := now();
    found_action text;
    material boolean;
BEGIN
    IF privileged THEN
        acting := coalesce(nullif(current_setting('recup.actor_id', true), '')::bigint, me);
        IF nullif(current_setting('recup.at', true), '') IS NOT NULL THEN
            stamp := current_setting('recup.at', true)::timestamptz;
        END IF;
    ELSE
        acting := me;
        IF acting IS NULL THEN
            RAISE EXCEPTION 'no active agent for role %', session_user
                USING ERRCODE = '42501';
        END IF;
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'draft' THEN
            RAISE EXCEPTION 'a new ad starts as a draft' USING ERRCODE = '42501';
        END IF;
        IF NOT privileged THEN
            IF NEW.owner_id IS DISTINCT FROM me THEN
                RAISE EXCEPTION 'an ad is posted by its owner' USING ERRCODE = '42501';
            END IF;
            -- The giver in the figures and in the transports' mails is the owner's service.
            NEW.service_id := (SELECT g.service_id FROM recup.agent g WHERE g.id = me);
            NEW.created_at := now();
            NEW.updated_at := now();
            NEW.published_at := NULL;
            NEW.expires_at := NULL;
            NEW.version := 1;
        END IF;
        RETURN NEW;
    END IF;

    -- UPDATE
    IF NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'every change of an ad moves its version by one' USING ERRCODE = '40001';
    END IF;
    IF (NEW.owner_id, NEW.service_id, NEW.store_site_id, NEW.stored_at)
       IS DISTINCT FROM (OLD.owner_id, OLD.service_id, OLD.store_site_id, OLD.stored_at) THEN
        found_action := recup.ad_owner_change(OLD, NEW);
        INSERT INTO recup.ad_history (ad_id, actor_id, at, action, from_state, to_state, reason)
        VALUES (OLD.id, acting, stamp, found_action, OLD.state, NEW.state,
                CASE found_action
                    WHEN 'store' THEN
                        coalesce((SELECT s.name FROM recup.service s
                                   WHERE s.id = OLD.service_id), '')
                    ELSE coalesce((SELECT g.display_name FROM recup.agent g
                                    WHERE g.id = OLD.owner_id), '')
                END);
        -- A store's delivery is complete here; a hand-over goes through the checks below too.
        IF found_action = 'store' THEN
            RETURN NEW;
        END IF;
        found_action := NULL;
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'the owner of an ad cannot change' USING ERRCODE = '42501';
    END IF;
    -- On its way to the store, the item waits: only the expiry round still runs.
    IF NOT (privileged AND hat = 'system') AND EXISTS (
           SELECT 1 FROM recup.pickup p
            WHERE p.ad_id = OLD.id AND p.purpose = 'store'
              AND p.status IN ('requested', 'planned', 'picked_up')) THEN
        RAISE EXCEPTION 'this item is on its way to the store'
            USING ERRCODE = 'check_violation', HINT = 'ad-going-to-store';
    END IF;

    IF NEW.state IS DISTINCT FROM OLD.state THEN
        -- The actor's hats: system only for privileged sessions that say so.
        SELECT t.action INTO found_action
          FROM recup.lifecycle_transition t
         WHERE t.from_state = OLD.state AND t.to_state = NEW.state
           AND (wanted IS NULL OR t.action = wanted)
           AND (   (t.actor = 'owner' AND OLD.owner_id = acting
                    AND (hat IS NULL OR hat = 'owner' OR NOT privileged))
                OR (t.actor = 'moderator' AND (moderator OR (privileged AND hat = 'moderator')))
                OR (t.actor = 'system' AND privileged AND hat = 'system'))
         ORDER BY (t.actor = coalesce(hat, t.actor)) DESC
         LIMIT 1;
        IF found_action IS NULL THEN
            RAISE EXCEPTION 'transition % -> % (%) is not allowed for %',
                OLD.state, NEW.state, coalesce(wanted, '?'), session_user
                USING ERRCODE = '42501';
        END IF;
        -- 024: what moderators approved changes only on the way back to a draft or to
        -- moderation, whatever the step (an owner rewrote a title while reserving the ad).
        IF NEW.state NOT IN ('draft', 'pending') AND NOT moderator AND NOT privileged
           AND (NEW.title IS DISTINCT FROM OLD.title
                OR NEW.description IS DISTINCT FROM OLD.description
                OR NEW.category_id IS DISTINCT FROM OLD.category_id
                OR btrim(NEW.room) IS DISTINCT FROM btrim(OLD.room)) THEN
            RAISE EXCEPTION 'a published ad goes back to moderation when its content changes'
                USING ERRCODE = '42501';
        END IF;
        -- 024: « removed » is a moderator's removal, never an owner's closing.
        IF NEW.state = 'closed'
           AND (NEW.close_reason = 'removed') IS DISTINCT FROM (found_action = 'remove') THEN
            RAISE EXCEPTION 'only a moderator''s removal closes an ad as removed'
                USING ERRCODE = '42501';
        END IF;
        -- Only approval publishes; nobody else moves an ad up the catalogue.
        IF found_action <> 'approve' AND (NEW.published_at IS DISTINCT FROM OLD.published_at
                                          OR NEW.expires_at IS DISTINCT FROM OLD.expires_at)
           AND NOT privileged THEN
            RAISE EXCEPTION 'only approval sets the publication dates' USING ERRCODE = '42501';
        END IF;
        IF found_action = 'approve' AND NOT privileged THEN
            NEW.published_at := now();
            NEW.expires_at := now() + make_interval(days => (
                SELECT c.expiry_days FROM recup.category c WHERE c.id = NEW.category_id));
        END IF;
        IF NEW.state = 'closed' AND NOT privileged THEN
            NEW.closed_at := now();
        END IF;
        IF NOT privileged THEN
            NEW.updated_at := now();
        END IF;
        INSERT INTO recup.ad_history (ad_id, actor_id, at, action, from_state, to_state, reason)
        VALUES (OLD.id, CASE WHEN hat = 'system' THEN NULL ELSE acting END, stamp,
                found_action, OLD.state, NEW.state, reason);
    ELSE
        IF NOT privileged AND NOT moderator
           AND (NEW.published_at IS DISTINCT FROM OLD.published_at
                OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
                OR NEW.close_reason IS DISTINCT FROM OLD.close_reason
                OR NEW.closed_at IS DISTINCT FROM OLD.closed_at
                OR NEW.receiving_service_id IS DISTINCT FROM OLD.receiving_service_id) THEN
            RAISE EXCEPTION 'these fields change only through the lifecycle' USING ERRCODE = '42501';
        END IF;
        IF OLD.state = 'closed' AND NOT privileged THEN
            RAISE EXCEPTION 'a closed ad can no longer change' USING ERRCODE = '42501';
        END IF;
        -- What moderators approved cannot change behind their back.
        material := NEW.title IS DISTINCT FROM OLD.title
                 OR NEW.description IS DISTINCT FROM OLD.description
                 OR NEW.category_id IS DISTINCT FROM OLD.category_id
                 OR btrim(NEW.room) IS DISTINCT FROM btrim(OLD.room);
        IF material AND OLD.state IN ('published', 'reserved', 'expired')
           AND NOT moderator AND NOT privileged THEN
            RAISE EXCEPTION 'a published ad goes back to moderation when its content changes'
                USING ERRCODE = '42501';
        END IF;
        IF NOT privileged THEN
            NEW.updated_at := now();
        END IF;
    END IF;
    RETURN NEW;
END
$$;
