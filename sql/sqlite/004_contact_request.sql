-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 004 contact requests: the same table as sql/postgresql/004_contact_request.sql, in SQLite's
-- dialect, without policies (the single workstation is no security boundary).

CREATE TABLE contact_request (
    id                    INTEGER PRIMARY KEY,
    ad_id                 INTEGER NOT NULL REFERENCES ad,
    requester_id          INTEGER NOT NULL REFERENCES agent,
    requesting_service_id INTEGER NOT NULL REFERENCES service,
    message               TEXT NOT NULL CHECK (length(trim(message)) BETWEEN 1 AND 2000),
    message_id            TEXT NOT NULL CHECK (message_id <> ''),
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX contact_request_ad_idx ON contact_request (ad_id, created_at);
CREATE INDEX contact_request_requester_idx ON contact_request (requester_id);
