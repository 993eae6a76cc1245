-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 013 a year's figures in one pass (issue #10): each decision keeps the moment its ad was
-- last sent to moderation, as on PostgreSQL, so that the median wait reads one row per
-- decision. The sums and medians themselves are SqlDialect's statements (closedAdTotals,
-- medianWaits, inactiveServices).

ALTER TABLE ad_history ADD COLUMN pending_since TEXT;
UPDATE ad_history
   SET pending_since = (SELECT max(s.at) FROM ad_history s
                         WHERE s.ad_id = ad_history.ad_id AND s.to_state = 'pending'
                           AND s.at <= ad_history.at)
 WHERE action IN ('approve', 'reject');

CREATE TRIGGER ad_history_pending_since AFTER INSERT ON ad_history
    WHEN NEW.action IN ('approve', 'reject') BEGIN
    UPDATE ad_history
       SET pending_since = (SELECT max(s.at) FROM ad_history s
                             WHERE s.ad_id = NEW.ad_id AND s.to_state = 'pending'
                               AND s.at <= NEW.at)
     WHERE id = NEW.id;
END;

DROP INDEX ad_history_decision_idx;
CREATE INDEX ad_history_decision_idx ON ad_history (at, pending_since)
    WHERE action IN ('approve', 'reject');
