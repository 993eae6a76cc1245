-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 010 the facts of the ads closed in a period: PostgreSQL's recup.closed_ads() keeps them to
-- moderators; the single workstation reads the same rows through SqlDialect::closedAds().

SELECT 1;
