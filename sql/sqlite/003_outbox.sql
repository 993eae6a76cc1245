-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 003 outbox: the same table as sql/postgresql/003_outbox.sql, in SQLite's dialect. No
-- policies (see 002_security.sql) and no NOTIFY: the single workstation sends its own mails.

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    message_id      TEXT NOT NULL UNIQUE CHECK (message_id <> ''),
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    author_id       INTEGER REFERENCES agent,
    kind            TEXT NOT NULL CHECK (kind <> ''),
    recipients      TEXT NOT NULL CHECK (recipients <> ''),
    rfc5322         BLOB NOT NULL,
    envelope_from   TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         TEXT,
    claimed_by      TEXT,
    claimed_until   TEXT
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id)
    WHERE state IN ('queued', 'sending');
CREATE INDEX outbox_author_idx ON outbox (author_id);
CREATE INDEX outbox_failed_idx ON outbox (created_at) WHERE state = 'failed';
