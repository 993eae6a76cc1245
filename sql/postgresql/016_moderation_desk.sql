-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 016 the moderation desk and the reference data (issue #12).
-- * Reference rows are deactivated, never deleted, and carry a version that every update moves
--   by one (a trigger), so that an editor's update WHERE version = the one it read is refused
--   when someone else saved first. Categories keep the words that suggest them when excluded.
-- * Who may change an agent's login and roles: administrators only (their tool also grants the
--   database groups); moderators keep names, addresses, services and the active flag.
-- * A moderator who opens a pending ad claims it for a few minutes (moderation_claim), so that
--   the other sees who looks at it; the queue's changes are notified on 'recup_moderation'.
-- * Rejection reasons come from templates the moderators keep.
-- * A leaving agent's open ads are handed over to another agent by a moderator or an
--   administrator (hand_over_ads): each ad is written in ad_handover, which ad_guard requires
--   for the change of owner, and gets a 'handover' step in its history. ad_guard (015) again,
--   its change-of-owner rules now in ad_owner_change() so that the next change replaces that
--   function only.

ALTER TABLE recup.organisation
    ADD COLUMN active boolean NOT NULL DEFAULT true,
    ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE recup.service
    ADD COLUMN active boolean NOT NULL DEFAULT true,
    ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE recup.site ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE recup.category
    ADD COLUMN active boolean NOT NULL DEFAULT true,
    ADD COLUMN warning_words text NOT NULL DEFAULT '' CHECK (length(warning_words) <= 2000),
    ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE recup.agent ADD COLUMN version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION recup.reference_version() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.version := 1;
    ELSE
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.reference_version() OWNER TO recup_owner;
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organisation', 'service', 'site', 'category', 'agent'] LOOP
        EXECUTE format('CREATE TRIGGER reference_version BEFORE INSERT OR UPDATE ON recup.%I '
                       'FOR EACH ROW EXECUTE FUNCTION recup.reference_version()', t);
    END LOOP;
END
$$;

-- Nothing is deleted from the reference data: ads, history and figures point at it.
REVOKE DELETE ON recup.organisation, recup.service, recup.site, recup.category, recup.agent
    FROM recup_moderator, recup_admin;

-- An agent's login is their database role, and their roles are the groups an administrator
-- grants: moderators cannot rename anyone nor make anyone a moderator.
CREATE FUNCTION recup.agent_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF recup.is_privileged() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.is_moderator OR NEW.is_logistics OR NEW.is_admin THEN
            RAISE EXCEPTION 'only administrators give roles' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF recup.current_agent_id() IS NULL THEN
        RAISE EXCEPTION 'no active agent for role %', session_user USING ERRCODE = '42501';
    END IF;
    IF (NEW.id, NEW.login, NEW.is_moderator, NEW.is_logistics, NEW.is_admin, NEW.created_at)
       IS DISTINCT FROM
       (OLD.id, OLD.login, OLD.is_moderator, OLD.is_logistics, OLD.is_admin, OLD.created_at) THEN
        RAISE EXCEPTION 'only administrators change a login or roles' USING ERRCODE = '42501';
    END IF;
    -- Nobody deactivates (or, deactivated, reactivates) themselves, a moderator or an
    -- administrator but an administrator: a moderator cannot lock the others out.
    IF NEW.active IS DISTINCT FROM OLD.active
       AND (OLD.id = recup.current_agent_id() OR OLD.is_moderator OR OLD.is_admin) THEN
        RAISE EXCEPTION 'only administrators deactivate a moderator, an administrator or '
                        'themselves' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.agent_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.agent_guard() FROM PUBLIC;
CREATE TRIGGER agent_guard BEFORE INSERT OR UPDATE ON recup.agent
    FOR EACH ROW EXECUTE FUNCTION recup.agent_guard();

-- The moderation queue's changes, for every open moderation window: a statement-level
-- notification, one per transaction whatever it touched (the payload says nothing).
CREATE FUNCTION recup.notify_moderation() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    PERFORM pg_catalog.pg_notify('recup_moderation', 'queue');
    RETURN NULL;
END
$$;
ALTER FUNCTION recup.notify_moderation() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.notify_moderation() FROM PUBLIC;
CREATE TRIGGER notify_moderation AFTER INSERT OR UPDATE OF state OR DELETE ON recup.ad
    FOR EACH STATEMENT EXECUTE FUNCTION recup.notify_moderation();

