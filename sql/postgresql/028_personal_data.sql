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
--   audit) and loses its recipients, its bytes and its last error (addresses, names, text).
-- - recup.anonymise_agent(): an administrator anonymises a deactivated agent: name, login,
--   email and phone replaced, their messages and mails anonymised; the rows keep their id, so
--   history and figures stay true.
-- Both functions are the only writers: clients still have no UPDATE on contact_request, and no
-- UPDATE of recipients, rfc5322 or anonymised_at on outbox; an anonymised mail is never queued
-- again (outbox_anonymised_guard).

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
           anonymised_at = now()
      FROM due WHERE o.id = due.id;
    GET DIAGNOSTICS mails = ROW_COUNT;
END
$$;
ALTER FUNCTION recup.anonymise_personal_data(integer) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.anonymise_personal_data(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.anonymise_personal_data(integer) TO recup_admin;

-- An administrator anonymises a deactivated agent: « Agent anonymisé n° ID », a login and an
-- address that name nobody (the .invalid domain never delivers), no phone; the messages they
-- wrote and the sent or refused mails they wrote or received lose their personal parts.
-- Their ads, history, requests and figures keep pointing at the same id. Returns the number
-- of messages and mails anonymised.
CREATE FUNCTION recup.anonymise_agent(p_agent bigint, OUT messages integer, OUT mails integer)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    old_email text;
    still_active boolean;
    why constant text := '[message effacé : agent anonymisé]';
BEGIN
    IF NOT recup.in_group('recup_admin') THEN
        RAISE EXCEPTION 'only administrators anonymise an agent' USING ERRCODE = '42501';
    END IF;
    SELECT lower(btrim(a.email)), a.active INTO old_email, still_active
      FROM recup.agent a WHERE a.id = p_agent FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown agent %', p_agent
            USING ERRCODE = 'check_violation', HINT = 'anonymise-unknown-agent';
    END IF;
    IF still_active THEN
        RAISE EXCEPTION 'an active agent is deactivated before being anonymised'
            USING ERRCODE = 'check_violation', HINT = 'anonymise-active-agent';
    END IF;
    UPDATE recup.agent
       SET display_name = 'Agent anonymisé n° ' || id, login = 'anonyme-' || id,
           email = 'anonyme-' || id || '@anonyme.invalid', phone = ''
     WHERE id = p_agent;
    UPDATE recup.contact_request SET message = why, anonymised_at = now()
     WHERE requester_id = p_agent AND anonymised_at IS NULL;
    GET DIAGNOSTICS messages = ROW_COUNT;
    UPDATE recup.outbox o
       SET recipients = '[destinataires effacés]', rfc5322 = recup.anonymised_mail(why),
           last_error = CASE WHEN o.last_error = '' THEN '' ELSE '[effacé]' END,
           anonymised_at = now()
     WHERE o.anonymised_at IS NULL AND o.state IN ('sent', 'failed')
       AND (o.author_id = p_agent
            OR old_email = ANY (string_to_array(lower(o.recipients), E'\n')));
    GET DIAGNOSTICS mails = ROW_COUNT;
END
$$;
ALTER FUNCTION recup.anonymise_agent(bigint) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.anonymise_agent(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.anonymise_agent(bigint) TO recup_admin;
