-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 016 the moderation desk and the reference data (issue #12), as on PostgreSQL: reference rows
-- are deactivated and carry a version (the repository moves it by one on every update);
-- categories keep the words that suggest them when excluded; moderators claim the pending ad
-- they look at; rejection templates; a leaving agent's ads handed over (a row of ad_handover,
-- whose trigger gives each ad its new owner and a 'handover' step in its history). No
-- notification here: the embedded demo's moderation window polls.

ALTER TABLE organisation ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE organisation ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE service ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE service ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE site ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE category ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE category ADD COLUMN warning_words TEXT NOT NULL DEFAULT ''
    CHECK (length(warning_words) <= 2000);
ALTER TABLE category ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agent ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE moderation_claim (
    ad_id        INTEGER PRIMARY KEY REFERENCES ad ON DELETE CASCADE,
    moderator_id INTEGER NOT NULL REFERENCES agent,
    claimed_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE rejection_template (
    id       INTEGER PRIMARY KEY,
    title    TEXT NOT NULL CHECK (trim(title) <> '' AND length(title) <= 80),
    body     TEXT NOT NULL CHECK (trim(body) <> '' AND length(body) <= 2000),
    position INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1,
    version  INTEGER NOT NULL DEFAULT 1
);
INSERT INTO rejection_template (title, body, position) VALUES
    ('Photos insuffisantes',
     'Les photos ne permettent pas de juger l’état de l’objet. Ajoutez une photo nette de l’objet entier, puis soumettez l’annonce à nouveau.', 1),
    ('Matériel informatique',
     'Le matériel informatique (ordinateurs, écrans, imprimantes, téléphones…) ne passe pas par Collectiv’Récup : adressez-vous au service informatique, qui en assure le réemploi ou le recyclage.', 2),
    ('Description incomplète',
     'Précisez les dimensions, le nombre d’objets et leur état (rayures, pièces manquantes) dans la description.', 3),
    ('Usage non professionnel',
     'Les échanges se font entre services, pour un usage professionnel uniquement.', 4),
    ('Objet hors d’usage',
     'Un objet cassé ou dangereux ne peut pas être proposé au réemploi : orientez-le vers la déchèterie.', 5);

CREATE TABLE ad_handover (
    id            INTEGER PRIMARY KEY,
    ad_id         INTEGER NOT NULL REFERENCES ad,
    from_agent_id INTEGER NOT NULL REFERENCES agent,
    to_agent_id   INTEGER NOT NULL REFERENCES agent,
    actor_id      INTEGER REFERENCES agent,
    at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ad_handover_ad_idx ON ad_handover (ad_id, at);

-- Only an open ad of the agent named, to an active agent.
CREATE TRIGGER ad_handover_check BEFORE INSERT ON ad_handover BEGIN
    SELECT RAISE(ABORT, 'handover-same-agent') WHERE NEW.from_agent_id = NEW.to_agent_id;
    SELECT RAISE(ABORT, 'handover-inactive-agent')
     WHERE NOT EXISTS (SELECT 1 FROM agent g WHERE g.id = NEW.to_agent_id AND g.active);
    SELECT RAISE(ABORT, 'handover-not-open')
     WHERE NOT EXISTS (SELECT 1 FROM ad a WHERE a.id = NEW.ad_id
                          AND a.owner_id = NEW.from_agent_id AND a.state <> 'closed');
END;

CREATE TRIGGER ad_handover_apply AFTER INSERT ON ad_handover BEGIN
    INSERT INTO ad_history (ad_id, actor_id, at, action, from_state, to_state, reason)
        SELECT a.id, NEW.actor_id, NEW.at, 'handover', a.state, a.state,
               coalesce((SELECT g.display_name FROM agent g WHERE g.id = a.owner_id), '')
          FROM ad a WHERE a.id = NEW.ad_id;
    UPDATE ad
       SET owner_id = NEW.to_agent_id,
           service_id = (SELECT g.service_id FROM agent g WHERE g.id = NEW.to_agent_id),
           version = version + 1
     WHERE id = NEW.ad_id;
END;
