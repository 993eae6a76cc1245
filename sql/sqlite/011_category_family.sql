-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 011 the product family of each category for the yearly reuse declaration: the column of
-- sql/postgresql/011_category_family.sql.

ALTER TABLE category
    ADD COLUMN product_family TEXT NOT NULL DEFAULT 'other'
    CHECK (product_family IN ('seats', 'tables', 'desks', 'storage', 'other'));
