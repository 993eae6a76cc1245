-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 012 the figures over a year of closed ads (issue #10, recup-bench --only figures): with
-- 100,000 closed ads every statistic read the whole ad table, each service's activity twice,
-- and JIT-compiled each statement. The closed ads by closing time, carrying the facts'
-- columns (index-only scans); the ads per posting and receiving service; the moments ads were
-- sent to moderation and the decisions.

CREATE INDEX ad_closed_idx ON recup.ad (closed_at)
    INCLUDE (close_reason, category_id, service_id, receiving_service_id, quantity,
             value_cents, weight_grams, published_at)
    WHERE state = 'closed';
CREATE INDEX ad_service_idx ON recup.ad (service_id);
CREATE INDEX ad_receiving_service_idx ON recup.ad (receiving_service_id)
    WHERE receiving_service_id IS NOT NULL;
CREATE INDEX ad_history_pending_idx ON recup.ad_history (ad_id, at) WHERE to_state = 'pending';
CREATE INDEX ad_history_decision_idx ON recup.ad_history (at)
    WHERE action IN ('approve', 'reject');
