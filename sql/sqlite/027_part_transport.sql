-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 027 the parts of a lot, what was left (issue #13): a part given to its service may have its
-- transport, as an ad closed as exchanged has. On the single workstation the repository
-- checks the part (given, of this ad) and writes the part's service, quantity and share of the
-- weight; the history of a moderator's release keeps its reason (written by the repository).
-- After the hostile review of 027 (not released before it, hence edited in place), as on
-- PostgreSQL: a part's transport only for an ad whose words a moderator approved; a removal's
-- release of the held parts carries the removal's reason; a lot with a part reserved or given
-- does not go to the store, and no part is reserved or given on its way there.

-- The part a transport carries, when it carries a part of a lot rather than a whole ad.
ALTER TABLE pickup ADD COLUMN reservation_id INTEGER REFERENCES ad_reservation;
-- One transport under way per exchange: per whole ad (as in 015), and per part given.
DROP INDEX pickup_one_per_exchange;
CREATE UNIQUE INDEX pickup_one_per_exchange ON pickup (ad_id)
    WHERE status <> 'cancelled' AND purpose = 'exchange' AND reservation_id IS NULL;
CREATE UNIQUE INDEX pickup_one_per_part ON pickup (reservation_id)
    WHERE status <> 'cancelled' AND reservation_id IS NOT NULL;
-- A transport's part is of its ad, and given; it never changes.
CREATE TRIGGER pickup_part_given BEFORE INSERT ON pickup
    WHEN NEW.reservation_id IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'pickup-part-not-given')
     WHERE NEW.purpose <> 'exchange'
        OR NOT EXISTS (SELECT 1 FROM ad_reservation r
                        WHERE r.id = NEW.reservation_id AND r.ad_id = NEW.ad_id
                          AND r.state = 'exchanged');
END;
-- The title a part's transport copies is one a moderator approved: the ad is published,
-- reserved or expired, or was closed from one of these.
CREATE TRIGGER pickup_part_moderated BEFORE INSERT ON pickup
    WHEN NEW.reservation_id IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'pickup-ad-unmoderated')
     WHERE NOT EXISTS (SELECT 1 FROM ad a
                        WHERE a.id = NEW.ad_id
                          AND (a.state IN ('published', 'reserved', 'expired')
                               OR (a.state = 'closed' AND EXISTS (
                                       SELECT 1 FROM ad_history h
                                        WHERE h.ad_id = a.id AND h.to_state = 'closed'
                                          AND h.from_state IN ('published', 'reserved',
                                                               'expired')))));
END;
-- The store takes a whole lot: none of it promised or given to a service.
CREATE TRIGGER pickup_store_no_parts BEFORE INSERT ON pickup
    WHEN NEW.purpose = 'store' BEGIN
    SELECT RAISE(ABORT, 'store-ad-parts')
     WHERE EXISTS (SELECT 1 FROM ad_reservation r
                    WHERE r.ad_id = NEW.ad_id AND r.state IN ('held', 'exchanged'));
END;
-- On its way to the store the lot waits: no part promised or given (a release gives back).
CREATE TRIGGER ad_reservation_going_to_store BEFORE INSERT ON ad_reservation
    WHEN EXISTS (SELECT 1 FROM pickup p
                  WHERE p.ad_id = NEW.ad_id AND p.purpose = 'store'
                    AND p.status IN ('requested', 'planned', 'picked_up')) BEGIN
    SELECT RAISE(ABORT, 'ad-going-to-store');
END;
CREATE TRIGGER ad_reservation_given_going_to_store BEFORE UPDATE OF state ON ad_reservation
    WHEN NEW.state = 'exchanged'
     AND EXISTS (SELECT 1 FROM pickup p
                  WHERE p.ad_id = NEW.ad_id AND p.purpose = 'store'
                    AND p.status IN ('requested', 'planned', 'picked_up')) BEGIN
    SELECT RAISE(ABORT, 'ad-going-to-store');
END;
-- ad_parts_released (020), with the removal's reason (its closing note, else « annonce
-- retirée ») on each part it releases.
DROP TRIGGER ad_parts_released;
CREATE TRIGGER ad_parts_released BEFORE UPDATE OF state ON ad
    WHEN NEW.state = 'closed' AND NEW.close_reason = 'removed' AND OLD.state <> 'closed' BEGIN
    INSERT INTO ad_history (ad_id, actor_id, at, action, from_state, to_state, reason,
                            reservation_id, quantity, service_id)
    SELECT r.ad_id, NULL, NEW.closed_at, 'release-part', OLD.state, OLD.state,
           coalesce(nullif(trim(NEW.close_note), ''), 'annonce retirée'), r.id,
           r.quantity, r.service_id
      FROM ad_reservation r WHERE r.ad_id = OLD.id AND r.state = 'held';
    UPDATE ad_reservation SET state = 'released', released_at = NEW.closed_at,
                              version = version + 1
     WHERE ad_id = OLD.id AND state = 'held';
END;
CREATE TRIGGER pickup_part_stays BEFORE UPDATE OF reservation_id ON pickup
    WHEN NEW.reservation_id IS NOT OLD.reservation_id BEGIN
    SELECT RAISE(ABORT, 'pickup-part-not-given');
END;
