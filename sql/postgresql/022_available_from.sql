-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 022 « available from » (issue #13, posting): the day from which the item can be collected, a
-- day of the platform's calendar (Europe/Paris), NULL for ads posted before it existed
-- (available at once). It is a fact of the item like its quantity, not words moderators
-- approved: recup.ad_guard's material columns leave it out, so changing it on a published ad
-- keeps it published. Agents read and write it with the other columns of their ads.
ALTER TABLE recup.ad ADD COLUMN available_from date;

GRANT SELECT (available_from) ON recup.ad TO recup_agent, recup_logistics;
GRANT INSERT (available_from) ON recup.ad TO recup_agent, recup_admin;
GRANT UPDATE (available_from) ON recup.ad TO recup_agent, recup_moderator, recup_admin;
