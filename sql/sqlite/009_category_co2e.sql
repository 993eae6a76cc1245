-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 009 the CO2e factor of each category and its source: the columns of
-- sql/postgresql/009_category_co2e.sql.

ALTER TABLE category
    ADD COLUMN co2e_g_per_kg INTEGER CHECK (co2e_g_per_kg BETWEEN 0 AND 100000);
ALTER TABLE category
    ADD COLUMN co2e_source TEXT NOT NULL DEFAULT ''
    CHECK (co2e_g_per_kg IS NULL OR trim(co2e_source) <> '');
