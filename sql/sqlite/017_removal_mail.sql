-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 017 a moderator's removal of an ad mails its poster (issue #12): on PostgreSQL a new branch
-- of outbox_verdict. The embedded single-workstation database has no verdict (no logins to
-- tell an author from another) and no list of kinds on the outbox (CHECK kind <> ''): nothing
-- to change here; the mail is written by AdWorkflow on both backends.

SELECT 1;
