-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 015 the general store (« magasin général », issue #11): a site may be a store, kept by a
-- service, whose keeper holds the items it stores. Instead of discarding an ad, or once it
-- expired without a taker, its owner sends it to the store: a transport of purpose 'store'.
-- When that transport is delivered, the ad passes to the store's keeper and service (the
-- store becomes the giver in the statistics; the history keeps who gave it first) and is back
-- in the catalogue. Until then the item waits: nobody but the expiry round changes the ad.
-- ad_guard (008) and pickup_guard (014) again, with the store's cases; the rest as it was.

-- A store: its service, and the agent of that service who holds its items (the owner of the
-- ads it stores). Both or neither.
ALTER TABLE recup.site
    ADD COLUMN store_service_id bigint REFERENCES recup.service,
    ADD COLUMN store_keeper_id bigint REFERENCES recup.agent,
    ADD CONSTRAINT site_store_kept CHECK ((store_service_id IS NULL) = (store_keeper_id IS NULL));

-- The store an ad is held by, and since when; written by the delivery only.
ALTER TABLE recup.ad
    ADD COLUMN store_site_id bigint REFERENCES recup.site,
    ADD COLUMN stored_at timestamptz;
CREATE INDEX ad_store_idx ON recup.ad (store_site_id, stored_at) WHERE store_site_id IS NOT NULL;
GRANT SELECT (store_site_id, stored_at) ON recup.ad TO recup_agent, recup_logistics;

-- Why a transport runs: an exchange between services, or an item taken to a store.
ALTER TABLE recup.pickup
    ADD COLUMN purpose text NOT NULL DEFAULT 'exchange' CHECK (purpose IN ('exchange', 'store'));
GRANT INSERT (purpose) ON recup.pickup
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;
-- One transport per exchange; an item stored may later be exchanged and moved again.
DROP INDEX recup.pickup_one_per_ad;
CREATE UNIQUE INDEX pickup_one_per_exchange ON recup.pickup (ad_id)
    WHERE status <> 'cancelled' AND purpose = 'exchange';
CREATE UNIQUE INDEX pickup_one_store_move ON recup.pickup (ad_id)
    WHERE status IN ('requested', 'planned', 'picked_up') AND purpose = 'store';

