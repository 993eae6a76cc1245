-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 029 the catalogue reads each ad's first photo key (id, version) from an index alone (issue
-- #13, cold start). SQLite stores a row's columns in order, the version after the photo's
-- bytes: read from the table, each key walked every overflow page of the JPEG, and the page's
-- join scanned the whole photo table for a Bloom filter (11,000 page reads at 100,000 ads).
-- The id is the rowid, in every index.

CREATE INDEX ad_photo_key_idx ON ad_photo (ad_id, position, version);
