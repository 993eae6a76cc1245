-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 028 personal data (issue #14, part 5; docs/donnees-personnelles.md). Names, emails, phones
-- and contact messages of the staff are kept no longer than their purpose needs:
-- - retention_policy: how many months contact messages and the personal parts of mails are
--   kept, set by the administrators (collectiv-recup-admin retention --months N). 1 to 120:
--   0 would erase a message before its poster read it; beyond ten years no purpose of the
--   platform (an exchange, the yearly AGEC declaration, an audit) still needs who wrote what.
-- - recup.anonymise_personal_data(): the relay's hourly round (core/actions/RetentionRound),
--   in batches: a contact message older than the retention becomes a fixed French sentence; a
--   sent or refused mail keeps its kind, action, author id, dates, state and Message-ID (the
--   audit) and loses its recipients, its bytes, its last error and its refusal (addresses,
--   names, text).
-- - recup.anonymise_agent(): an administrator anonymises a deactivated agent whose database
--   account is gone and who owns no open ad: name, login, email and phone replaced, their
--   messages and their own mails anonymised; the rows keep their id, so history and figures
--   stay true; agent.anonymised_at is set and the row is kept as it is from then on.
-- Both functions are the only writers: clients still have no UPDATE on contact_request, no
-- UPDATE of recipients, rfc5322 or anonymised_at on outbox, and may not write
-- agent.anonymised_at; an anonymised mail is never queued again (outbox_anonymised_guard).
-- Redefined here (from their latest definitions): recup.agent_login_guard() (019: 'anonyme-'
-- logins reserved) and recup.outbox_guard() (007: the anonymisation may fail a queued mail and
-- empty a refusal).

CREATE TABLE recup.retention_policy (
    id     integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    months integer NOT NULL DEFAULT 24 CHECK (months BETWEEN 1 AND 120)
);
INSERT INTO recup.retention_policy (id) VALUES (1);
ALTER TABLE recup.retention_policy OWNER TO recup_owner;
REVOKE ALL ON recup.retention_policy FROM PUBLIC;
ALTER TABLE recup.retention_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.retention_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON recup.retention_policy TO recup_owner USING (true) WITH CHECK (true);
-- Everyone may know how long their messages are kept (the register says it too).
CREATE POLICY read_all ON recup.retention_policy FOR SELECT
    TO recup_agent, recup_moderator, recup_logistics, recup_admin USING (true);
CREATE POLICY admin_write ON recup.retention_policy FOR UPDATE TO recup_admin
    USING (true) WITH CHECK (true);
GRANT SELECT ON recup.retention_policy
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;
GRANT UPDATE (months) ON recup.retention_policy TO recup_admin;

-- When a row lost its personal parts (NULL: not yet). Set by the functions below only.
ALTER TABLE recup.contact_request ADD COLUMN anonymised_at timestamptz;
ALTER TABLE recup.outbox ADD COLUMN anonymised_at timestamptz;
-- What the round still has to look at, oldest first: a round over anonymised years reads
-- nothing but the few rows still due.
CREATE INDEX contact_request_to_anonymise ON recup.contact_request (created_at, id)
    WHERE anonymised_at IS NULL;
CREATE INDEX outbox_to_anonymise ON recup.outbox (created_at, id)
    WHERE anonymised_at IS NULL AND state IN ('sent', 'failed');

-- An anonymised mail stays as it is: never queued, retried or changed again.
CREATE FUNCTION recup.outbox_anonymised_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF OLD.anonymised_at IS NOT NULL THEN
        RAISE EXCEPTION 'an anonymised mail stays as it is' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.outbox_anonymised_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.outbox_anonymised_guard() FROM PUBLIC;
CREATE TRIGGER outbox_anonymised_guard BEFORE UPDATE ON recup.outbox
    FOR EACH ROW EXECUTE FUNCTION recup.outbox_anonymised_guard();

-- What is left of a mail once anonymised: still a message a reader can open.
CREATE FUNCTION recup.anonymised_mail(p_why text) RETURNS bytea
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT convert_to('Subject: [contenu effacé]' || E'\r\n'
                      || 'Content-Type: text/plain; charset=UTF-8' || E'\r\n'
                      || 'Content-Transfer-Encoding: 8bit' || E'\r\n' || E'\r\n'
                      || p_why || E'\r\n', 'UTF8')
$$;
ALTER FUNCTION recup.anonymised_mail(text) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.anonymised_mail(text) FROM PUBLIC;

-- The retention round: at most p_batch contact messages and p_batch mails older than the
-- retention, oldest first, rows another round holds skipped; returns how many of each.
-- Call it again until both are below p_batch (each call its own transaction).
CREATE FUNCTION recup.anonymise_personal_data(p_batch integer, OUT messages integer,
                                              OUT mails integer)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    kept integer;
    cutoff timestamptz;
    why text;
BEGIN
    IF NOT recup.in_group('recup_admin') THEN
        RAISE EXCEPTION 'only administrators anonymise personal data' USING ERRCODE = '42501';
    END IF;
    IF p_batch IS NULL OR p_batch NOT BETWEEN 1 AND 100000 THEN
        RAISE EXCEPTION 'a batch is 1 to 100000 rows' USING ERRCODE = '22023';
    END IF;
    SELECT p.months INTO kept FROM recup.retention_policy p;
    cutoff := now() - make_interval(months => kept);
    why := format('[message effacé après %s mois de conservation]', kept);
    WITH due AS (
        SELECT c.id FROM recup.contact_request c
         WHERE c.anonymised_at IS NULL AND c.created_at < cutoff
         ORDER BY c.created_at, c.id LIMIT p_batch FOR UPDATE SKIP LOCKED)
    UPDATE recup.contact_request c SET message = why, anonymised_at = now()
      FROM due WHERE c.id = due.id;
    GET DIAGNOSTICS messages = ROW_COUNT;
    WITH due AS (
        SELECT o.id FROM recup.outbox o
         WHERE o.anonymised_at IS NULL AND o.state IN ('sent', 'failed') AND o.created_at < cutoff
         ORDER BY o.created_at, o.id LIMIT p_batch FOR UPDATE SKIP LOCKED)
    UPDATE recup.outbox o
       SET recipients = '[destinataires effacés]', rfc5322 = recup.anonymised_mail(why),
           last_error = CASE WHEN o.last_error = '' THEN '' ELSE '[effacé]' END,
           refusal = CASE WHEN o.refusal = '' THEN '' ELSE '[effacé]' END,
           anonymised_at = now()
      FROM due WHERE o.id = due.id;
    GET DIAGNOSTICS mails = ROW_COUNT;
END
$$;
ALTER FUNCTION recup.anonymise_personal_data(integer) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.anonymise_personal_data(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.anonymise_personal_data(integer) TO recup_admin;

-- When an agent was anonymised (NULL: never). Written by recup.anonymise_agent() only: the
-- row is then kept as it is (agent_anonymised_guard), not even reactivated.
ALTER TABLE recup.agent ADD COLUMN anonymised_at timestamptz;

-- Not SECURITY DEFINER on purpose: current_user is then the writer's own role, and only
-- recup.anonymise_agent() (owned by recup_owner) runs as recup_owner.
CREATE FUNCTION recup.agent_anonymised_guard() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.anonymised_at IS NOT NULL
       AND NEW IS DISTINCT FROM OLD THEN
        RAISE EXCEPTION 'an anonymised agent stays as they are'
            USING ERRCODE = '42501', HINT = 'agent-anonymised';
    END IF;
    IF NEW.anonymised_at IS DISTINCT FROM (CASE WHEN TG_OP = 'UPDATE' THEN OLD.anonymised_at END)
       AND current_user <> 'recup_owner' THEN
        RAISE EXCEPTION 'only recup.anonymise_agent() anonymises an agent'
            USING ERRCODE = '42501', HINT = 'agent-anonymised';
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.agent_anonymised_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.agent_anonymised_guard() FROM PUBLIC;
CREATE TRIGGER agent_anonymised_guard BEFORE INSERT OR UPDATE ON recup.agent
    FOR EACH ROW EXECUTE FUNCTION recup.agent_anonymised_guard();

-- As in 019, and 'anonyme-…' is the anonymised agents' own: never a new row's, only
-- 'anonyme-' || id on a change (a row squatting 'anonyme-9' would block agent 9's erasure).
CREATE OR REPLACE FUNCTION recup.agent_login_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.login IS NOT DISTINCT FROM OLD.login THEN
        RETURN NEW;
    END IF;
    IF NEW.login IN ('postgres', 'public', 'none', 'current_user', 'session_user',
                     'current_role')
       OR starts_with(NEW.login, 'pg_') OR starts_with(NEW.login, 'recup_')
       OR (starts_with(NEW.login, 'anonyme-')
           AND (TG_OP = 'INSERT' OR NEW.login IS DISTINCT FROM 'anonyme-' || NEW.id))
    THEN
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

-- As in 007, and the anonymisation (recup.anonymise_agent(), recup.anonymise_personal_data(),
-- the only writers of outbox.anonymised_at: no client has UPDATE on it) may fail a queued or
-- claimed mail and empty a refusal, which names people too.
CREATE OR REPLACE FUNCTION recup.outbox_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    verdict text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- In one's own name first: the verdict below must tell nobody about others' actions.
        IF NOT recup.is_privileged()
           AND NEW.author_id IS DISTINCT FROM recup.current_agent_id() THEN
            RAISE EXCEPTION 'a mail is written in its author''s own name' USING ERRCODE = '42501';
        END IF;
        IF NEW.state <> 'queued' OR NEW.attempts <> 0 OR NEW.sent_at IS NOT NULL
           OR NEW.claimed_by IS NOT NULL OR NEW.claimed_until IS NOT NULL OR NEW.refusal <> ''
           OR NEW.anonymised_at IS NOT NULL
        THEN
            RAISE EXCEPTION 'a mail enters the outbox queued, never tried' USING ERRCODE = '42501';
        END IF;
        -- The system's reminders are found by their Message-ID: nobody else takes one.
        IF NEW.author_id IS NOT NULL AND NEW.message_id LIKE '<expiry-%' THEN
            RAISE EXCEPTION 'this Message-ID is the system''s' USING ERRCODE = '42501';
        END IF;
        NEW.created_at := now();
        NEW.next_attempt_at := now();
        verdict := recup.outbox_verdict(NEW.kind, NEW.action_id, NEW.author_id, NEW.recipients,
                                        NEW.envelope_from);
        IF verdict <> '' THEN
            RAISE EXCEPTION 'this mail does not follow from an action of its author (%)', verdict
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL THEN
        IF NEW.state NOT IN ('sent', 'failed') THEN
            RAISE EXCEPTION 'an anonymised mail is sent or failed' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.state = 'sent' AND NEW.state <> 'sent' THEN
        RAISE EXCEPTION 'a sent mail stays sent' USING ERRCODE = '42501';
    END IF;
    IF OLD.refusal <> '' AND (NEW.refusal <> OLD.refusal OR NEW.state <> OLD.state) THEN
        RAISE EXCEPTION 'a refused mail stays refused' USING ERRCODE = '42501';
    END IF;
    IF NEW.refusal <> '' AND NEW.state <> 'failed' THEN
        RAISE EXCEPTION 'a refused mail is failed' USING ERRCODE = '42501';
    END IF;
    IF (NEW.state = 'sent' AND OLD.state <> 'sent' OR NEW.refusal <> OLD.refusal)
       AND OLD.state <> 'sending' THEN
        RAISE EXCEPTION 'only a mail its sender claimed is marked sent or refused'
            USING ERRCODE = '42501';
    END IF;
    IF OLD.state = 'failed' AND NEW.state <> 'failed'
       AND NOT (recup.is_moderator() OR recup.is_privileged()) THEN
        RAISE EXCEPTION 'only moderators queue a failed mail again' USING ERRCODE = '42501';
    END IF;
    IF NEW.attempts < OLD.attempts THEN
        RAISE EXCEPTION 'the attempts of a mail only grow' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;

-- One address a line, compared as outbox_verdict does (lower, blanks trimmed).
CREATE FUNCTION recup.mail_addresses(p_recipients text) RETURNS text[]
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(array_agg(lower(btrim(r, E' \t\r'))) FILTER (WHERE btrim(r, E' \t\r') <> ''),
                    '{}')
      FROM unnest(string_to_array(p_recipients, E'\n')) AS r
$$;
ALTER FUNCTION recup.mail_addresses(text) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.mail_addresses(text) FROM PUBLIC;

-- An administrator anonymises a deactivated agent: « Agent anonymisé n° ID », a login and an
-- address that name nobody (the .invalid domain never delivers), no phone; the contact
-- messages they wrote are erased, and so are the mails they wrote or that were addressed to
-- them alone, whatever their state (one still queued or claimed is failed, « agent
-- anonymisé », never sent). A mail they received among other recipients is the others' too:
-- only their line leaves its recipients (they get no copy of a queued one), and the rest is
-- erased by the retention round like any mail. Refused (check_violation, HINT) while:
-- - anonymise-active-agent: the agent is active;
-- - anonymise-role-exists: a database account still has the old login (it would log in as
--   whoever takes that login next; IT drops it first: DROP ROLE);
-- - anonymise-open-ads: they still own pending, published or reserved ads (hand them over
--   first: « Confier ses annonces… »);
-- - anonymise-email-shared: another agent or the moderators' shared address has the same
--   address (their mails are not this agent's to erase).
-- Their ads, history, requests and figures keep pointing at the same id. Anonymising twice
-- does nothing. Returns the number of messages and mails anonymised.
CREATE FUNCTION recup.anonymise_agent(p_agent bigint, OUT messages integer, OUT mails integer)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    old_email text;
    old_login text;
    still_active boolean;
    done_at timestamptz;
    why constant text := '[message effacé : agent anonymisé]';
BEGIN
    messages := 0;
    mails := 0;
    IF NOT recup.in_group('recup_admin') THEN
        RAISE EXCEPTION 'only administrators anonymise an agent' USING ERRCODE = '42501';
    END IF;
    SELECT lower(btrim(a.email, E' \t\r\n')), a.login, a.active, a.anonymised_at
      INTO old_email, old_login, still_active, done_at
      FROM recup.agent a WHERE a.id = p_agent FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown agent %', p_agent
            USING ERRCODE = 'check_violation', HINT = 'anonymise-unknown-agent';
    END IF;
    IF done_at IS NOT NULL THEN
        RETURN;
    END IF;
    IF still_active THEN
        RAISE EXCEPTION 'an active agent is deactivated before being anonymised'
            USING ERRCODE = 'check_violation', HINT = 'anonymise-active-agent';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = old_login) THEN
        RAISE EXCEPTION 'the database account % still exists: drop it first', old_login
            USING ERRCODE = 'check_violation', HINT = 'anonymise-role-exists';
    END IF;
    IF EXISTS (SELECT 1 FROM recup.ad d WHERE d.owner_id = p_agent
                  AND d.state IN ('pending', 'published', 'reserved')) THEN
        RAISE EXCEPTION 'the agent still owns open ads: hand them over first'
            USING ERRCODE = 'check_violation', HINT = 'anonymise-open-ads';
    END IF;
    IF old_email <> '' AND (
           EXISTS (SELECT 1 FROM recup.agent a WHERE a.id <> p_agent
                      AND lower(btrim(a.email, E' \t\r\n')) = old_email)
           OR EXISTS (SELECT 1 FROM recup.mail_policy p
                       WHERE lower(btrim(p.moderators_address)) = old_email)) THEN
        RAISE EXCEPTION 'another agent or the moderators'' address is %', old_email
            USING ERRCODE = 'check_violation', HINT = 'anonymise-email-shared';
    END IF;
    UPDATE recup.agent
       SET display_name = 'Agent anonymisé n° ' || id, login = 'anonyme-' || id,
           email = 'anonyme-' || id || '@anonyme.invalid', phone = '', active = false,
           anonymised_at = now()
     WHERE id = p_agent;
    UPDATE recup.contact_request SET message = why, anonymised_at = now()
     WHERE requester_id = p_agent AND anonymised_at IS NULL;
    GET DIAGNOSTICS messages = ROW_COUNT;
    UPDATE recup.outbox o
       SET recipients = '[destinataires effacés]', rfc5322 = recup.anonymised_mail(why),
           last_error = CASE WHEN o.last_error = '' THEN '' ELSE '[effacé]' END,
           refusal = CASE WHEN o.state IN ('queued', 'sending') THEN 'agent anonymisé'
                          WHEN o.refusal = '' THEN '' ELSE '[effacé]' END,
           state = CASE WHEN o.state = 'sent' THEN 'sent' ELSE 'failed' END,
           claimed_by = NULL, claimed_until = NULL,
           anonymised_at = now()
     WHERE o.anonymised_at IS NULL
       AND (o.author_id = p_agent
            OR (old_email <> '' AND recup.mail_addresses(o.recipients) = ARRAY[old_email]));
    GET DIAGNOSTICS mails = ROW_COUNT;
    -- Among others: their line only.
    UPDATE recup.outbox o
       SET recipients = array_to_string(
               ARRAY(SELECT r FROM unnest(string_to_array(o.recipients, E'\n')) AS r
                      WHERE lower(btrim(r, E' \t\r')) <> old_email), E'\n')
     WHERE o.anonymised_at IS NULL AND old_email <> ''
       AND old_email = ANY (recup.mail_addresses(o.recipients));
END
$$;
ALTER FUNCTION recup.anonymise_agent(bigint) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.anonymise_agent(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.anonymise_agent(bigint) TO recup_admin;
