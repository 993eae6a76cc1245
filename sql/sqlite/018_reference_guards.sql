-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 018 the database refuses what only the windows refused (issue #12), as on PostgreSQL:
-- nothing new goes to a deactivated category, site or service (what already points at one keeps
-- it); an organisation is deactivated only once none of its services and sites is active; only
-- a leaving (inactive) agent's ads are handed over; PostgreSQL's names and the application's
-- groups are nobody's login. Each message is the code the repositories read.

CREATE TRIGGER ad_reference_insert BEFORE INSERT ON ad BEGIN
    SELECT RAISE(ABORT, 'ad-inactive-category')
     WHERE NOT EXISTS (SELECT 1 FROM category c WHERE c.id = NEW.category_id AND c.active);
    SELECT RAISE(ABORT, 'ad-inactive-site')
     WHERE NOT EXISTS (SELECT 1 FROM site s WHERE s.id = NEW.site_id AND s.active);
    SELECT RAISE(ABORT, 'ad-inactive-service')
     WHERE NOT EXISTS (SELECT 1 FROM service s WHERE s.id = NEW.service_id AND s.active);
    SELECT RAISE(ABORT, 'ad-inactive-receiving-service')
     WHERE NEW.receiving_service_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM service s
                        WHERE s.id = NEW.receiving_service_id AND s.active);
END;

CREATE TRIGGER ad_reference_update
    BEFORE UPDATE OF category_id, site_id, service_id, receiving_service_id ON ad BEGIN
    SELECT RAISE(ABORT, 'ad-inactive-category')
     WHERE NEW.category_id IS NOT OLD.category_id
       AND NOT EXISTS (SELECT 1 FROM category c WHERE c.id = NEW.category_id AND c.active);
    SELECT RAISE(ABORT, 'ad-inactive-site')
     WHERE NEW.site_id IS NOT OLD.site_id
       AND NOT EXISTS (SELECT 1 FROM site s WHERE s.id = NEW.site_id AND s.active);
    SELECT RAISE(ABORT, 'ad-inactive-service')
     WHERE NEW.service_id IS NOT OLD.service_id
       AND NOT EXISTS (SELECT 1 FROM service s WHERE s.id = NEW.service_id AND s.active);
    SELECT RAISE(ABORT, 'ad-inactive-receiving-service')
     WHERE NEW.receiving_service_id IS NOT NULL
       AND NEW.receiving_service_id IS NOT OLD.receiving_service_id
       AND NOT EXISTS (SELECT 1 FROM service s
                        WHERE s.id = NEW.receiving_service_id AND s.active);
END;

CREATE TRIGGER pickup_site_insert BEFORE INSERT ON pickup BEGIN
    SELECT RAISE(ABORT, 'pickup-inactive-site')
     WHERE EXISTS (SELECT 1 FROM site s
                    WHERE s.id IN (NEW.from_site_id, NEW.to_site_id) AND NOT s.active);
END;

CREATE TRIGGER pickup_site_update BEFORE UPDATE OF from_site_id, to_site_id ON pickup
    WHEN NEW.from_site_id IS NOT OLD.from_site_id OR NEW.to_site_id IS NOT OLD.to_site_id BEGIN
    SELECT RAISE(ABORT, 'pickup-inactive-site')
     WHERE EXISTS (SELECT 1 FROM site s
                    WHERE s.id IN (NEW.from_site_id, NEW.to_site_id) AND NOT s.active);
END;

CREATE TRIGGER organisation_still_active BEFORE UPDATE OF active ON organisation
    WHEN OLD.active AND NOT NEW.active BEGIN
    SELECT RAISE(ABORT, 'organisation-still-active')
     WHERE EXISTS (SELECT 1 FROM service s WHERE s.organisation_id = OLD.id AND s.active)
        OR EXISTS (SELECT 1 FROM site s WHERE s.organisation_id = OLD.id AND s.active);
END;

DROP TRIGGER ad_handover_check;
CREATE TRIGGER ad_handover_check BEFORE INSERT ON ad_handover BEGIN
    SELECT RAISE(ABORT, 'handover-same-agent') WHERE NEW.from_agent_id = NEW.to_agent_id;
    SELECT RAISE(ABORT, 'handover-inactive-agent')
     WHERE NOT EXISTS (SELECT 1 FROM agent g WHERE g.id = NEW.to_agent_id AND g.active);
    SELECT RAISE(ABORT, 'handover-active-agent')
     WHERE EXISTS (SELECT 1 FROM agent g WHERE g.id = NEW.from_agent_id AND g.active);
    SELECT RAISE(ABORT, 'handover-not-open')
     WHERE NOT EXISTS (SELECT 1 FROM ad a WHERE a.id = NEW.ad_id
                          AND a.owner_id = NEW.from_agent_id AND a.state <> 'closed');
END;

CREATE TRIGGER agent_login_insert BEFORE INSERT ON agent BEGIN
    SELECT RAISE(ABORT, 'agent-login-reserved')
     WHERE NEW.login IN ('postgres', 'public', 'none', 'current_user', 'session_user',
                         'current_role')
        OR substr(NEW.login, 1, 3) = 'pg_' OR substr(NEW.login, 1, 6) = 'recup_';
END;

CREATE TRIGGER agent_login_update BEFORE UPDATE OF login ON agent
    WHEN NEW.login IS NOT OLD.login BEGIN
    SELECT RAISE(ABORT, 'agent-login-reserved')
     WHERE NEW.login IN ('postgres', 'public', 'none', 'current_user', 'session_user',
                         'current_role')
        OR substr(NEW.login, 1, 3) = 'pg_' OR substr(NEW.login, 1, 6) = 'recup_';
END;
