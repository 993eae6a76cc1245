-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 009 each category carries what reusing one kilogram of it avoids: kilograms of CO2e per
-- kilogram reused, kept as grams per kilogram (integers, like money and weights), and where
-- the factor comes from, in words, shown wherever a figure uses it. NULL: no factor known; the
-- reports say so rather than count zero. The category's policies and grants (002) cover the
-- new columns: everyone reads them, moderators and administrators keep them.

ALTER TABLE recup.category
    ADD COLUMN co2e_g_per_kg integer CHECK (co2e_g_per_kg BETWEEN 0 AND 100000);
ALTER TABLE recup.category
    ADD COLUMN co2e_source text NOT NULL DEFAULT ''
    CHECK (co2e_g_per_kg IS NULL OR btrim(co2e_source) <> '');
