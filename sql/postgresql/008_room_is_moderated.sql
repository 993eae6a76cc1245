-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 008 the room is what moderators approved too. It is free text that every agent reads in the
-- catalogue ("Bâtiment B, salle 12"), so an owner changing it on a published ad sends the ad
-- back to moderation, as a change of title, description, category or photos does; on a
-- reserved or expired ad it does not change. ad_guard (002) again, with room among the
-- material columns; nothing else differs.

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
            NEW.created_at := now();
            NEW.updated_at := now();
            NEW.published_at := NULL;
            NEW.expires_at := NULL;
            NEW.version := 1;
        END IF;
        RETURN NEW;
    END IF;

    -- UPDATE
    IF NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.id IS DISTINCT FROM OLD.id
       OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'the owner of an ad cannot change' USING ERRCODE = '42501';
    END IF;
    IF NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'every change of an ad moves its version by one' USING ERRCODE = '40001';
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
