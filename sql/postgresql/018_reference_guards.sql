-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 018 the database refuses what only the windows refused (issue #12, after a hostile review).
-- * Nothing new goes to a deactivated category, site or service: a new ad, an ad moved to
--   another category, site or service, an exchange to a service, a transport to or from a site.
--   What already points at a since-deactivated row keeps it: the guard looks only at a value
--   that is new (an insert, or a column whose value changes).
-- * An organisation is deactivated only once none of its services and sites is active.
-- * A hand-over takes the ads of a leaving agent: the agent who gives them must be inactive
--   (a moderator cannot take a colleague's ads while they still work), the one who takes them
--   active.
-- * An agent's login is a database role: never PostgreSQL's own names, the application's
--   groups nor a word PostgreSQL reserves; and a moderator cannot name, as an agent's login,
--   a database account that is not an agent's.

CREATE FUNCTION recup.ad_reference_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF (TG_OP = 'INSERT' OR NEW.category_id IS DISTINCT FROM OLD.category_id)
       AND NOT EXISTS (SELECT 1 FROM recup.category c WHERE c.id = NEW.category_id AND c.active)
    THEN
        RAISE EXCEPTION 'the category % is no longer active', NEW.category_id
            USING ERRCODE = 'check_violation', HINT = 'ad-inactive-category';
    END IF;
    IF (TG_OP = 'INSERT' OR NEW.site_id IS DISTINCT FROM OLD.site_id)
       AND NOT EXISTS (SELECT 1 FROM recup.site s WHERE s.id = NEW.site_id AND s.active) THEN
        RAISE EXCEPTION 'the site % is no longer active', NEW.site_id
            USING ERRCODE = 'check_violation', HINT = 'ad-inactive-site';
    END IF;
    IF (TG_OP = 'INSERT' OR NEW.service_id IS DISTINCT FROM OLD.service_id)
       AND NOT EXISTS (SELECT 1 FROM recup.service s WHERE s.id = NEW.service_id AND s.active)
    THEN
        RAISE EXCEPTION 'the service % is no longer active', NEW.service_id
            USING ERRCODE = 'check_violation', HINT = 'ad-inactive-service';
    END IF;
    IF NEW.receiving_service_id IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.receiving_service_id IS DISTINCT FROM OLD.receiving_service_id)
       AND NOT EXISTS (SELECT 1 FROM recup.service s
                        WHERE s.id = NEW.receiving_service_id AND s.active) THEN
        RAISE EXCEPTION 'the receiving service % is no longer active', NEW.receiving_service_id
            USING ERRCODE = 'check_violation', HINT = 'ad-inactive-receiving-service';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.ad_reference_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.ad_reference_guard() FROM PUBLIC;
-- Named after ad_guard, so that it fires after it and sees the service ad_guard sets.
CREATE TRIGGER ad_reference_guard BEFORE INSERT OR UPDATE ON recup.ad
    FOR EACH ROW EXECUTE FUNCTION recup.ad_reference_guard();

CREATE FUNCTION recup.pickup_site_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF (TG_OP = 'INSERT' OR NEW.from_site_id IS DISTINCT FROM OLD.from_site_id
        OR NEW.to_site_id IS DISTINCT FROM OLD.to_site_id)
       AND EXISTS (SELECT 1 FROM recup.site s
                    WHERE s.id IN (NEW.from_site_id, NEW.to_site_id) AND NOT s.active) THEN
        RAISE EXCEPTION 'a site of this transport is no longer active'
            USING ERRCODE = 'check_violation', HINT = 'pickup-inactive-site';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.pickup_site_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.pickup_site_guard() FROM PUBLIC;
CREATE TRIGGER pickup_site_guard BEFORE INSERT OR UPDATE ON recup.pickup
    FOR EACH ROW EXECUTE FUNCTION recup.pickup_site_guard();

CREATE FUNCTION recup.organisation_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF OLD.active AND NOT NEW.active
       AND (EXISTS (SELECT 1 FROM recup.service s WHERE s.organisation_id = OLD.id AND s.active)
            OR EXISTS (SELECT 1 FROM recup.site s WHERE s.organisation_id = OLD.id AND s.active))
    THEN
        RAISE EXCEPTION 'the organisation still has active services or sites'
            USING ERRCODE = 'check_violation', HINT = 'organisation-still-active';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.organisation_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.organisation_guard() FROM PUBLIC;
CREATE TRIGGER organisation_guard BEFORE UPDATE ON recup.organisation
    FOR EACH ROW EXECUTE FUNCTION recup.organisation_guard();

-- As in 016, but only for a leaving (inactive) agent's ads.
CREATE OR REPLACE FUNCTION recup.hand_over_ads(p_from bigint, p_to bigint) RETURNS integer
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
    IF EXISTS (SELECT 1 FROM recup.agent g WHERE g.id = p_from AND g.active) THEN
        RAISE EXCEPTION 'only a leaving agent''s ads are handed over: deactivate them first'
            USING ERRCODE = 'check_violation', HINT = 'handover-active-agent';
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

-- PostgreSQL's names (postgres, pg_*, the words it reserves for roles) and the application's
-- groups (recup_*) are nobody's login, whoever writes the row. A moderator's row cannot name a
-- database account that exists and is not an agent's (one with powers, or outside
-- recup_agent): the administrators' tools would then grant it groups.
CREATE FUNCTION recup.agent_login_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.login IS NOT DISTINCT FROM OLD.login THEN
        RETURN NEW;
    END IF;
    IF NEW.login IN ('postgres', 'public', 'none', 'current_user', 'session_user',
                     'current_role')
       OR starts_with(NEW.login, 'pg_') OR starts_with(NEW.login, 'recup_') THEN
        RAISE EXCEPTION 'the login % is reserved', NEW.login
            USING ERRCODE = 'check_violation', HINT = 'agent-login-reserved';
    END IF;
    IF NOT recup.is_privileged() AND EXISTS (
           SELECT 1 FROM pg_roles r
            WHERE r.rolname = NEW.login
              AND (r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication
                   OR r.rolbypassrls OR NOT pg_has_role(r.oid, 'recup_agent', 'MEMBER'))) THEN
        RAISE EXCEPTION 'the login % is a database account that is not an agent''s', NEW.login
            USING ERRCODE = 'check_violation', HINT = 'agent-login-foreign';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.agent_login_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.agent_login_guard() FROM PUBLIC;
CREATE TRIGGER agent_login_guard BEFORE INSERT OR UPDATE ON recup.agent
    FOR EACH ROW EXECUTE FUNCTION recup.agent_login_guard();
