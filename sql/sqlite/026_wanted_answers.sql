-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 026 answering a wanted ad with Contact, and asking once: the same change as
-- sql/postgresql/026_wanted_answers.sql (the reasons are there), in SQLite's dialect. A
-- contact request is about an ad or a wanted ad, exactly one; SQLite cannot drop a NOT NULL,
-- so the table is rebuilt with its rows. The trigger refuses a second request of the same
-- requester about the same ad (since it last went to the store) or the same wanted ad, with
-- the codes PostgreSQL gives as its hint; as there, unique indexes keep once (an ad's request
-- carries its round, asked_round: when the ad last went to the store, or '-infinity'), and
-- deactivating an agent closes their open wanted ads.

CREATE TABLE contact_request_026 (
    id                    INTEGER PRIMARY KEY,
    ad_id                 INTEGER REFERENCES ad,
    wanted_ad_id          INTEGER REFERENCES wanted_ad,
    requester_id          INTEGER NOT NULL REFERENCES agent,
    requesting_service_id INTEGER NOT NULL REFERENCES service,
    message               TEXT NOT NULL CHECK (length(trim(message)) BETWEEN 1 AND 2000),
    message_id            TEXT NOT NULL CHECK (message_id <> ''),
    created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    asked_round           TEXT,
    CHECK ((ad_id IS NULL) <> (wanted_ad_id IS NULL))
);
INSERT INTO contact_request_026 (id, ad_id, requester_id, requesting_service_id, message,
                                 message_id, created_at)
SELECT id, ad_id, requester_id, requesting_service_id, message, message_id, created_at
  FROM contact_request;
DROP TABLE contact_request;
ALTER TABLE contact_request_026 RENAME TO contact_request;
CREATE INDEX contact_request_ad_idx ON contact_request (ad_id, created_at);
CREATE INDEX contact_request_requester_idx ON contact_request (requester_id);
CREATE INDEX contact_request_wanted_idx ON contact_request (wanted_ad_id, created_at)
    WHERE wanted_ad_id IS NOT NULL;
-- The latest request of each requester about an ad, in the ad's current round, takes it.
UPDATE contact_request
   SET asked_round = coalesce((SELECT a.stored_at FROM ad a WHERE a.id = contact_request.ad_id),
                              '-infinity')
 WHERE id IN (SELECT max(c.id) FROM contact_request c JOIN ad a ON a.id = c.ad_id
               WHERE a.stored_at IS NULL OR c.created_at >= a.stored_at
               GROUP BY c.ad_id, c.requester_id);
CREATE UNIQUE INDEX contact_request_asked_once
    ON contact_request (ad_id, requester_id, asked_round) WHERE ad_id IS NOT NULL;
CREATE UNIQUE INDEX contact_request_answered_once
    ON contact_request (wanted_ad_id, requester_id) WHERE wanted_ad_id IS NOT NULL;

CREATE TRIGGER contact_request_once BEFORE INSERT ON contact_request
    WHEN NEW.ad_id IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'contact-already-asked: one contact request per ad and requester')
     WHERE EXISTS (SELECT 1 FROM contact_request c JOIN ad a ON a.id = c.ad_id
                    WHERE c.ad_id = NEW.ad_id AND c.requester_id = NEW.requester_id
                      AND (a.stored_at IS NULL OR c.created_at >= a.stored_at));
END;

CREATE TRIGGER contact_request_answer_once BEFORE INSERT ON contact_request
    WHEN NEW.wanted_ad_id IS NOT NULL BEGIN
    SELECT RAISE(ABORT, 'contact-already-answered: one answer per wanted ad and requester')
     WHERE EXISTS (SELECT 1 FROM contact_request c
                    WHERE c.wanted_ad_id = NEW.wanted_ad_id
                      AND c.requester_id = NEW.requester_id);
END;

CREATE TRIGGER contact_request_round AFTER INSERT ON contact_request
    WHEN NEW.ad_id IS NOT NULL BEGIN
    UPDATE contact_request
       SET asked_round = coalesce((SELECT a.stored_at FROM ad a WHERE a.id = NEW.ad_id),
                                  '-infinity')
     WHERE id = NEW.id;
END;

CREATE TRIGGER agent_closes_wanted AFTER UPDATE OF active ON agent
    WHEN OLD.active AND NOT NEW.active BEGIN
    UPDATE wanted_ad SET state = 'closed', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE author_id = NEW.id AND state = 'open';
END;

UPDATE wanted_ad SET state = 'closed', closed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
 WHERE state = 'open' AND author_id IN (SELECT id FROM agent WHERE NOT active);
