-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 019 as on PostgreSQL, where the embedded mode can say it: a moderator does not hand a leaving
-- agent's ads over to themselves (an administrator may). The identity picker is no security
-- boundary; the rule is here so that both backends answer the same. The other rules of the
-- PostgreSQL step (no return in the hand-over's transaction, logins of database accounts with
-- powers, when an agent left, who edits a moderator's row) concern database sessions and roles,
-- which SQLite has not.
-- Nothing active goes under a deactivated organisation: a service or a site, whether new, moved or
-- reactivated. (An agent may stay in a closed service, as directory exports have them.)

DROP TRIGGER ad_handover_check;
CREATE TRIGGER ad_handover_check BEFORE INSERT ON ad_handover BEGIN
    SELECT RAISE(ABORT, 'handover-same-agent') WHERE NEW.from_agent_id = NEW.to_agent_id;
    SELECT RAISE(ABORT, 'handover-inactive-agent')
     WHERE NOT EXISTS (SELECT 1 FROM agent g WHERE g.id = NEW.to_agent_id AND g.active);
    SELECT RAISE(ABORT, 'handover-active-agent')
     WHERE EXISTS (SELECT 1 FROM agent g WHERE g.id = NEW.from_agent_id AND g.active);
    SELECT RAISE(ABORT, 'handover-to-self')
     WHERE NEW.to_agent_id = NEW.actor_id
       AND NOT EXISTS (SELECT 1 FROM agent g WHERE g.id = NEW.actor_id AND g.is_admin);
    SELECT RAISE(ABORT, 'handover-not-open')
     WHERE NOT EXISTS (SELECT 1 FROM ad a WHERE a.id = NEW.ad_id
                          AND a.owner_id = NEW.from_agent_id AND a.state <> 'closed');
END;

CREATE TRIGGER service_parent_insert BEFORE INSERT ON service WHEN NEW.active BEGIN
    SELECT RAISE(ABORT, 'service-inactive-organisation')
     WHERE NOT EXISTS (SELECT 1 FROM organisation p WHERE p.id = NEW.organisation_id AND p.active);
END;

CREATE TRIGGER service_parent_update BEFORE UPDATE OF organisation_id, active ON service
    WHEN NEW.active AND (NEW.organisation_id IS NOT OLD.organisation_id OR NOT OLD.active) BEGIN
    SELECT RAISE(ABORT, 'service-inactive-organisation')
     WHERE NOT EXISTS (SELECT 1 FROM organisation p WHERE p.id = NEW.organisation_id AND p.active);
END;

CREATE TRIGGER site_parent_insert BEFORE INSERT ON site WHEN NEW.active BEGIN
    SELECT RAISE(ABORT, 'site-inactive-organisation')
     WHERE NOT EXISTS (SELECT 1 FROM organisation p WHERE p.id = NEW.organisation_id AND p.active);
END;

CREATE TRIGGER site_parent_update BEFORE UPDATE OF organisation_id, active ON site
    WHEN NEW.active AND (NEW.organisation_id IS NOT OLD.organisation_id OR NOT OLD.active) BEGIN
    SELECT RAISE(ABORT, 'site-inactive-organisation')
     WHERE NOT EXISTS (SELECT 1 FROM organisation p WHERE p.id = NEW.organisation_id AND p.active);
END;
