-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 022 « available from » (issue #13, posting): the day from which the item can be collected
-- ('YYYY-MM-DD', a day of the platform's calendar), NULL for ads posted before it existed.
-- Not a material change: it does not send a published ad back to moderation.
ALTER TABLE ad ADD COLUMN available_from TEXT
    CHECK (available_from IS NULL OR date(available_from) = available_from);
