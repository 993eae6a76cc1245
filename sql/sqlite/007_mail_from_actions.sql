-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 007 only actions send mail: the outbox columns of sql/postgresql/007_mail_from_actions.sql.
-- The single workstation has no roles to keep apart (002_security.sql): no verdict function,
-- no mail_policy table (the workstation's own mail settings name the sender); its senders
-- still refuse a row whose headers disagree with its envelope.

ALTER TABLE outbox ADD COLUMN action_id INTEGER;
ALTER TABLE outbox ADD COLUMN refusal TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX outbox_action_once ON outbox (kind, action_id)
    WHERE action_id IS NOT NULL AND kind <> 'expiry-reminder';
