-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 023 wanted ads and their alerts: the same tables as sql/postgresql/023_wanted_ads.sql, in
-- SQLite's dialect, without policies (the single workstation is no security boundary). Wanted
-- ads are not moderated (the reasons are in the PostgreSQL file). Matching is
-- SqlDialect::recordWantedMatches: same category, or the FTS5 query of match_query (every
-- keyword as a prefix, diacritics removed, written by the client from the keywords' letters
-- and digits) against ad_fts. The triggers date a wanted ad as PostgreSQL's wanted_ad_guard.

CREATE TABLE wanted_ad (
    id          INTEGER PRIMARY KEY,
    author_id   INTEGER NOT NULL REFERENCES agent,
    service_id  INTEGER NOT NULL REFERENCES service,
    site_id     INTEGER NOT NULL REFERENCES site,
    category_id INTEGER REFERENCES category,
    title       TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 120),
    keywords    TEXT NOT NULL CHECK (length(trim(keywords)) BETWEEN 2 AND 200),
    match_query TEXT NOT NULL DEFAULT '',
    quantity    INTEGER NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 100000),
    state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+60 days')),
    closed_at   TEXT,
    CHECK ((state = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX wanted_ad_open_idx ON wanted_ad (state, expires_at);
CREATE INDEX wanted_ad_author_idx ON wanted_ad (author_id, created_at);

CREATE TABLE wanted_match (
    id         INTEGER PRIMARY KEY,
    wanted_id  INTEGER NOT NULL REFERENCES wanted_ad,
    ad_id      INTEGER NOT NULL REFERENCES ad,
    history_id INTEGER NOT NULL REFERENCES ad_history,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (wanted_id, ad_id)
);
CREATE INDEX wanted_match_ad_idx ON wanted_match (ad_id, history_id);

CREATE TRIGGER wanted_ad_dated AFTER INSERT ON wanted_ad BEGIN
    UPDATE wanted_ad
       SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at,
                                 '+' || coalesce((SELECT c.expiry_days FROM category c
                                                   WHERE c.id = new.category_id), 60) || ' days')
     WHERE id = new.id;
END;

CREATE TRIGGER wanted_ad_stays_closed BEFORE UPDATE OF state ON wanted_ad
    WHEN old.state = 'closed' AND new.state <> 'closed' BEGIN
    SELECT RAISE(ABORT, 'wanted-closed: a closed wanted ad stays closed');
END;

-- At most 20 open wanted ads per agent, as on PostgreSQL.
CREATE TRIGGER wanted_ad_at_most_twenty BEFORE INSERT ON wanted_ad BEGIN
    SELECT RAISE(ABORT, 'wanted-too-many')
     WHERE (SELECT count(*) FROM wanted_ad w
             WHERE w.author_id = NEW.author_id AND w.state = 'open'
               AND w.expires_at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) >= 20;
END;