-- Who looks at a pending ad. A claim is the moderator's own, stamped by the server, and lapses
-- after ClaimMinutes (5); a lapsed claim may be taken over.
CREATE TABLE recup.moderation_claim (
    ad_id        bigint PRIMARY KEY REFERENCES recup.ad ON DELETE CASCADE,
    moderator_id bigint NOT NULL REFERENCES recup.agent,
    claimed_at   timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE recup.moderation_claim OWNER TO recup_owner;
CREATE FUNCTION recup.moderation_claim_stamp() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    NEW.claimed_at := now();
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.moderation_claim_stamp() OWNER TO recup_owner;
CREATE TRIGGER moderation_claim_stamp BEFORE INSERT OR UPDATE ON recup.moderation_claim
    FOR EACH ROW EXECUTE FUNCTION recup.moderation_claim_stamp();
CREATE TRIGGER notify_moderation AFTER INSERT OR UPDATE OR DELETE ON recup.moderation_claim
    FOR EACH STATEMENT EXECUTE FUNCTION recup.notify_moderation();
ALTER TABLE recup.moderation_claim ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.moderation_claim FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON recup.moderation_claim TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY read ON recup.moderation_claim FOR SELECT TO recup_moderator, recup_admin
    USING (true);
CREATE POLICY claim ON recup.moderation_claim FOR INSERT TO recup_moderator, recup_admin
    WITH CHECK (moderator_id = (SELECT recup.current_agent_id()));
CREATE POLICY take_over ON recup.moderation_claim FOR UPDATE TO recup_moderator, recup_admin
    USING (moderator_id = (SELECT recup.current_agent_id())
           OR claimed_at < now() - interval '5 minutes')
    WITH CHECK (moderator_id = (SELECT recup.current_agent_id()));
CREATE POLICY release ON recup.moderation_claim FOR DELETE TO recup_moderator, recup_admin
    USING (moderator_id = (SELECT recup.current_agent_id())
           OR claimed_at < now() - interval '5 minutes');
GRANT SELECT, INSERT, DELETE ON recup.moderation_claim TO recup_moderator, recup_admin;
-- Agents and logistics staff may name the table (the queue's statement joins it) and read
-- nothing of it: no policy gives them a row.
GRANT SELECT ON recup.moderation_claim TO recup_agent, recup_logistics;
GRANT UPDATE (moderator_id, claimed_at) ON recup.moderation_claim
    TO recup_moderator, recup_admin;

-- The reasons moderators give most, ready to pick and complete.
CREATE TABLE recup.rejection_template (
    id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    title    text NOT NULL CHECK (btrim(title) <> '' AND length(title) <= 80),
    body     text NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 2000),
    position integer NOT NULL DEFAULT 0,
    active   boolean NOT NULL DEFAULT true,
    version  bigint NOT NULL DEFAULT 1
);
ALTER TABLE recup.rejection_template OWNER TO recup_owner;
CREATE TRIGGER reference_version BEFORE INSERT OR UPDATE ON recup.rejection_template
    FOR EACH ROW EXECUTE FUNCTION recup.reference_version();
ALTER TABLE recup.rejection_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.rejection_template FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON recup.rejection_template TO recup_owner USING (true)
    WITH CHECK (true);
CREATE POLICY keep ON recup.rejection_template TO recup_moderator, recup_admin
    USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON recup.rejection_template TO recup_moderator, recup_admin;
INSERT INTO recup.rejection_template (title, body, position) VALUES
    ('Photos insuffisantes',
     'Les photos ne permettent pas de juger l’état de l’objet. Ajoutez une photo nette de l’objet entier, puis soumettez l’annonce à nouveau.', 1),
    ('Matériel informatique',
     'Le matériel informatique (ordinateurs, écrans, imprimantes, téléphones…) ne passe pas par Collectiv’Récup : adressez-vous au service informatique, qui en assure le réemploi ou le recyclage.', 2),
    ('Description incomplète',
     'Précisez les dimensions, le nombre d’objets et leur état (rayures, pièces manquantes) dans la description.', 3),
    ('Usage non professionnel',
     'Les échanges se font entre services, pour un usage professionnel uniquement.', 4),
    ('Objet hors d’usage',
     'Un objet cassé ou dangereux ne peut pas être proposé au réemploi : orientez-le vers la déchèterie.', 5);

-- A leaving agent's ads, handed over: one row per ad, written by hand_over_ads() only; ad_guard
-- accepts the change of owner while this row is written in the same transaction.
CREATE TABLE recup.ad_handover (
    id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    ad_id         bigint NOT NULL REFERENCES recup.ad,
    from_agent_id bigint NOT NULL REFERENCES recup.agent,
    to_agent_id   bigint NOT NULL REFERENCES recup.agent,
    actor_id      bigint REFERENCES recup.agent,
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ad_handover_ad_idx ON recup.ad_handover (ad_id, at);
ALTER TABLE recup.ad_handover OWNER TO recup_owner;
ALTER TABLE recup.ad_handover ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.ad_handover FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON recup.ad_handover TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY read ON recup.ad_handover FOR SELECT TO recup_moderator, recup_admin USING (true);
GRANT SELECT ON recup.ad_handover TO recup_moderator, recup_admin;

-- Hands every open ad of p_from over to p_to (an active agent), with their service; returns how
-- many. Ads on their way to the store go to its keeper on delivery and are left out. Moderators
-- and administrators only.
CREATE FUNCTION recup.hand_over_ads(p_from bigint, p_to bigint) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    actor bigint := recup.current_agent_id();
    handed integer;
BEGIN
    IF NOT (recup.is_moderator() OR recup.is_privileged()) THEN
        RAISE EXCEPTION 'only moderators and administrators hand ads over'
            USING ERRCODE = '42501';
    END IF;
    IF p_from = p_to THEN
        RAISE EXCEPTION 'an agent cannot hand their ads to themselves'
            USING ERRCODE = 'check_violation', HINT = 'handover-same-agent';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM recup.agent g WHERE g.id = p_from) THEN
        RAISE EXCEPTION 'unknown agent' USING ERRCODE = 'check_violation',
            HINT = 'handover-unknown-agent';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM recup.agent g WHERE g.id = p_to AND g.active) THEN
        RAISE EXCEPTION 'the agent who takes the ads over must be active'
            USING ERRCODE = 'check_violation', HINT = 'handover-inactive-agent';
    END IF;
    PERFORM 1 FROM recup.ad a WHERE a.owner_id = p_from AND a.state <> 'closed' FOR UPDATE;
    INSERT INTO recup.ad_handover (ad_id, from_agent_id, to_agent_id, actor_id)
    SELECT a.id, p_from, p_to, actor
      FROM recup.ad a
     WHERE a.owner_id = p_from AND a.state <> 'closed'
       AND NOT EXISTS (SELECT 1 FROM recup.pickup p
                        WHERE p.ad_id = a.id AND p.purpose = 'store'
                          AND p.status IN ('requested', 'planned', 'picked_up'));
    UPDATE recup.ad a
       SET owner_id = p_to,
           service_id = (SELECT g.service_id FROM recup.agent g WHERE g.id = p_to),
           version = a.version + 1
     WHERE a.owner_id = p_from
       AND a.id IN (SELECT h.ad_id FROM recup.ad_handover h
                     WHERE h.from_agent_id = p_from AND h.to_agent_id = p_to
                       AND h.at = now());
    GET DIAGNOSTICS handed = ROW_COUNT;
    RETURN handed;
