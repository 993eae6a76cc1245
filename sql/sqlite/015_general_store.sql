-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 015 the general store (« magasin général », issue #11): a site may be a store, kept by a
-- service whose keeper holds the items it stores. A transport of purpose 'store' takes an
-- ad there; its delivery hands the ad to the keeper and the store's service and puts it back
-- in the catalogue (the history keeps who gave it first). Until then the ad waits. As on
-- PostgreSQL, these two rules are triggers here, so that no path of the code forgets them.

ALTER TABLE site ADD COLUMN store_service_id INTEGER REFERENCES service;
ALTER TABLE site ADD COLUMN store_keeper_id INTEGER REFERENCES agent;

ALTER TABLE ad ADD COLUMN store_site_id INTEGER REFERENCES site;
ALTER TABLE ad ADD COLUMN stored_at TEXT;
CREATE INDEX ad_store_idx ON ad (store_site_id, stored_at) WHERE store_site_id IS NOT NULL;

ALTER TABLE pickup ADD COLUMN purpose TEXT NOT NULL DEFAULT 'exchange'
    CHECK (purpose IN ('exchange', 'store'));
DROP INDEX pickup_one_per_ad;
CREATE UNIQUE INDEX pickup_one_per_exchange ON pickup (ad_id)
    WHERE status <> 'cancelled' AND purpose = 'exchange';
CREATE UNIQUE INDEX pickup_one_store_move ON pickup (ad_id)
    WHERE status IN ('requested', 'planned', 'picked_up') AND purpose = 'store';

-- On its way to the store, the item waits: only the expiry (published → expired) still runs.
CREATE TRIGGER ad_going_to_store BEFORE UPDATE ON ad
    WHEN NEW.store_site_id IS OLD.store_site_id
     AND NOT (OLD.state = 'published' AND NEW.state = 'expired')
     AND EXISTS (SELECT 1 FROM pickup p
                  WHERE p.ad_id = OLD.id AND p.purpose = 'store'
                    AND p.status IN ('requested', 'planned', 'picked_up')) BEGIN
    SELECT RAISE(ABORT, 'ad-going-to-store');
END;

-- A store's delivery hands over only a published or expired ad, to the active keeper of the
-- store the transport was asked for.
CREATE TRIGGER pickup_store_handover_check BEFORE INSERT ON pickup_history
    WHEN NEW.action = 'mark_delivered'
     AND (SELECT p.purpose FROM pickup p WHERE p.id = NEW.pickup_id) = 'store' BEGIN
    SELECT RAISE(ABORT, 'store-ad-state')
     WHERE (SELECT a.state FROM pickup p JOIN ad a ON a.id = p.ad_id
             WHERE p.id = NEW.pickup_id) NOT IN ('published', 'expired');
    SELECT RAISE(ABORT, 'store-no-keeper')
     WHERE NOT EXISTS (SELECT 1 FROM pickup p JOIN site s ON s.id = p.to_site_id
                         JOIN agent g ON g.id = s.store_keeper_id
                        WHERE p.id = NEW.pickup_id AND g.active
                          AND g.service_id = s.store_service_id
                          AND s.store_service_id = p.receiving_service_id);
END;

-- The delivery's step in the history hands the item over, with its author.
CREATE TRIGGER pickup_store_handover AFTER INSERT ON pickup_history
    WHEN NEW.action = 'mark_delivered'
     AND (SELECT p.purpose FROM pickup p WHERE p.id = NEW.pickup_id) = 'store' BEGIN
    INSERT INTO ad_history (ad_id, actor_id, at, action, from_state, to_state, reason)
        SELECT a.id, NEW.actor_id, NEW.at, 'store', a.state, 'published',
               coalesce((SELECT s.name FROM service s WHERE s.id = a.service_id), '')
          FROM pickup p JOIN ad a ON a.id = p.ad_id
         WHERE p.id = NEW.pickup_id;
    UPDATE ad
       SET owner_id = (SELECT s.store_keeper_id FROM pickup p JOIN site s ON s.id = p.to_site_id
                        WHERE p.id = NEW.pickup_id),
           service_id = (SELECT s.store_service_id FROM pickup p
                           JOIN site s ON s.id = p.to_site_id WHERE p.id = NEW.pickup_id),
           site_id = (SELECT p.to_site_id FROM pickup p WHERE p.id = NEW.pickup_id),
           room = '', -- the transport's room was never moderated
           store_site_id = (SELECT p.to_site_id FROM pickup p WHERE p.id = NEW.pickup_id),
           stored_at = NEW.at,
           state = 'published',
           published_at = coalesce(published_at, NEW.at),
           expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', NEW.at,
                                 '+' || (SELECT c.expiry_days FROM category c
                                          WHERE c.id = ad.category_id) || ' days'),
           updated_at = NEW.at,
           version = version + 1
     WHERE id = (SELECT p.ad_id FROM pickup p WHERE p.id = NEW.pickup_id);
END;
