-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 019 what the hostile review of #12 still found around a leaving agent (issue #13's session):
-- * A moderator deactivated an agent at work, handed their ads over and reactivated them, all
--   in one transaction: the agent had never left. An agent whose ads were handed over in this
--   transaction is not reactivated in it; later, in a transaction of its own, they may be (the
--   history keeps both steps).
-- * A moderator does not hand a leaving agent's ads over to themselves (an administrator may):
--   the ads would become theirs to close as they please, figures included.
-- * A moderator's agent row cannot name an existing database account that belongs to any group
--   but recup_agent (a moderator, logistics or administrator group, recup_owner, pg_*), nor the
--   database's owner: the person the row names would act with powers
--   the moderator chose. Only an administrator ties such a login to an agent.
-- * A leaver whose ads were handed over since they left comes back by an administrator only:
--   otherwise a moderator deactivated a colleague, handed the ads to an accomplice and
--   reactivated them a transaction later (hostile review of 019). The server stamps left_at.
-- * A moderator edits neither another moderator's nor an administrator's row (their mail, their
--   service): only an administrator does.
-- * Nothing active goes under a deactivated organisation: a service or a site (the rest of 018's
--   rule for ads).

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
    -- The giver's row is locked: a reactivation waits for this transaction, then sees it.
    PERFORM 1 FROM recup.agent g WHERE g.id = p_from FOR UPDATE;
    IF NOT FOUND THEN
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

-- When an agent left, stamped by the server (never by a client); '-infinity' for those who had
-- left before this step, so that any earlier hand-over counts.
ALTER TABLE recup.agent ADD COLUMN left_at timestamptz;
UPDATE recup.agent SET left_at = '-infinity' WHERE NOT active;

-- now() is the transaction's start: a hand-over row stamped now() was written in this one.
CREATE FUNCTION recup.agent_return_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.left_at := CASE WHEN NEW.active THEN NULL ELSE now() END;
        RETURN NEW;
    END IF;
    IF NEW.active AND NOT OLD.active
       AND EXISTS (SELECT 1 FROM recup.ad_handover h
                    WHERE h.from_agent_id = NEW.id
                      AND (h.at = now()
                           OR (h.at >= OLD.left_at AND NOT recup.is_privileged()))) THEN
        RAISE EXCEPTION 'an agent whose ads were handed over comes back by an administrator, '
                        'in another transaction'
            USING ERRCODE = 'check_violation', HINT = 'agent-back-with-handover';
    END IF;
    NEW.left_at := CASE WHEN NEW.active THEN NULL
                        WHEN OLD.active THEN now()
                        ELSE OLD.left_at END;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.agent_return_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.agent_return_guard() FROM PUBLIC;
CREATE TRIGGER agent_return_guard BEFORE INSERT OR UPDATE ON recup.agent
    FOR EACH ROW EXECUTE FUNCTION recup.agent_return_guard();

-- As in 016, and a moderator leaves the other moderators' and the administrators' rows alone.
CREATE OR REPLACE FUNCTION recup.agent_guard() RETURNS trigger
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
    IF OLD.id <> recup.current_agent_id() AND (OLD.is_moderator OR OLD.is_admin) THEN
        RAISE EXCEPTION 'only administrators change a moderator''s or an administrator''s row'
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;

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
                   -- any group but recup_agent: the application's others, recup_owner,
                   -- PostgreSQL's pg_* roles, a group of the site's own
                   OR EXISTS (SELECT 1 FROM pg_auth_members m
                               WHERE m.member = r.oid
                                 AND m.roleid <> 'recup_agent'::regrole)
                   OR r.oid = (SELECT d.datdba FROM pg_database d
                                WHERE d.datname = current_database()))) THEN
        RAISE EXCEPTION 'the login % is a database account that is not an agent''s', NEW.login
            USING ERRCODE = 'check_violation', HINT = 'agent-login-foreign';
    END IF;
    RETURN NEW;
END
$$;

-- Nothing active goes under a deactivated parent, as 018 does for ads: a service or a site
-- under an organisation that is no longer active, whether new, moved or reactivated. (An agent
-- may stay in a closed service, as directory exports have them: 018 already keeps their new
-- ads out of it.) The organisation's row is locked in share mode, so that its deactivation
-- (organisation_guard counts what is still active under it) waits for this transaction and
-- sees its row.
CREATE FUNCTION recup.reference_parent_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF NEW.active AND (TG_OP = 'INSERT' OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
                       OR NOT OLD.active) THEN
        PERFORM 1 FROM recup.organisation o WHERE o.id = NEW.organisation_id AND o.active
            FOR SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'the organisation % is no longer active', NEW.organisation_id
                USING ERRCODE = 'check_violation', HINT = TG_TABLE_NAME || '-inactive-organisation';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.reference_parent_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.reference_parent_guard() FROM PUBLIC;
CREATE TRIGGER service_parent_guard BEFORE INSERT OR UPDATE OF organisation_id, active
    ON recup.service FOR EACH ROW EXECUTE FUNCTION recup.reference_parent_guard();
CREATE TRIGGER site_parent_guard BEFORE INSERT OR UPDATE OF organisation_id, active
    ON recup.site FOR EACH ROW EXECUTE FUNCTION recup.reference_parent_guard();
