-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 006 photos of an approved ad change only through moderation: enforced by PostgreSQL's
-- ad_photo_guard. The embedded single-workstation database has no logins to tell a moderator
-- from an owner; the application sends the ad back to moderation itself (AdRepository::update).

SELECT 1;
