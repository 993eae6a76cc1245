-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 024 on PostgreSQL, ad_guard checks the moderated content and the 'removed' reason on every
-- step of the lifecycle, against a client with psql. The embedded single-workstation mode has no
-- such client (its identity picker is no security boundary): nothing to change here.
SELECT 1;