END
$$;
ALTER FUNCTION recup.hand_over_ads(bigint, bigint) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.hand_over_ads(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.hand_over_ads(bigint, bigint) TO recup_moderator, recup_admin;

-- The changes of an ad's owner, service or store, checked by ad_guard: a store's delivery
-- (015) or a hand-over, each written in this very transaction. Returns the history step.
CREATE FUNCTION recup.ad_owner_change(o recup.ad, n recup.ad) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    same recup.ad;
BEGIN
    IF n.id IS DISTINCT FROM o.id OR n.created_at IS DISTINCT FROM o.created_at THEN
        RAISE EXCEPTION 'the owner of an ad cannot change' USING ERRCODE = '42501';
    END IF;
    IF n.store_site_id IS DISTINCT FROM o.store_site_id
       AND EXISTS (
           SELECT 1 FROM recup.pickup p JOIN recup.site s ON s.id = p.to_site_id
            WHERE p.ad_id = o.id AND p.purpose = 'store' AND p.status = 'delivered'
              AND p.updated_at = now() AND s.id = n.store_site_id
              AND s.store_keeper_id = n.owner_id
              AND s.store_service_id = n.service_id) THEN
        RETURN 'store';
    END IF;
    -- A hand-over moves the owner and the service, nothing else, of an open ad, by its latest
    -- ad_handover row written in this transaction (never one row twice).
    same := n;
    same.owner_id := o.owner_id;
    same.service_id := o.service_id;
    same.version := o.version;
    same.updated_at := o.updated_at;
    same.search := o.search; -- generated after this trigger: not to be read in NEW
    IF o.state <> 'closed' AND same IS NOT DISTINCT FROM o
       AND EXISTS (
           SELECT 1 FROM recup.ad_handover h JOIN recup.agent g ON g.id = h.to_agent_id
            WHERE h.ad_id = o.id AND h.at = now() AND h.from_agent_id = o.owner_id
              AND h.to_agent_id = n.owner_id AND g.service_id = n.service_id
              AND NOT EXISTS (SELECT 1 FROM recup.ad_handover later
                               WHERE later.ad_id = o.id AND later.id > h.id)) THEN
        RETURN 'handover';
    END IF;
    RAISE EXCEPTION 'the owner of an ad cannot change' USING ERRCODE = '42501';
END
$$;
ALTER FUNCTION recup.ad_owner_change(recup.ad, recup.ad) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.ad_owner_change(recup.ad, recup.ad) FROM PUBLIC;

-- ad_guard as in 015, but for the change of owner, now asked of ad_owner_change().
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