-- Whether the store's keeper is an active agent of its service.
CREATE FUNCTION recup.store_keeper_ready(p_site bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
    SELECT coalesce((SELECT g.active AND g.service_id = s.store_service_id
                       FROM recup.site s JOIN recup.agent g ON g.id = s.store_keeper_id
                      WHERE s.id = p_site), false)
$$;

CREATE OR REPLACE FUNCTION recup.pickup_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    me bigint := recup.current_agent_id();
    acting bigint;
    ad recup.ad%ROWTYPE;
    store recup.site%ROWTYPE;
    unit_weight bigint;
    today date := (now() AT TIME ZONE 'Europe/Paris')::date;
    step text;
    who text;
    detail text := '';
BEGIN
    acting := coalesce(nullif(current_setting('recup.actor_id', true), '')::bigint, me);
    IF NOT recup.is_privileged() THEN
        acting := me;
    END IF;
    IF TG_OP = 'INSERT' THEN
        -- Locked: an edit of the ad under way in another session is waited for and seen.
        SELECT * INTO ad FROM recup.ad WHERE id = NEW.ad_id FOR UPDATE;
        IF NEW.purpose = 'store' THEN
            -- The owner's decision alone (or an administrator's): nobody else's item is taken.
            IF NOT FOUND OR NOT (ad.owner_id = acting OR recup.is_privileged()) THEN
                RAISE EXCEPTION 'only its owner sends an item to the store'
                    USING ERRCODE = '42501';
            END IF;
            IF NOT FOUND OR ad.state NOT IN ('published', 'expired') THEN
                RAISE EXCEPTION 'a published or expired ad goes to the store'
                    USING ERRCODE = 'check_violation', HINT = 'store-ad-state';
            END IF;
            SELECT * INTO store FROM recup.site s WHERE s.id = NEW.to_site_id;
            IF store.store_service_id IS NULL THEN
                RAISE EXCEPTION 'the destination is not a store'
                    USING ERRCODE = 'check_violation', HINT = 'store-not-a-store';
            END IF;
            IF ad.store_site_id IS NOT DISTINCT FROM store.id THEN
                RAISE EXCEPTION 'the store holds this item already'
                    USING ERRCODE = 'check_violation', HINT = 'store-already-held';
            END IF;
            IF NOT recup.store_keeper_ready(store.id) THEN
                RAISE EXCEPTION 'the store has no active keeper'
                    USING ERRCODE = 'check_violation', HINT = 'store-no-keeper';
            END IF;
        ELSIF NOT FOUND OR ad.state <> 'closed'
              OR ad.close_reason IS DISTINCT FROM 'exchanged' THEN
            RAISE EXCEPTION 'a transport follows an exchanged ad'
                USING ERRCODE = 'check_violation', HINT = 'pickup-ad-not-exchanged';
        END IF;
        IF NOT (ad.owner_id = acting OR recup.is_moderator() OR recup.is_privileged()) THEN
            RAISE EXCEPTION 'only the ad''s owner or a moderator asks for its transport'
                USING ERRCODE = '42501';
        END IF;
        IF NEW.wished_date < today THEN
            RAISE EXCEPTION 'the wished date is past'
                USING ERRCODE = 'check_violation', HINT = 'pickup-date-past';
        END IF;
        IF NOT (SELECT bool_and(s.active) FROM recup.site s
                 WHERE s.id IN (NEW.from_site_id, NEW.to_site_id)) THEN
            RAISE EXCEPTION 'a site of the transport is closed'
                USING ERRCODE = 'check_violation', HINT = 'pickup-site-inactive';
        END IF;
        SELECT c.default_unit_weight_g INTO unit_weight FROM recup.category c
         WHERE c.id = ad.category_id;
        NEW.ad_title := ad.title;
        NEW.category_id := ad.category_id;
        NEW.giving_service_id := ad.service_id;
        NEW.receiving_service_id := CASE WHEN NEW.purpose = 'store' THEN store.store_service_id
                                         ELSE ad.receiving_service_id END;
        NEW.quantity := ad.quantity;
        NEW.weight_grams := CASE WHEN ad.weight_grams > 0 THEN ad.weight_grams
                                 ELSE coalesce(unit_weight, 0) * ad.quantity END;
        NEW.status := 'requested';
        NEW.planned_date := NULL;
        NEW.team := '';
        NEW.stop_order := 0;
        NEW.cancel_reason := '';
        NEW.requested_by := acting;
        NEW.requested_at := now();
        NEW.updated_at := now();
        NEW.version := 1;
        step := 'request';
    ELSE
        IF (NEW.id, NEW.ad_id, NEW.purpose, NEW.ad_title, NEW.category_id, NEW.giving_service_id,
            NEW.receiving_service_id, NEW.quantity, NEW.weight_grams, NEW.from_site_id, NEW.from_room,
            NEW.from_contact, NEW.from_phone, NEW.to_site_id, NEW.to_room, NEW.to_contact,
            NEW.to_phone, NEW.wished_date, NEW.notes, NEW.requested_by, NEW.requested_at)
           IS DISTINCT FROM
           (OLD.id, OLD.ad_id, OLD.purpose, OLD.ad_title, OLD.category_id, OLD.giving_service_id,
            OLD.receiving_service_id, OLD.quantity, OLD.weight_grams, OLD.from_site_id, OLD.from_room,
            OLD.from_contact, OLD.from_phone, OLD.to_site_id, OLD.to_room, OLD.to_contact,
            OLD.to_phone, OLD.wished_date, OLD.notes, OLD.requested_by, OLD.requested_at) THEN
            RAISE EXCEPTION 'only the status and the plan of a transport change'
                USING ERRCODE = '42501';
        END IF;
        step := CASE NEW.status WHEN 'planned' THEN 'plan'
                                WHEN 'picked_up' THEN 'mark_picked_up'
                                WHEN 'delivered' THEN 'mark_delivered'
                                WHEN 'cancelled' THEN 'cancel' END;
        who := CASE WHEN recup.is_logistics_staff() THEN 'logistics'
                    WHEN recup.serves(OLD.giving_service_id, OLD.receiving_service_id)
                        THEN 'agent' END;
        IF step IS NULL OR who IS NULL OR NOT EXISTS (
               SELECT 1 FROM recup.pickup_transition t
                WHERE t.from_status = OLD.status AND t.action = step AND t.actor = who
                  AND t.to_status = NEW.status) THEN
            RAISE EXCEPTION 'a transport % cannot go to % by %', OLD.status, NEW.status,
                coalesce(who, 'an outsider')
                USING ERRCODE = '42501', HINT = 'pickup-transition';
        END IF;
        IF step = 'plan' THEN
            IF NEW.planned_date IS NULL OR NEW.planned_date < today THEN
                RAISE EXCEPTION 'a transport is planned for today or later'
                    USING ERRCODE = 'check_violation', HINT = 'pickup-date-past';
            END IF;
            detail := NEW.planned_date::text || ' ' || NEW.team || ' #' || NEW.stop_order;
        ELSIF (NEW.planned_date, NEW.team, NEW.stop_order)
              IS DISTINCT FROM (OLD.planned_date, OLD.team, OLD.stop_order) THEN
            RAISE EXCEPTION 'only planning changes the plan' USING ERRCODE = '42501';
        END IF;
        IF step = 'cancel' THEN
            IF btrim(NEW.cancel_reason) = '' THEN
                RAISE EXCEPTION 'a cancelled transport says why'
                    USING ERRCODE = 'check_violation', HINT = 'pickup-reason';
            END IF;
            detail := NEW.cancel_reason;
        ELSIF NEW.cancel_reason IS DISTINCT FROM OLD.cancel_reason THEN
            RAISE EXCEPTION 'only cancelling gives a reason' USING ERRCODE = '42501';
        END IF;
        NEW.updated_at := now();
        NEW.version := OLD.version + 1;
    END IF;
    INSERT INTO recup.pickup_history (pickup_id, actor_id, action, from_status, to_status, detail)
    VALUES (NEW.id, acting, step, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status,
            detail);
    RETURN NEW;
