-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 020 a lot split between services (issue #13), as on PostgreSQL: parts of a published lot
-- reserved for a service, each released or exchanged on its own; what is left is the ad's
-- quantity less its held and exchanged parts; once part of a lot is promised, its quantity,
-- value and weight stay; the figures read every exchange, whole or part, from closed_fact.
-- No roles here: the triggers refuse what no person may do (more than is left, an inactive
-- service, a settled part changed, a step the lifecycle table does not have); who acts is the
-- repository's word, as for the rest of the ad's history.

INSERT INTO lifecycle_transition (from_state, action, actor, to_state) VALUES
    ('published', 'reserve-part',  'owner',     'published'),
    ('published', 'release-part',  'owner',     'published'),
    ('expired',   'release-part',  'owner',     'expired'),
    ('published', 'release-part',  'moderator', 'published'),
    ('expired',   'release-part',  'moderator', 'expired'),
    ('published', 'exchange-part', 'owner',     'published'),
    ('expired',   'exchange-part', 'owner',     'expired');

CREATE TABLE ad_reservation (
    id           INTEGER PRIMARY KEY,
    ad_id        INTEGER NOT NULL REFERENCES ad,
    service_id   INTEGER NOT NULL REFERENCES service,
    quantity     INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 100000),
    state        TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'released', 'exchanged')),
    reserved_by  INTEGER REFERENCES agent,
    reserved_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    released_by  INTEGER REFERENCES agent,
    released_at  TEXT,
    exchanged_by INTEGER REFERENCES agent,
    exchanged_at TEXT,
    version      INTEGER NOT NULL DEFAULT 1,
    CHECK ((state = 'released') = (released_at IS NOT NULL)),
    CHECK ((state = 'exchanged') = (exchanged_at IS NOT NULL))
);
CREATE INDEX ad_reservation_ad_idx ON ad_reservation (ad_id);
CREATE INDEX ad_reservation_service_idx ON ad_reservation (service_id);
CREATE INDEX ad_reservation_exchanged_idx ON ad_reservation (exchanged_at)
    WHERE state = 'exchanged';

ALTER TABLE ad_history ADD COLUMN reservation_id INTEGER;
ALTER TABLE ad_history ADD COLUMN quantity INTEGER;
ALTER TABLE ad_history ADD COLUMN service_id INTEGER REFERENCES service;

CREATE TRIGGER ad_reservation_insert BEFORE INSERT ON ad_reservation BEGIN
    SELECT RAISE(ABORT, 'reservation-refused')
     WHERE NEW.state <> 'held'
        OR NOT EXISTS (SELECT 1 FROM ad a JOIN lifecycle_transition t
                                ON t.from_state = a.state AND t.action = 'reserve-part'
                        WHERE a.id = NEW.ad_id);
    SELECT RAISE(ABORT, 'reservation-inactive-service')
     WHERE NOT EXISTS (SELECT 1 FROM service s WHERE s.id = NEW.service_id AND s.active);
    SELECT RAISE(ABORT, 'reservation-over-quantity')
     WHERE (SELECT coalesce(sum(r.quantity), 0) FROM ad_reservation r
             WHERE r.ad_id = NEW.ad_id AND r.state IN ('held', 'exchanged')) + NEW.quantity
           > (SELECT a.quantity FROM ad a WHERE a.id = NEW.ad_id);
END;

CREATE TRIGGER ad_reservation_update BEFORE UPDATE ON ad_reservation BEGIN
    SELECT RAISE(ABORT, 'reservation-settled') WHERE OLD.state <> 'held';
    SELECT RAISE(ABORT, 'reservation-refused')
     WHERE NEW.id IS NOT OLD.id OR NEW.ad_id IS NOT OLD.ad_id
        OR NEW.service_id IS NOT OLD.service_id OR NEW.quantity IS NOT OLD.quantity
        OR NEW.state NOT IN ('released', 'exchanged')
        OR NOT EXISTS (SELECT 1 FROM ad a JOIN lifecycle_transition t
                                ON t.from_state = a.state
                               AND t.action = CASE NEW.state WHEN 'released' THEN 'release-part'
                                                             ELSE 'exchange-part' END
                        WHERE a.id = NEW.ad_id);
    SELECT RAISE(ABORT, 'reservation-inactive-service')
     WHERE NEW.state = 'exchanged'
       AND NOT EXISTS (SELECT 1 FROM service s WHERE s.id = NEW.service_id AND s.active);
