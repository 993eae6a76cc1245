-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 019 what the hostile review of #12 still found around a leaving agent (issue #13's session):
-- * A moderator deactivated an agent at work, handed their ads over and reactivated them, all
--   in one transaction: the agent had never left. An agent whose ads were handed over in this
--   transaction is not reactivated in it; later, in a transaction of its own, they may be (the
--   history keeps both steps).
-- * A moderator does not hand a leaving agent's ads over to themselves (an administrator may):
--   the ads would become theirs to close as they please, figures included.
-- * A moderator's agent row cannot name an existing database account that already belongs to a
--   moderator, logistics or administrator group: the person the row names would act with powers
--   the moderator chose. Only an administrator ties such a login to an agent.

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
    IF p_to = actor AND NOT recup.is_privileged() THEN
        RAISE EXCEPTION 'a moderator does not hand ads over to themselves'
            USING ERRCODE = 'check_violation', HINT = 'handover-to-self';
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

-- now() is the transaction's start: a hand-over row stamped now() was written in this one.
CREATE FUNCTION recup.agent_return_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF NEW.active AND NOT OLD.active
       AND EXISTS (SELECT 1 FROM recup.ad_handover h
                    WHERE h.from_agent_id = NEW.id AND h.at = now()) THEN
        RAISE EXCEPTION 'an agent whose ads were just handed over comes back in another transaction'
            USING ERRCODE = 'check_violation', HINT = 'agent-back-with-handover';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.agent_return_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.agent_return_guard() FROM PUBLIC;
CREATE TRIGGER agent_return_guard BEFORE UPDATE OF active ON recup.agent
    FOR EACH ROW EXECUTE FUNCTION recup.agent_return_guard();

CREATE OR REPLACE FUNCTION recup.agent_login_guard() RETURNS trigger
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
                   OR r.rolbypassrls OR NOT pg_has_role(r.oid, 'recup_agent', 'MEMBER')
                   OR pg_has_role(r.oid, 'recup_moderator', 'MEMBER')
                   OR pg_has_role(r.oid, 'recup_logistics', 'MEMBER')
                   OR pg_has_role(r.oid, 'recup_admin', 'MEMBER'))) THEN
        RAISE EXCEPTION 'the login % is a database account that is not an agent''s', NEW.login
            USING ERRCODE = 'check_violation', HINT = 'agent-login-foreign';
    END IF;
    RETURN NEW;
END
$$;
