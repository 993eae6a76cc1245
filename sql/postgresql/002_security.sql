-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 002 security: the database is the wall. Every person logs in with a role of their own
-- (agent.login = role name), member of the groups below; row-level security is enabled and
-- forced on every table; the ad lifecycle is checked here against lifecycle_transition.
-- Released: never edit; add a new step instead (see sql/README.md).

-- Group roles are cluster-wide: create them only once.
DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['recup_owner', 'recup_agent', 'recup_moderator',
                                'recup_logistics', 'recup_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        END IF;
    END LOOP;
END
$$;

-- Nothing for PUBLIC: only the groups reach the schema, through the grants below.
REVOKE ALL ON SCHEMA recup FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA recup FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA recup FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO recup_agent, recup_moderator, '
                   'recup_logistics, recup_admin', current_database());
END
$$;
GRANT USAGE ON SCHEMA recup TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- Who is asking. session_user is the person's login role: SET ROLE cannot change it, and a
-- person can only SET ROLE to groups they belong to anyway.
CREATE FUNCTION recup.current_agent_id() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$ SELECT id FROM recup.agent WHERE login = session_user AND active $$;

CREATE FUNCTION recup.in_group(grp text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$ SELECT pg_has_role(session_user, grp, 'MEMBER') $$;

CREATE FUNCTION recup.is_moderator() RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT recup.in_group('recup_moderator') $$;

-- Administrators' sessions (the admin tool, demo seeding) may act for an agent they name.
CREATE FUNCTION recup.is_privileged() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$ SELECT recup.in_group('recup_admin')
              OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) $$;

-- € values: the column is not readable by agents; owners and moderators read it here.
CREATE FUNCTION recup.ad_value_cents(ad_id bigint) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$ SELECT a.value_cents FROM recup.ad a
          WHERE a.id = ad_id
            AND (a.owner_id = recup.current_agent_id() OR recup.is_moderator()
                 OR recup.is_privileged()) $$;

-- The lifecycle, checked on every write of an ad, whoever writes it and however.
CREATE FUNCTION recup.ad_guard() RETURNS trigger
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
                 OR NEW.category_id IS DISTINCT FROM OLD.category_id;
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

CREATE TRIGGER ad_guard BEFORE INSERT OR UPDATE ON recup.ad
    FOR EACH ROW EXECUTE FUNCTION recup.ad_guard();

-- The first history row of every ad.
CREATE FUNCTION recup.ad_created() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$
BEGIN
    INSERT INTO recup.ad_history (ad_id, actor_id, at, action, from_state, to_state, reason)
    VALUES (NEW.id, NEW.owner_id, NEW.created_at, 'create', NULL, NEW.state, '');
    RETURN NULL;
END
$$;

CREATE TRIGGER ad_created AFTER INSERT ON recup.ad
    FOR EACH ROW EXECUTE FUNCTION recup.ad_created();

