-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 008 the room of an approved ad changes only through moderation: enforced by PostgreSQL's
-- ad_guard. The embedded single-workstation database has no logins to tell a moderator from an
-- owner; the application sends the ad back to moderation itself (AdRepository::update).

SELECT 1;
