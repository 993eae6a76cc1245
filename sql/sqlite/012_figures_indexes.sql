-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 012 the figures over a year of closed ads (issue #10): the same indexes as PostgreSQL's
-- 012 (SQLite has no INCLUDE: the facts' columns follow the key).

CREATE INDEX ad_closed_idx ON ad (closed_at, close_reason, category_id, service_id,
                                  receiving_service_id, quantity, value_cents, weight_grams,
                                  published_at)
    WHERE state = 'closed';
CREATE INDEX ad_service_idx ON ad (service_id);
CREATE INDEX ad_receiving_service_idx ON ad (receiving_service_id)
    WHERE receiving_service_id IS NOT NULL;
CREATE INDEX ad_history_pending_idx ON ad_history (ad_id, at) WHERE to_state = 'pending';
CREATE INDEX ad_history_decision_idx ON ad_history (at) WHERE action IN ('approve', 'reject');