-- Photos follow their ad: owners change them while the ad is theirs to edit.
CREATE FUNCTION recup.may_edit_ad(ad_id bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = recup, pg_temp
    AS $$ SELECT EXISTS (SELECT 1 FROM recup.ad a WHERE a.id = ad_id AND a.state <> 'closed'
                         AND (a.owner_id = recup.current_agent_id() OR recup.is_moderator()
                              OR recup.is_privileged())) $$;

-- Ownership: everything belongs to a role nobody logs in as.
ALTER SCHEMA recup OWNER TO recup_owner;
ALTER TABLE recup.schema_version OWNER TO recup_owner;
ALTER TABLE recup.organisation OWNER TO recup_owner;
ALTER TABLE recup.service OWNER TO recup_owner;
ALTER TABLE recup.site OWNER TO recup_owner;
ALTER TABLE recup.category OWNER TO recup_owner;
ALTER TABLE recup.agent OWNER TO recup_owner;
ALTER TABLE recup.lifecycle_transition OWNER TO recup_owner;
ALTER TABLE recup.ad OWNER TO recup_owner;
ALTER TABLE recup.ad_photo OWNER TO recup_owner;
ALTER TABLE recup.ad_history OWNER TO recup_owner;
ALTER TEXT SEARCH CONFIGURATION recup.fr OWNER TO recup_owner;
ALTER FUNCTION recup.current_agent_id() OWNER TO recup_owner;
ALTER FUNCTION recup.in_group(text) OWNER TO recup_owner;
ALTER FUNCTION recup.is_moderator() OWNER TO recup_owner;
ALTER FUNCTION recup.is_privileged() OWNER TO recup_owner;
ALTER FUNCTION recup.ad_value_cents(bigint) OWNER TO recup_owner;
ALTER FUNCTION recup.ad_guard() OWNER TO recup_owner;
ALTER FUNCTION recup.ad_created() OWNER TO recup_owner;
ALTER FUNCTION recup.may_edit_ad(bigint) OWNER TO recup_owner;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA recup FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.current_agent_id(), recup.in_group(text), recup.is_moderator(),
    recup.is_privileged(), recup.ad_value_cents(bigint), recup.may_edit_ad(bigint)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- Row-level security on every table, forced so that not even the owner role escapes it.
ALTER TABLE recup.schema_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.schema_version FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.organisation ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.organisation FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.service ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.service FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.site ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.site FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.category ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.category FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.agent ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.agent FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.lifecycle_transition ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.lifecycle_transition FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.ad ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.ad FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.ad_photo ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.ad_photo FORCE ROW LEVEL SECURITY;
ALTER TABLE recup.ad_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.ad_history FORCE ROW LEVEL SECURITY;

-- The owner role runs the SECURITY DEFINER functions above: it sees everything.
CREATE POLICY owner_all ON recup.schema_version TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.organisation TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.service TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.site TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.category TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.agent TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.lifecycle_transition TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.ad TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.ad_photo TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY owner_all ON recup.ad_history TO recup_owner USING (true) WITH CHECK (true);

-- Reference data: everyone reads; moderators and administrators keep it.
CREATE POLICY read_all ON recup.schema_version FOR SELECT
    TO recup_agent, recup_moderator, recup_logistics, recup_admin USING (true);
CREATE POLICY read_all ON recup.lifecycle_transition FOR SELECT
    TO recup_agent, recup_moderator, recup_logistics, recup_admin USING (true);
GRANT SELECT ON recup.schema_version, recup.lifecycle_transition
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;
GRANT ALL ON recup.schema_version TO recup_admin;
CREATE POLICY admin_write ON recup.schema_version TO recup_admin USING (true) WITH CHECK (true);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organisation', 'service', 'site', 'category', 'agent'] LOOP
        EXECUTE format('CREATE POLICY read_all ON recup.%I FOR SELECT TO recup_agent, '
                       'recup_moderator, recup_logistics, recup_admin USING (true)', t);
        EXECUTE format('CREATE POLICY keep ON recup.%I TO recup_moderator, recup_admin '
                       'USING (true) WITH CHECK (true)', t);
        EXECUTE format('GRANT SELECT ON recup.%I TO recup_agent, recup_moderator, '
                       'recup_logistics, recup_admin', t);
        EXECUTE format('GRANT INSERT, UPDATE ON recup.%I TO recup_moderator, recup_admin', t);
    END LOOP;
END
$$;

-- Ads. Agents see published and reserved ads and all of their own; moderators see all.
CREATE POLICY agent_read ON recup.ad FOR SELECT TO recup_agent, recup_logistics
    USING (state IN ('published', 'reserved') OR owner_id = (SELECT recup.current_agent_id()));
CREATE POLICY moderator_read ON recup.ad FOR SELECT TO recup_moderator, recup_admin
    USING (true);
CREATE POLICY agent_post ON recup.ad FOR INSERT TO recup_agent
    WITH CHECK (owner_id = (SELECT recup.current_agent_id()));
CREATE POLICY admin_post ON recup.ad FOR INSERT TO recup_admin WITH CHECK (true);
CREATE POLICY agent_edit ON recup.ad FOR UPDATE TO recup_agent
    USING (owner_id = (SELECT recup.current_agent_id()))
    WITH CHECK (owner_id = (SELECT recup.current_agent_id()));
CREATE POLICY moderator_edit ON recup.ad FOR UPDATE TO recup_moderator, recup_admin
    USING (true) WITH CHECK (true);

-- Every column but the € value for agents; the value through ad_value_cents().
GRANT SELECT (id, title, description, category_id, quantity, weight_grams, site_id, room,
              owner_id, service_id, attested, state, close_reason, close_note,
              receiving_service_id, created_at, updated_at, published_at, closed_at, expires_at,
              version, search)
    ON recup.ad TO recup_agent, recup_logistics;
GRANT SELECT ON recup.ad TO recup_moderator, recup_admin;
GRANT INSERT (title, description, category_id, quantity, value_cents, weight_grams, site_id,
              room, owner_id, service_id, attested, state, created_at, updated_at)
    ON recup.ad TO recup_agent, recup_admin;
GRANT UPDATE (title, description, category_id, quantity, value_cents, weight_grams, site_id,
              room, state, close_reason, close_note, receiving_service_id, updated_at,
              published_at, closed_at, expires_at, version)
    ON recup.ad TO recup_agent, recup_moderator, recup_admin;

-- Photos: visible with their ad; changed by whoever may edit the ad.
CREATE POLICY read_with_ad ON recup.ad_photo FOR SELECT
    TO recup_agent, recup_moderator, recup_logistics, recup_admin
    USING (EXISTS (SELECT 1 FROM recup.ad a WHERE a.id = ad_id));
CREATE POLICY add_photo ON recup.ad_photo FOR INSERT
    TO recup_agent, recup_moderator, recup_admin WITH CHECK (recup.may_edit_ad(ad_id));
CREATE POLICY remove_photo ON recup.ad_photo FOR DELETE
    TO recup_agent, recup_moderator, recup_admin USING (recup.may_edit_ad(ad_id));
GRANT SELECT ON recup.ad_photo TO recup_agent, recup_moderator, recup_logistics, recup_admin;
GRANT INSERT (ad_id, position, jpeg, thumbnail), DELETE ON recup.ad_photo
    TO recup_agent, recup_moderator, recup_admin;

-- History: append-only, written by the triggers only. Owners read their ads' history.
CREATE POLICY owner_read ON recup.ad_history FOR SELECT TO recup_agent
    USING (EXISTS (SELECT 1 FROM recup.ad a WHERE a.id = ad_id
                   AND a.owner_id = (SELECT recup.current_agent_id())));
CREATE POLICY moderator_read ON recup.ad_history FOR SELECT TO recup_moderator, recup_admin
    USING (true);
GRANT SELECT ON recup.ad_history TO recup_agent, recup_moderator, recup_admin;
