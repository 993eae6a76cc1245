-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 027 the parts of a lot, what was left (issue #13): a part given to its service may have its
-- transport, as an ad closed as exchanged has; a moderator who releases someone else's part
-- says why, and the history keeps it.
-- After the hostile review of 027 (not released before it, hence edited in place):
-- * a part's transport copies the ad's title to the logistics and the receiving service: only
--   for an ad whose words a moderator approved (published, reserved, expired, or closed from
--   one of them), never one sent back to moderation, rejected or a draft;
-- * a moderator's release of a part says why, however it is made (a trigger of one's own in
--   pg_temp no longer skips the check) and a removal gives its own reason to the parts it
--   releases; a removal says why; a reason is not blank (tabs and line breaks included) and
--   at most 1000 characters;
-- * who asks for a transport is checked first: a stranger learns nothing of an ad's or a
--   part's state (one refusal, 42501, whatever the ad);
-- * a lot with a part reserved or given does not go to the store (the store's transport
--   carried the whole lot, and its keeper would have settled the owner's promises), and no
--   part is reserved or given while it is on its way there.
-- Redefined from their latest definitions: ad_reservation_guard (020), pickup_guard (015),
-- ad_parts_guard (020) and ad_guard (024).

-- The part a transport carries, when it carries a part of a lot rather than a whole ad.
ALTER TABLE recup.pickup ADD COLUMN reservation_id bigint REFERENCES recup.ad_reservation;
GRANT INSERT (reservation_id) ON recup.pickup
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;
-- One transport under way per exchange: per whole ad (as in 015), and per part given.
DROP INDEX recup.pickup_one_per_exchange;
CREATE UNIQUE INDEX pickup_one_per_exchange ON recup.pickup (ad_id)
    WHERE status <> 'cancelled' AND purpose = 'exchange' AND reservation_id IS NULL;
CREATE UNIQUE INDEX pickup_one_per_part ON recup.pickup (reservation_id)
    WHERE status <> 'cancelled' AND reservation_id IS NOT NULL;

-- ad_reservation_guard (020), with the reason of a release in the history; the rest as it was.
CREATE OR REPLACE FUNCTION recup.ad_reservation_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$
DECLARE
    privileged boolean := recup.is_privileged();
    me bigint := recup.current_agent_id();
    acting bigint;
    moderator boolean := recup.is_moderator();
    hat text := nullif(current_setting('recup.actor_kind', true), '');
    stamp timestamptz := now();
    lot recup.ad;
    wanted text;
    promised integer;
    reason text := coalesce(current_setting('recup.reason', true), '');
    as_owner boolean;
BEGIN
    IF privileged THEN
        acting := coalesce(nullif(current_setting('recup.actor_id', true), '')::bigint, me);
        IF nullif(current_setting('recup.at', true), '') IS NOT NULL THEN
            stamp := current_setting('recup.at', true)::timestamptz;
        END IF;
    ELSE
        acting := me;
        IF acting IS NULL THEN
            RAISE EXCEPTION 'no active agent for role %', session_user USING ERRCODE = '42501';
        END IF;
    END IF;

    -- What is left is summed from committed rows once the ad is locked: only a READ COMMITTED
    -- transaction sees a part another session committed meanwhile (the hostile review promised
    -- a lot twice from two REPEATABLE READ sessions).
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'parts of a lot change in READ COMMITTED transactions only'
            USING ERRCODE = '40001', HINT = 'reservation-isolation';
    END IF;

    -- A release only gives back: it needs no lock, and a moderator's removal releases the
    -- parts from within the change of the ad row itself.
    IF TG_OP = 'UPDATE' AND NEW.state = 'released' THEN
        SELECT * INTO lot FROM recup.ad a WHERE a.id = NEW.ad_id;
    ELSE
        SELECT * INTO lot FROM recup.ad a WHERE a.id = NEW.ad_id FOR UPDATE;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such ad' USING ERRCODE = '42501';
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'held' THEN
            RAISE EXCEPTION 'a reservation starts held' USING ERRCODE = '42501';
        END IF;
        wanted := 'reserve-part';
    ELSE
        IF OLD.state <> 'held' THEN
            RAISE EXCEPTION 'a released or exchanged reservation no longer changes'
                USING ERRCODE = '42501', HINT = 'reservation-settled';
        END IF;
        IF (NEW.id, NEW.ad_id, NEW.service_id, NEW.quantity, NEW.reserved_by, NEW.reserved_at)
           IS DISTINCT FROM
           (OLD.id, OLD.ad_id, OLD.service_id, OLD.quantity, OLD.reserved_by, OLD.reserved_at) THEN
            RAISE EXCEPTION 'only the state of a reservation changes' USING ERRCODE = '42501';
        END IF;
        IF NEW.version <> OLD.version + 1 THEN
            RAISE EXCEPTION 'every change of a reservation moves its version by one'
                USING ERRCODE = '40001';
        END IF;
        wanted := CASE NEW.state WHEN 'released' THEN 'release-part'
                                 WHEN 'exchanged' THEN 'exchange-part' END;
        IF wanted IS NULL THEN
            RAISE EXCEPTION 'a held reservation is released or exchanged' USING ERRCODE = '42501';
        END IF;
    END IF;

    -- A moderator who releases someone else's part says why (the owner reads it in the ad's
    -- history), however the UPDATE is reached (a trigger of one's own, in pg_temp, runs it
    -- nested as well); a removal's own release has the removal's reason (ad_parts_guard).
    -- Blank is any white space (btrim strips only spaces).
    as_owner := lot.owner_id = acting AND (hat IS NULL OR hat = 'owner' OR NOT privileged);
    IF wanted = 'release-part' AND NOT as_owner AND reason !~ '\S' THEN
        RAISE EXCEPTION 'a moderator releasing a part says why'
            USING ERRCODE = 'check_violation', HINT = 'reservation-reason';
    END IF;
    IF wanted <> 'release-part' THEN
        reason := '';
    END IF;
    IF char_length(reason) > 1000 THEN
        RAISE EXCEPTION 'a reason has at most 1000 characters'
            USING ERRCODE = 'check_violation', HINT = 'reservation-reason';
    END IF;
    -- On its way to the store the lot waits: no part promised or given there (the keeper
    -- would settle what its first owner promised); a release only gives back.
    IF wanted <> 'release-part' AND EXISTS (
           SELECT 1 FROM recup.pickup p
            WHERE p.ad_id = lot.id AND p.purpose = 'store'
              AND p.status IN ('requested', 'planned', 'picked_up')) THEN
        RAISE EXCEPTION 'this item is on its way to the store'
            USING ERRCODE = 'check_violation', HINT = 'ad-going-to-store';
    END IF;

    IF NOT EXISTS (
           SELECT 1 FROM recup.lifecycle_transition t
            WHERE t.from_state = lot.state AND t.action = wanted
              AND (   (t.actor = 'owner' AND lot.owner_id = acting
                       AND (hat IS NULL OR hat = 'owner' OR NOT privileged))
                   OR (t.actor = 'moderator'
                       AND (moderator OR (privileged AND hat = 'moderator'))))) THEN
        RAISE EXCEPTION '% is not allowed on a % ad for %', wanted, lot.state, session_user
            USING ERRCODE = '42501', HINT = 'reservation-refused';
    END IF;

    IF wanted IN ('reserve-part', 'exchange-part')
       AND NOT EXISTS (SELECT 1 FROM recup.service s WHERE s.id = NEW.service_id AND s.active) THEN
        RAISE EXCEPTION 'service % is no longer active', NEW.service_id
            USING ERRCODE = 'check_violation', HINT = 'reservation-inactive-service';
    END IF;

    IF TG_OP = 'INSERT' THEN
        SELECT coalesce(sum(r.quantity), 0) INTO promised
          FROM recup.ad_reservation r
         WHERE r.ad_id = lot.id AND r.state IN ('held', 'exchanged');
        IF promised + NEW.quantity > lot.quantity THEN
            RAISE EXCEPTION 'only % of % left', lot.quantity - promised, lot.quantity
                USING ERRCODE = 'check_violation', HINT = 'reservation-over-quantity';
        END IF;
        NEW.reserved_by := acting;
        NEW.reserved_at := stamp;
        NEW.released_by := NULL;
        NEW.released_at := NULL;
        NEW.exchanged_by := NULL;
        NEW.exchanged_at := NULL;
        NEW.version := 1;
    ELSIF NEW.state = 'released' THEN
        NEW.released_by := acting;
        NEW.released_at := stamp;
        NEW.exchanged_by := NULL;
        NEW.exchanged_at := NULL;
    ELSE
        NEW.exchanged_by := acting;
        NEW.exchanged_at := stamp;
        NEW.released_by := NULL;
        NEW.released_at := NULL;
    END IF;

    INSERT INTO recup.ad_history (ad_id, actor_id, at, action, from_state, to_state, reason,
                                  reservation_id, quantity, service_id)
    VALUES (lot.id, acting, stamp, wanted, lot.state, lot.state, reason, NEW.id, NEW.quantity,
            NEW.service_id);
    RETURN NEW;
