-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 027 the parts of a lot, what was left (issue #13): a part given to its service may have its
-- transport, as an ad closed as exchanged has. On the single workstation the repository
-- checks the part (given, of this ad) and writes the part's service, quantity and share of the
-- weight; the history of a moderator's release keeps its reason (written by the repository).

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
CREATE TRIGGER pickup_part_stays BEFORE UPDATE OF reservation_id ON pickup
    WHEN NEW.reservation_id IS NOT OLD.reservation_id BEGIN
    SELECT RAISE(ABORT, 'pickup-part-not-given');
END;