END;

CREATE TRIGGER ad_reservation_delete BEFORE DELETE ON ad_reservation BEGIN
    SELECT RAISE(ABORT, 'reservation-settled');
END;

-- Once part of a lot is promised its quantity, value and weight stay.
CREATE TRIGGER ad_lot_split BEFORE UPDATE OF quantity, value_cents, weight_grams ON ad
    WHEN (NEW.quantity IS NOT OLD.quantity OR NEW.value_cents IS NOT OLD.value_cents
          OR NEW.weight_grams IS NOT OLD.weight_grams)
     AND EXISTS (SELECT 1 FROM ad_reservation r
                  WHERE r.ad_id = OLD.id AND r.state IN ('held', 'exchanged')) BEGIN
    SELECT RAISE(ABORT, 'ad-lot-split');
END;

-- While a part is held the ad moves only by the expiry round or a moderator's removal, which
-- releases the held parts (each with its history row; the removal's row names the moderator).
CREATE TRIGGER ad_parts_held BEFORE UPDATE OF state ON ad
    WHEN NEW.state IS NOT OLD.state AND NEW.state <> 'expired'
     AND NOT (NEW.state = 'closed' AND NEW.close_reason = 'removed')
     AND EXISTS (SELECT 1 FROM ad_reservation r WHERE r.ad_id = OLD.id AND r.state = 'held')
    BEGIN
    SELECT RAISE(ABORT, 'ad-parts-held');
END;

CREATE TRIGGER ad_parts_released BEFORE UPDATE OF state ON ad
    WHEN NEW.state = 'closed' AND NEW.close_reason = 'removed' AND OLD.state <> 'closed' BEGIN
    INSERT INTO ad_history (ad_id, actor_id, at, action, from_state, to_state, reason,
                            reservation_id, quantity, service_id)
    SELECT r.ad_id, NULL, NEW.closed_at, 'release-part', OLD.state, OLD.state, '', r.id,
           r.quantity, r.service_id
      FROM ad_reservation r WHERE r.ad_id = OLD.id AND r.state = 'held';
    UPDATE ad_reservation SET state = 'released', released_at = NEW.closed_at,
                              version = version + 1
     WHERE ad_id = OLD.id AND state = 'held';
END;

-- The facts of the figures, as recup.closed_fact on PostgreSQL.
CREATE VIEW closed_fact AS
    SELECT f.ad_id, f.close_reason, f.closed_at, f.category_id, f.service_id,
           f.receiving_service_id, f.quantity,
           CASE WHEN f.quantity = f.lot THEN f.lot_value
                ELSE (f.lot_value * f.quantity * 2 + f.lot) / (2 * f.lot) END AS value_cents,
           CASE WHEN f.lot_weight > 0 AND f.quantity = f.lot THEN f.lot_weight
                WHEN f.lot_weight > 0 THEN (f.lot_weight * f.quantity * 2 + f.lot) / (2 * f.lot)
                ELSE f.unit_weight * f.quantity END AS weight_grams,
           f.lot_weight = 0 AS weight_estimated, f.published_at
      FROM (SELECT a.id AS ad_id, a.close_reason, a.closed_at, a.category_id, a.service_id,
                   a.receiving_service_id, a.quantity - coalesce(p.given, 0) AS quantity,
                   a.quantity AS lot, a.value_cents AS lot_value, a.weight_grams AS lot_weight,
                   c.default_unit_weight_g AS unit_weight, a.published_at
              FROM ad a
              JOIN category c ON c.id = a.category_id
              LEFT JOIN (SELECT r.ad_id, sum(r.quantity) AS given
                           FROM ad_reservation r WHERE r.state = 'exchanged'
                          GROUP BY r.ad_id) p ON p.ad_id = a.id
             WHERE a.state = 'closed' AND a.quantity > coalesce(p.given, 0)
            UNION ALL
            SELECT a.id, 'exchanged', r.exchanged_at, a.category_id, a.service_id, r.service_id,
                   r.quantity, a.quantity, a.value_cents, a.weight_grams,
                   c.default_unit_weight_g, a.published_at
              FROM ad_reservation r
              JOIN ad a ON a.id = r.ad_id
              JOIN category c ON c.id = a.category_id
             WHERE r.state = 'exchanged') f;
