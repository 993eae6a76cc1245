-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 011 each category belongs to one product family of the yearly reuse declaration public
-- buyers owe (loi AGEC art. 58, décret 2024-134): seats, tables, desks, storage, or other.
-- The category's policies and grants (002) cover the new column: everyone reads it,
-- moderators and administrators keep it.

ALTER TABLE recup.category
    ADD COLUMN product_family text NOT NULL DEFAULT 'other'
    CHECK (product_family IN ('seats', 'tables', 'desks', 'storage', 'other'));