END
$$;
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
        -- Only a store's delivery, in this very transaction, hands the item to its keeper.
        IF NEW.id IS DISTINCT FROM OLD.id OR NEW.created_at IS DISTINCT FROM OLD.created_at
           OR NEW.store_site_id IS NOT DISTINCT FROM OLD.store_site_id
           OR NOT EXISTS (
               SELECT 1 FROM recup.pickup p JOIN recup.site s ON s.id = p.to_site_id
                WHERE p.ad_id = OLD.id AND p.purpose = 'store' AND p.status = 'delivered'
                  AND p.updated_at = now() AND s.id = NEW.store_site_id
                  AND s.store_keeper_id = NEW.owner_id
                  AND s.store_service_id = NEW.service_id) THEN
            RAISE EXCEPTION 'the owner of an ad cannot change' USING ERRCODE = '42501';
        END IF;
        INSERT INTO recup.ad_history (ad_id, actor_id, at, action, from_state, to_state, reason)
        VALUES (OLD.id, acting, stamp, 'store', OLD.state, NEW.state,
                coalesce((SELECT s.name FROM recup.service s WHERE s.id = OLD.service_id), ''));
        RETURN NEW;
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

-- A store's delivery hands the item over: to the keeper and the store's service, at the
-- store's site, back in the catalogue (under its first publication date) for the category's days. The room is left blank: the
-- one typed for the transport was never moderated, and the catalogue shows the ad's room.
-- ad_guard accepts this change of owner only while such a delivery is written in the same
-- transaction.
CREATE FUNCTION recup.store_handover() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    store recup.site%ROWTYPE;
BEGIN
    SELECT * INTO store FROM recup.site s WHERE s.id = NEW.to_site_id;
    IF store.store_service_id IS DISTINCT FROM NEW.receiving_service_id
       OR NOT recup.store_keeper_ready(store.id) THEN
        RAISE EXCEPTION 'the store has no active keeper'
            USING ERRCODE = 'check_violation', HINT = 'store-no-keeper';
    END IF;
    PERFORM 1 FROM recup.ad a WHERE a.id = NEW.ad_id AND a.state IN ('published', 'expired')
        FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'only a published or expired ad is handed to the store'
            USING ERRCODE = 'check_violation', HINT = 'store-ad-state';
    END IF;
    UPDATE recup.ad a
       SET owner_id = store.store_keeper_id, service_id = store.store_service_id,
           site_id = store.id, room = '', store_site_id = store.id, stored_at = now(),
           state = 'published', published_at = coalesce(a.published_at, now()),
           expires_at = now() + make_interval(days => (
               SELECT c.expiry_days FROM recup.category c WHERE c.id = a.category_id)),
           updated_at = now(), version = a.version + 1
     WHERE a.id = NEW.ad_id;
    RETURN NULL;
