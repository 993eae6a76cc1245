-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 001 initial: the same model as sql/postgresql/001_initial.sql, in SQLite's dialect.
-- Times are ISO-8601 UTC text with milliseconds ("2026-11-28T17:38:43.123Z"), which sorts.
-- Released: never edit; add 002_... instead (see sql/README.md).

CREATE TABLE schema_version (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE organisation (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name TEXT NOT NULL CHECK (name <> '')
);

CREATE TABLE service (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation,
    code            TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name            TEXT NOT NULL CHECK (name <> '')
);

CREATE TABLE site (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation,
    code            TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name            TEXT NOT NULL CHECK (name <> ''),
    address         TEXT NOT NULL DEFAULT '',
    postal_code     TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT ''
);

CREATE TABLE category (
    id                    INTEGER PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name                  TEXT NOT NULL CHECK (name <> ''),
    default_unit_weight_g INTEGER NOT NULL DEFAULT 0 CHECK (default_unit_weight_g >= 0),
    excluded              INTEGER NOT NULL DEFAULT 0,
    excluded_message      TEXT NOT NULL DEFAULT '',
    expiry_days           INTEGER NOT NULL DEFAULT 60 CHECK (expiry_days BETWEEN 1 AND 3650)
);

CREATE TABLE agent (
    id           INTEGER PRIMARY KEY,
    login        TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 2 AND 63),
    display_name TEXT NOT NULL CHECK (display_name <> ''),
    email        TEXT NOT NULL CHECK (email LIKE '%_@_%'),
    phone        TEXT NOT NULL DEFAULT '',
    service_id   INTEGER NOT NULL REFERENCES service,
    is_moderator INTEGER NOT NULL DEFAULT 0,
    is_logistics INTEGER NOT NULL DEFAULT 0,
    is_admin     INTEGER NOT NULL DEFAULT 0,
    active       INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE lifecycle_transition (
    from_state TEXT NOT NULL,
    action     TEXT NOT NULL,
    actor      TEXT NOT NULL CHECK (actor IN ('owner', 'moderator', 'system')),
    to_state   TEXT NOT NULL,
    PRIMARY KEY (from_state, action, actor)
);

INSERT INTO lifecycle_transition (from_state, action, actor, to_state) VALUES
    ('draft',     'submit',   'owner',     'pending'),
    ('pending',   'approve',  'moderator', 'published'),
    ('pending',   'reject',   'moderator', 'rejected'),
    ('rejected',  'resubmit', 'owner',     'pending'),
    ('rejected',  'edit',     'owner',     'draft'),
    ('published', 'edit',     'owner',     'pending'),
    ('published', 'reserve',  'owner',     'reserved'),
    ('reserved',  'release',  'owner',     'published'),
    ('published', 'close',    'owner',     'closed'),
    ('reserved',  'close',    'owner',     'closed'),
    ('expired',   'close',    'owner',     'closed'),
    ('published', 'expire',   'system',    'expired'),
    ('expired',   'renew',    'owner',     'pending'),
    ('pending',   'remove',   'moderator', 'closed'),
    ('published', 'remove',   'moderator', 'closed'),
    ('reserved',  'remove',   'moderator', 'closed'),
    ('rejected',  'remove',   'moderator', 'closed'),
    ('expired',   'remove',   'moderator', 'closed');

CREATE TABLE ad (
    id                   INTEGER PRIMARY KEY,
    title                TEXT NOT NULL CHECK (length(title) BETWEEN 3 AND 120),
    description          TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
    category_id          INTEGER NOT NULL REFERENCES category,
    quantity             INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 100000),
    value_cents          INTEGER NOT NULL DEFAULT 0 CHECK (value_cents BETWEEN 0 AND 10000000),
    weight_grams         INTEGER NOT NULL DEFAULT 0 CHECK (weight_grams BETWEEN 0 AND 50000000),
    site_id              INTEGER NOT NULL REFERENCES site,
    room                 TEXT NOT NULL DEFAULT '' CHECK (length(room) <= 80),
    owner_id             INTEGER NOT NULL REFERENCES agent,
    service_id           INTEGER NOT NULL REFERENCES service,
    attested             INTEGER NOT NULL CHECK (attested = 1),
    state                TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
                             ('draft', 'pending', 'published', 'reserved', 'rejected',
                              'expired', 'closed')),
    close_reason         TEXT CHECK (close_reason IN
                             ('exchanged', 'discarded', 'unavailable', 'removed')),
    close_note           TEXT NOT NULL DEFAULT '' CHECK (length(close_note) <= 1000),
    receiving_service_id INTEGER REFERENCES service,
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    published_at         TEXT,
    closed_at            TEXT,
    expires_at           TEXT,
    version              INTEGER NOT NULL DEFAULT 1,
    CHECK ((state = 'closed') = (close_reason IS NOT NULL)),
    CHECK (close_reason IS NOT 'exchanged' OR receiving_service_id IS NOT NULL),
    CHECK (state NOT IN ('published', 'reserved') OR published_at IS NOT NULL)
);

CREATE INDEX ad_catalogue_idx ON ad (published_at DESC, id DESC)
    WHERE state IN ('published', 'reserved');
CREATE INDEX ad_catalogue_category_idx ON ad (category_id, published_at DESC, id DESC)
    WHERE state IN ('published', 'reserved');
CREATE INDEX ad_owner_idx ON ad (owner_id);
CREATE INDEX ad_state_idx ON ad (state, expires_at);

-- Title and description indexed by FTS5, accents folded; kept in step by triggers.
CREATE VIRTUAL TABLE ad_fts USING fts5(
    title, description, content = 'ad', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER ad_fts_insert AFTER INSERT ON ad BEGIN
    INSERT INTO ad_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;

CREATE TRIGGER ad_fts_delete AFTER DELETE ON ad BEGIN
    INSERT INTO ad_fts (ad_fts, rowid, title, description)
        VALUES ('delete', old.id, old.title, old.description);
END;

CREATE TRIGGER ad_fts_update AFTER UPDATE OF title, description ON ad BEGIN
    INSERT INTO ad_fts (ad_fts, rowid, title, description)
        VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO ad_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;

CREATE TABLE ad_photo (
    id        INTEGER PRIMARY KEY,
    ad_id     INTEGER NOT NULL REFERENCES ad ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position BETWEEN 0 AND 5),
    jpeg      BLOB NOT NULL,
    thumbnail BLOB NOT NULL,
    UNIQUE (ad_id, position)
);

CREATE TABLE ad_history (
    id         INTEGER PRIMARY KEY,
    ad_id      INTEGER NOT NULL REFERENCES ad,
    actor_id   INTEGER REFERENCES agent,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    action     TEXT NOT NULL,
    from_state TEXT,
    to_state   TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ad_history_ad_idx ON ad_history (ad_id, at);
