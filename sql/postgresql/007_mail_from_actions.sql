-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 007 only actions send mail. Each outbox row names the action that caused it (action_id: a
-- contact request, a history row, an ad for its expiry reminder). PostgreSQL checks, as each
-- row is written and again when a sender claims it, that the action is the author's, that
-- every envelope recipient is someone the action concerns (the poster, the moderators) and
-- that the envelope sender is the platform's (mail_policy). Clients still render the bytes;
-- the senders (OutboxDispatcher) refuse bytes whose headers disagree with the checked row.
-- A refused row stays failed with its refusal, shown to moderators, never retried or sent.

-- The platform's mail identity, set by administrators (collectiv-recup-admin mail-policy).
-- Empty sender: "ne-pas-repondre@" the acting agent's own mail domain. Empty moderators'
-- address: each active moderator's own address.
CREATE TABLE recup.mail_policy (
    id                 integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    sender_address     text NOT NULL DEFAULT ''
                       CHECK (sender_address ~ '^([^@[:space:]<>",;]+@[^@[:space:]<>",;]+)?$'),
    sender_name        text NOT NULL DEFAULT 'Collectiv''Récup' CHECK (sender_name <> ''),
    moderators_address text NOT NULL DEFAULT ''
                       CHECK (moderators_address ~ '^([^@[:space:]<>",;]+@[^@[:space:]<>",;]+)?$')
);
INSERT INTO recup.mail_policy (id) VALUES (1);
ALTER TABLE recup.mail_policy OWNER TO recup_owner;
REVOKE ALL ON recup.mail_policy FROM PUBLIC;
ALTER TABLE recup.mail_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE recup.mail_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_all ON recup.mail_policy TO recup_owner USING (true) WITH CHECK (true);
CREATE POLICY read_all ON recup.mail_policy FOR SELECT
    TO recup_agent, recup_moderator, recup_logistics, recup_admin USING (true);
CREATE POLICY admin_write ON recup.mail_policy FOR UPDATE TO recup_admin
    USING (true) WITH CHECK (true);
GRANT SELECT ON recup.mail_policy TO recup_agent, recup_moderator, recup_logistics, recup_admin;
GRANT UPDATE (sender_address, sender_name, moderators_address) ON recup.mail_policy
    TO recup_admin;

ALTER TABLE recup.outbox ADD COLUMN action_id bigint;
-- Why a sender refused the row ("" while it may be sent); set once, with state 'failed'.
ALTER TABLE recup.outbox ADD COLUMN refusal text NOT NULL DEFAULT '';
-- One mail per action (reminders are once per ad and expiry date through their Message-ID).
CREATE UNIQUE INDEX outbox_action_once ON recup.outbox (kind, action_id)
    WHERE action_id IS NOT NULL AND kind <> 'expiry-reminder';

