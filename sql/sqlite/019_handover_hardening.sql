-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 019 as on PostgreSQL, where the embedded mode can say it: a moderator does not hand a leaving
-- agent's ads over to themselves (an administrator may). The identity picker is no security
-- boundary; the rule is here so that both backends answer the same. The other two rules of the
-- PostgreSQL step (no return in the hand-over's transaction, logins of database accounts with
-- powers) concern database sessions and roles, which SQLite has not.

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
