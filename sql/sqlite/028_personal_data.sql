-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 028 personal data (issue #14, part 5): as sql/postgresql/028_personal_data.sql. The
-- retention in months (1 to 120, default 24), when a contact message or a mail lost its
-- personal parts, and an anonymised mail kept as it is. The round's and the anonymisation's
-- statements are SqlDialect's (SQLite has no roles: a single-workstation mode).

CREATE TABLE retention_policy (
    id     INTEGER PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    months INTEGER NOT NULL DEFAULT 24 CHECK (typeof(months) = 'integer' AND months BETWEEN 1 AND 120)
);
INSERT INTO retention_policy (id) VALUES (1);

ALTER TABLE contact_request ADD COLUMN anonymised_at TEXT;
ALTER TABLE outbox ADD COLUMN anonymised_at TEXT;
CREATE INDEX contact_request_to_anonymise ON contact_request (created_at, id)
    WHERE anonymised_at IS NULL;
CREATE INDEX outbox_to_anonymise ON outbox (created_at, id)
    WHERE anonymised_at IS NULL AND state IN ('sent', 'failed');

CREATE TRIGGER outbox_anonymised_guard BEFORE UPDATE ON outbox
    WHEN OLD.anonymised_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'an anonymised mail stays as it is');
END;

-- When an agent was anonymised; such a row stays as it is, not even reactivated.
ALTER TABLE agent ADD COLUMN anonymised_at TEXT;
CREATE TRIGGER agent_anonymised_guard BEFORE UPDATE ON agent
    WHEN OLD.anonymised_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'agent-anonymised');
END;

-- As in 018, and 'anonyme-…' is the anonymised agents' own: never a new row's, only
-- 'anonyme-' || id on a change.
DROP TRIGGER agent_login_insert;
CREATE TRIGGER agent_login_insert BEFORE INSERT ON agent BEGIN
    SELECT RAISE(ABORT, 'agent-login-reserved')
     WHERE NEW.login IN ('postgres', 'public', 'none', 'current_user', 'session_user',
                         'current_role')
        OR substr(NEW.login, 1, 3) = 'pg_' OR substr(NEW.login, 1, 6) = 'recup_'
        OR substr(NEW.login, 1, 8) = 'anonyme-';
END;

DROP TRIGGER agent_login_update;
CREATE TRIGGER agent_login_update BEFORE UPDATE OF login ON agent
    WHEN NEW.login IS NOT OLD.login BEGIN
    SELECT RAISE(ABORT, 'agent-login-reserved')
     WHERE NEW.login IN ('postgres', 'public', 'none', 'current_user', 'session_user',
                         'current_role')
        OR substr(NEW.login, 1, 3) = 'pg_' OR substr(NEW.login, 1, 6) = 'recup_'
        OR (substr(NEW.login, 1, 8) = 'anonyme-' AND NEW.login IS NOT 'anonyme-' || NEW.id);
END;