END
$$;
CREATE TRIGGER pickup_store_handover AFTER UPDATE OF status ON recup.pickup
    FOR EACH ROW WHEN (NEW.purpose = 'store' AND NEW.status = 'delivered'
                       AND OLD.status <> 'delivered')
    EXECUTE FUNCTION recup.store_handover();

ALTER FUNCTION recup.store_keeper_ready(bigint) OWNER TO recup_owner;
ALTER FUNCTION recup.store_handover() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.store_keeper_ready(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION recup.store_handover() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.store_keeper_ready(bigint)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- Which site is a store, and who keeps it, is the administrators' to say (the tool, IT's
-- SQL), and not while a store transport to it is under way: whoever could name a keeper
-- could have any item handed to them.
CREATE FUNCTION recup.site_store_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF (NEW.store_service_id, NEW.store_keeper_id)
       IS DISTINCT FROM (OLD.store_service_id, OLD.store_keeper_id) THEN
        IF NOT recup.is_privileged() THEN
            RAISE EXCEPTION 'only administrators make a site a store' USING ERRCODE = '42501';
        END IF;
        IF EXISTS (SELECT 1 FROM recup.pickup p
                    WHERE p.to_site_id = OLD.id AND p.purpose = 'store'
                      AND p.status IN ('requested', 'planned', 'picked_up')) THEN
            RAISE EXCEPTION 'store transports to this site are under way'
                USING ERRCODE = 'check_violation', HINT = 'store-moves-under-way';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER site_store_guard BEFORE UPDATE ON recup.site
    FOR EACH ROW EXECUTE FUNCTION recup.site_store_guard();
CREATE FUNCTION recup.site_store_insert_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF (NEW.store_service_id IS NOT NULL OR NEW.store_keeper_id IS NOT NULL)
       AND NOT recup.is_privileged() THEN
        RAISE EXCEPTION 'only administrators make a site a store' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER site_store_insert_guard BEFORE INSERT ON recup.site
    FOR EACH ROW EXECUTE FUNCTION recup.site_store_insert_guard();

-- The photos wait with their ad while it moves to the store.
CREATE FUNCTION recup.ad_photo_store_wait() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM recup.pickup p
                WHERE p.ad_id = coalesce(NEW.ad_id, OLD.ad_id) AND p.purpose = 'store'
                  AND p.status IN ('requested', 'planned', 'picked_up')) THEN
        RAISE EXCEPTION 'this item is on its way to the store'
            USING ERRCODE = 'check_violation', HINT = 'ad-going-to-store';
    END IF;
    RETURN coalesce(NEW, OLD);
END
$$;
CREATE TRIGGER ad_photo_store_wait BEFORE INSERT OR UPDATE OR DELETE ON recup.ad_photo
    FOR EACH ROW EXECUTE FUNCTION recup.ad_photo_store_wait();

-- What was asked of the first giver stays theirs: the keeper reads the requests made since
-- the store holds the item.
DROP POLICY poster_read ON recup.contact_request;
CREATE POLICY poster_read ON recup.contact_request FOR SELECT
    TO recup_agent, recup_moderator, recup_logistics
    USING (EXISTS (SELECT 1 FROM recup.ad a
                    WHERE a.id = ad_id AND a.owner_id = (SELECT recup.current_agent_id())
                      AND (a.stored_at IS NULL OR contact_request.created_at >= a.stored_at)));

ALTER FUNCTION recup.site_store_guard() OWNER TO recup_owner;
ALTER FUNCTION recup.site_store_insert_guard() OWNER TO recup_owner;
ALTER FUNCTION recup.ad_photo_store_wait() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.site_store_guard() FROM PUBLIC;
REVOKE ALL ON FUNCTION recup.site_store_insert_guard() FROM PUBLIC;
REVOKE ALL ON FUNCTION recup.ad_photo_store_wait() FROM PUBLIC;
