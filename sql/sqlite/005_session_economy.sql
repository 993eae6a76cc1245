-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 005 the index « Mes annonces » pages by. SQLite has no notifications: the reference cache
-- polls instead of the PostgreSQL triggers of the same step.

CREATE INDEX ad_owner_changed_idx ON ad (owner_id, updated_at DESC, id DESC);
