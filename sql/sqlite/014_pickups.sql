-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 014 pickups (issue #11): the transports of exchanged ads and their history. On the single
-- workstation PickupRepository checks the steps (PickupLifecycle) and writes the history;
-- PostgreSQL's pickup_guard checks them again with the login's role.

ALTER TABLE site ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

CREATE TABLE pickup_transition (
    from_status TEXT NOT NULL,
    action      TEXT NOT NULL,
    actor       TEXT NOT NULL CHECK (actor IN ('logistics', 'agent')),
    to_status   TEXT NOT NULL,
    PRIMARY KEY (from_status, action, actor)
);
INSERT INTO pickup_transition (from_status, action, actor, to_status) VALUES
    ('requested', 'plan',           'logistics', 'planned'),
    ('planned',   'plan',           'logistics', 'planned'),
    ('planned',   'mark_picked_up', 'logistics', 'picked_up'),
    ('picked_up', 'mark_delivered', 'logistics', 'delivered'),
    ('requested', 'cancel',         'logistics', 'cancelled'),
    ('planned',   'cancel',         'logistics', 'cancelled'),
    ('requested', 'cancel',         'agent',     'cancelled');

CREATE TABLE pickup (
    id            INTEGER PRIMARY KEY,
    ad_id         INTEGER NOT NULL REFERENCES ad,
    ad_title             TEXT NOT NULL DEFAULT '',
    category_id          INTEGER REFERENCES category,
    giving_service_id    INTEGER REFERENCES service,
    receiving_service_id INTEGER REFERENCES service,
    quantity      INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
    weight_grams  INTEGER NOT NULL DEFAULT 0 CHECK (weight_grams >= 0),
    from_site_id  INTEGER NOT NULL REFERENCES site,
    from_room     TEXT NOT NULL DEFAULT '' CHECK (length(from_room) <= 80),
    from_contact  TEXT NOT NULL DEFAULT '' CHECK (length(from_contact) <= 120),
    from_phone    TEXT NOT NULL DEFAULT '' CHECK (length(from_phone) <= 40),
    to_site_id    INTEGER NOT NULL REFERENCES site,
    to_room       TEXT NOT NULL DEFAULT '' CHECK (length(to_room) <= 80),
    to_contact    TEXT NOT NULL DEFAULT '' CHECK (length(to_contact) <= 120),
    to_phone      TEXT NOT NULL DEFAULT '' CHECK (length(to_phone) <= 40),
    wished_date   TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 1000),
    status        TEXT NOT NULL DEFAULT 'requested' CHECK (status IN
                      ('requested', 'planned', 'picked_up', 'delivered', 'cancelled')),
    planned_date  TEXT,
    team          TEXT NOT NULL DEFAULT '' CHECK (length(team) <= 60),
    stop_order    INTEGER NOT NULL DEFAULT 0 CHECK (stop_order BETWEEN 0 AND 10000),
    cancel_reason TEXT NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 500),
    requested_by  INTEGER REFERENCES agent,
    requested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version       INTEGER NOT NULL DEFAULT 1,
    CHECK (status NOT IN ('planned', 'picked_up', 'delivered')
           OR (planned_date IS NOT NULL AND stop_order >= 1)),
    CHECK (status <> 'cancelled' OR cancel_reason <> '')
);
CREATE UNIQUE INDEX pickup_one_per_ad ON pickup (ad_id) WHERE status <> 'cancelled';
CREATE INDEX pickup_due_idx ON pickup (coalesce(planned_date, wished_date), id);
CREATE INDEX pickup_day_idx ON pickup (planned_date, from_site_id, team, stop_order)
    WHERE status IN ('planned', 'picked_up', 'delivered');

CREATE TABLE pickup_history (
    id          INTEGER PRIMARY KEY,
    pickup_id   INTEGER NOT NULL REFERENCES pickup,
    actor_id    INTEGER REFERENCES agent,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    action      TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pickup_history_pickup_idx ON pickup_history (pickup_id, at);
