-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 029 the catalogue reads each ad's first photo key (id, version) from an index (issue #13):
-- the same index as SQLite's, where reading the version from the table walks the JPEG's pages.
-- Here it lets the two key lookups of a page row be index-only scans.

CREATE INDEX ad_photo_key_idx ON recup.ad_photo (ad_id, position) INCLUDE (id, version);