END
$$;

-- pickup_guard (015), with a part given: its service receives it, its quantity and share of
-- the weight are carried; the ad may be published, expired or closed (the last part given
-- closes it). A whole ad's transport carries what its parts given left of it, and is refused
-- when they took it all. Who may ask is as for a whole ad: the ad's owner or a moderator. Logistics see
-- every transport (staff_all, 014) and the part's service's agents see theirs
-- (services_read: the part's service is the receiving one); the rest as it was.
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
    part recup.ad_reservation%ROWTYPE;
    given integer := 0;
BEGIN
    acting := coalesce(nullif(current_setting('recup.actor_id', true), '')::bigint, me);
    IF NOT recup.is_privileged() THEN
        acting := me;
    END IF;
    IF TG_OP = 'INSERT' THEN
        -- Locked: an edit of the ad under way in another session is waited for and seen.
        SELECT * INTO ad FROM recup.ad WHERE id = NEW.ad_id FOR UPDATE;
        -- Who asks, first: one refusal for an ad that does not exist and for someone else's,
        -- before anything is said of its state or of its parts'.
        IF NOT FOUND
           OR NOT (ad.owner_id = acting OR recup.is_moderator() OR recup.is_privileged()) THEN
            RAISE EXCEPTION 'only the ad''s owner or a moderator asks for its transport'
                USING ERRCODE = '42501';
        END IF;
        IF NEW.purpose = 'store' THEN
            -- The owner's decision alone (or an administrator's): nobody else's item is taken.
            IF NOT (ad.owner_id = acting OR recup.is_privileged()) THEN
                RAISE EXCEPTION 'only its owner sends an item to the store'
                    USING ERRCODE = '42501';
            END IF;
            IF ad.state NOT IN ('published', 'expired') THEN
                RAISE EXCEPTION 'a published or expired ad goes to the store'
                    USING ERRCODE = 'check_violation', HINT = 'store-ad-state';
            END IF;
            -- The store takes a whole lot: none of it promised or given to a service.
            IF EXISTS (SELECT 1 FROM recup.ad_reservation r
                        WHERE r.ad_id = ad.id AND r.state IN ('held', 'exchanged')) THEN
                RAISE EXCEPTION 'part of this lot is reserved or given: it does not go to the store'
                    USING ERRCODE = 'check_violation', HINT = 'store-ad-parts';
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
        ELSIF NEW.reservation_id IS NOT NULL THEN
            -- A part given to its service (027): the part must be this ad's, and given.
            SELECT * INTO part FROM recup.ad_reservation r
             WHERE r.id = NEW.reservation_id AND r.ad_id = NEW.ad_id;
            IF NOT FOUND OR part.state <> 'exchanged' THEN
                RAISE EXCEPTION 'a transport follows a part given to its service'
                    USING ERRCODE = 'check_violation', HINT = 'pickup-part-not-given';
            END IF;
            -- Its title goes to the logistics and the receiving service: words a moderator
            -- approved only (not an edit waiting for moderation, rejected or a draft; a closed
            -- ad was closed from a published, reserved or expired one).
            IF NOT (ad.state IN ('published', 'reserved', 'expired')
                    OR (ad.state = 'closed' AND EXISTS (
                            SELECT 1 FROM recup.ad_history h
                             WHERE h.ad_id = ad.id AND h.to_state = 'closed'
                               AND h.from_state IN ('published', 'reserved', 'expired')))) THEN
                RAISE EXCEPTION 'a part''s transport waits until its ad is approved'
                    USING ERRCODE = 'check_violation', HINT = 'pickup-ad-unmoderated';
            END IF;
        ELSIF ad.state <> 'closed'
              OR ad.close_reason IS DISTINCT FROM 'exchanged' THEN
            RAISE EXCEPTION 'a transport follows an exchanged ad'
                USING ERRCODE = 'check_violation', HINT = 'pickup-ad-not-exchanged';
        END IF;
        IF NEW.purpose = 'store' AND NEW.reservation_id IS NOT NULL THEN
            RAISE EXCEPTION 'a part given goes to its service, not to a store'
                USING ERRCODE = 'check_violation', HINT = 'pickup-part-not-given';
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
        IF NEW.reservation_id IS NOT NULL THEN
            -- The part's service receives it; its quantity, and its share of the lot's weight
            -- as the figures count it (closed_fact, 020).
            NEW.receiving_service_id := part.service_id;
            NEW.quantity := part.quantity;
            NEW.weight_grams := CASE
                WHEN ad.weight_grams > 0 AND part.quantity = ad.quantity THEN ad.weight_grams
                WHEN ad.weight_grams > 0
                    THEN (ad.weight_grams * part.quantity * 2 + ad.quantity) / (2 * ad.quantity)
                ELSE coalesce(unit_weight, 0) * part.quantity END;
        ELSIF NEW.purpose = 'store' THEN
            NEW.receiving_service_id := store.store_service_id;
            NEW.quantity := ad.quantity;
            NEW.weight_grams := CASE WHEN ad.weight_grams > 0 THEN ad.weight_grams
                                     ELSE coalesce(unit_weight, 0) * ad.quantity END;
        ELSE
            -- The whole ad: what its parts given left of it (they have their own transports);
            -- a lot given all in parts has nothing left to carry.
            SELECT coalesce(sum(r.quantity), 0) INTO given FROM recup.ad_reservation r
             WHERE r.ad_id = ad.id AND r.state = 'exchanged';
            IF ad.quantity - given <= 0 THEN
                RAISE EXCEPTION 'its parts were given one by one: ask a transport for each'
                    USING ERRCODE = 'check_violation', HINT = 'pickup-ad-not-exchanged';
            END IF;
            NEW.receiving_service_id := ad.receiving_service_id;
            NEW.quantity := ad.quantity - given;
            NEW.weight_grams := CASE
                WHEN ad.weight_grams > 0 AND given = 0 THEN ad.weight_grams
                WHEN ad.weight_grams > 0
                    THEN (ad.weight_grams * (ad.quantity - given) * 2 + ad.quantity)
                         / (2 * ad.quantity)
                ELSE coalesce(unit_weight, 0) * (ad.quantity - given) END;
        END IF;
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
        IF (NEW.id, NEW.ad_id, NEW.reservation_id, NEW.purpose, NEW.ad_title, NEW.category_id,
            NEW.giving_service_id, NEW.receiving_service_id, NEW.quantity, NEW.weight_grams,
            NEW.from_site_id, NEW.from_room,
            NEW.from_contact, NEW.from_phone, NEW.to_site_id, NEW.to_room, NEW.to_contact,
            NEW.to_phone, NEW.wished_date, NEW.notes, NEW.requested_by, NEW.requested_at)
           IS DISTINCT FROM
           (OLD.id, OLD.ad_id, OLD.reservation_id, OLD.purpose, OLD.ad_title, OLD.category_id,
            OLD.giving_service_id, OLD.receiving_service_id, OLD.quantity, OLD.weight_grams,
            OLD.from_site_id, OLD.from_room,
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

-- ad_parts_guard (020), with the removal's reason on the parts it releases: the moderator's
-- reason (recup.reason, else the ad's closing note, else « annonce retirée »), for this UPDATE
-- only (a reason left in the session would let a later release of this transaction pass
-- without one); the rest as it was.
CREATE OR REPLACE FUNCTION recup.ad_parts_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$
DECLARE
    held integer;
    promised integer;
    said text := coalesce(current_setting('recup.reason', true), '');
BEGIN
    IF (NEW.quantity, NEW.value_cents, NEW.weight_grams, NEW.category_id, NEW.state)
       IS NOT DISTINCT FROM
       (OLD.quantity, OLD.value_cents, OLD.weight_grams, OLD.category_id, OLD.state) THEN
        RETURN NEW;
    END IF;
    -- As in ad_reservation_guard: the parts are read as committed, after the ad's row lock.
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'a lot changes in READ COMMITTED transactions only'
            USING ERRCODE = '40001', HINT = 'reservation-isolation';
    END IF;
    SELECT coalesce(sum(r.quantity) FILTER (WHERE r.state = 'held'), 0),
           coalesce(sum(r.quantity) FILTER (WHERE r.state IN ('held', 'exchanged')), 0)
      INTO held, promised
      FROM recup.ad_reservation r WHERE r.ad_id = OLD.id;
    IF promised = 0 THEN
        RETURN NEW;
    END IF;
    -- The category too: it gives the estimated weight of what was given.
    IF (NEW.quantity, NEW.value_cents, NEW.weight_grams, NEW.category_id)
       IS DISTINCT FROM (OLD.quantity, OLD.value_cents, OLD.weight_grams, OLD.category_id) THEN
        RAISE EXCEPTION 'part of this lot is promised: its quantity, value, weight and category stay'
            USING ERRCODE = 'check_violation', HINT = 'ad-lot-split';
    END IF;
    IF held > 0 AND NEW.state IS DISTINCT FROM OLD.state THEN
        IF NEW.state = 'expired' THEN
            RETURN NEW;
        END IF;
        IF NEW.state = 'closed' AND NEW.close_reason = 'removed' THEN
            PERFORM set_config('recup.reason',
                               left(CASE WHEN said ~ '\S' THEN said
                                         WHEN coalesce(NEW.close_note, '') ~ '\S'
                                             THEN NEW.close_note
                                         ELSE 'annonce retirée' END, 1000),
                               true);
            UPDATE recup.ad_reservation SET state = 'released', version = version + 1
             WHERE ad_id = OLD.id AND state = 'held';
            PERFORM set_config('recup.reason', said, true);
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'part of this lot is reserved: release or exchange it first'
            USING ERRCODE = 'check_violation', HINT = 'ad-parts-held';
    END IF;
    RETURN NEW;
END
$$;

-- ad_guard (024), with a removal that says why; the rest as it was.
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
        -- 027: a removal says why (its owner reads it; the parts it releases carry it).
        IF found_action = 'remove' AND (reason !~ '\S' OR char_length(reason) > 1000) THEN
            RAISE EXCEPTION 'a removal says why, in at most 1000 characters'
                USING ERRCODE = 'check_violation', HINT = 'ad-remove-reason';
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