-- The addresses that hear of the moderators' business, lower-cased.
CREATE FUNCTION recup.mail_moderators() RETURNS text[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
    SELECT CASE WHEN p.moderators_address <> '' THEN ARRAY[lower(p.moderators_address)]
                ELSE coalesce((SELECT array_agg(lower(btrim(a.email))) FROM recup.agent a
                                WHERE a.is_moderator AND a.active), '{}') END
      FROM recup.mail_policy p
$$;

-- The envelope sender of a mail that `acting` causes, lower-cased.
CREATE FUNCTION recup.mail_sender(acting bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
    SELECT CASE WHEN p.sender_address <> '' THEN lower(p.sender_address)
                ELSE 'ne-pas-repondre@' || lower(coalesce(
                         nullif(substring(btrim(a.email) FROM '@([^@]*)$'), ''), 'localhost')) END
      FROM recup.mail_policy p LEFT JOIN recup.agent a ON a.id = acting
$$;

-- '' when the row follows from its action; else why not: 'no-action', 'unknown-kind',
-- 'not-your-action' (no such action of this author), 'recipient', 'sender'.
CREATE FUNCTION recup.outbox_verdict(p_kind text, p_action bigint, p_author bigint,
                                     p_recipients text, p_from text) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    allowed text[];
    acting bigint := p_author;
    recipient text;
BEGIN
    IF p_action IS NULL THEN
        RETURN 'no-action';
    END IF;
    IF p_kind = 'contact' THEN
        -- The requester's own request: to the poster, the moderators in copy.
        SELECT ARRAY[lower(btrim(o.email))] || recup.mail_moderators() INTO allowed
          FROM recup.contact_request c JOIN recup.ad d ON d.id = c.ad_id
               JOIN recup.agent o ON o.id = d.owner_id
         WHERE c.id = p_action AND c.requester_id = p_author;
    ELSIF p_kind = 'ad-submitted' THEN
        -- The author sent the ad to moderation: to the moderators.
        SELECT recup.mail_moderators() INTO allowed FROM recup.ad_history h
         WHERE h.id = p_action AND h.actor_id = p_author AND h.to_state = 'pending';
    ELSIF p_kind IN ('ad-approved', 'ad-rejected') THEN
        -- The moderator's decision: to the poster.
        SELECT ARRAY[lower(btrim(o.email))] INTO allowed
          FROM recup.ad_history h JOIN recup.ad d ON d.id = h.ad_id
               JOIN recup.agent o ON o.id = d.owner_id
         WHERE h.id = p_action AND h.actor_id = p_author
           AND h.action = CASE p_kind WHEN 'ad-approved' THEN 'approve' ELSE 'reject' END;
    ELSIF p_kind = 'expiry-reminder' THEN
        -- The system's: to the poster of the ad, in the poster's domain.
        IF p_author IS NOT NULL THEN
            RETURN 'not-your-action';
        END IF;
        SELECT ARRAY[lower(btrim(o.email))], d.owner_id INTO allowed, acting
          FROM recup.ad d JOIN recup.agent o ON o.id = d.owner_id WHERE d.id = p_action;
    ELSE
        RETURN 'unknown-kind';
    END IF;
    IF allowed IS NULL THEN
        RETURN 'not-your-action';
    END IF;
    FOREACH recipient IN ARRAY string_to_array(p_recipients, E'\n') LOOP
        IF NOT lower(btrim(recipient)) = ANY (allowed) THEN
            RETURN 'recipient';
        END IF;
    END LOOP;
    IF lower(btrim(p_from)) IS DISTINCT FROM recup.mail_sender(acting) THEN
        RETURN 'sender';
    END IF;
    RETURN '';
END
$$;

-- Every write of the outbox, whoever writes it: a new mail follows from an action of its
-- author, starts queued and is dated by the server; a sent or refused mail stays so; only a
-- claimed mail is marked sent or refused; only moderators (and the privileged roles) queue a
-- failed mail again; attempts only grow.
CREATE FUNCTION recup.outbox_guard() RETURNS trigger
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

CREATE TRIGGER outbox_guard BEFORE INSERT OR UPDATE ON recup.outbox
    FOR EACH ROW EXECUTE FUNCTION recup.outbox_guard();

ALTER FUNCTION recup.mail_moderators() OWNER TO recup_owner;
ALTER FUNCTION recup.mail_sender(bigint) OWNER TO recup_owner;
ALTER FUNCTION recup.outbox_verdict(text, bigint, bigint, text, text) OWNER TO recup_owner;
ALTER FUNCTION recup.outbox_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.mail_moderators(), recup.mail_sender(bigint),
    recup.outbox_verdict(text, bigint, bigint, text, text), recup.outbox_guard() FROM PUBLIC;

-- Senders ask the verdict of each row they claim, again: the action may have changed since
-- (a moderator left). Only of rows the caller may read: it tells nothing of other people's.
CREATE FUNCTION recup.outbox_row_verdict(mail bigint) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
    SELECT recup.outbox_verdict(o.kind, o.action_id, o.author_id, o.recipients, o.envelope_from)
      FROM recup.outbox o
     WHERE o.id = mail
       AND (o.author_id = recup.current_agent_id() OR recup.is_moderator()
            OR recup.is_privileged())
$$;
ALTER FUNCTION recup.outbox_row_verdict(bigint) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.outbox_row_verdict(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.outbox_row_verdict(bigint)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

GRANT INSERT (action_id) ON recup.outbox
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;
GRANT UPDATE (refusal) ON recup.outbox
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- Each contact request mails the poster: one request per ad and requester a day, so that
-- nobody turns Contact into a way of filling someone's mailbox. Dated by the server.
CREATE FUNCTION recup.contact_request_pace() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    -- In one's own name first: the check below must tell nobody who asked for what.
    IF NOT recup.is_privileged()
       AND NEW.requester_id IS DISTINCT FROM recup.current_agent_id() THEN
        RAISE EXCEPTION 'a request is made in one''s own name' USING ERRCODE = '42501';
    END IF;
    -- Two sessions asking at once wait for each other rather than both passing the check.
    PERFORM pg_advisory_xact_lock(hashtextextended('contact ' || NEW.ad_id || ' '
                                                   || NEW.requester_id, 0));
    IF EXISTS (SELECT 1 FROM recup.contact_request c
                WHERE c.ad_id = NEW.ad_id AND c.requester_id = NEW.requester_id
                  AND c.created_at > now() - interval '1 day') THEN
        RAISE EXCEPTION 'one contact request per ad and requester a day'
            USING ERRCODE = '42501';
    END IF;
    NEW.created_at := now();
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.contact_request_pace() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.contact_request_pace() FROM PUBLIC;
CREATE TRIGGER contact_request_pace BEFORE INSERT ON recup.contact_request
    FOR EACH ROW EXECUTE FUNCTION recup.contact_request_pace();
