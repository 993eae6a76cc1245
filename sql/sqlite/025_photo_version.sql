-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 025 the catalogue's thumbnails travel apart from its pages (issue #13): a page names each ad's
-- first photo by (id, version), and the workstation keeps the thumbnails it read under that key.
-- SQLite reuses the largest rowid after a delete (photos are replaced by delete and insert), so
-- the id alone could name a new picture: the version comes from a counter that only grows.

ALTER TABLE ad_photo ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE ad_photo_version_counter (last INTEGER NOT NULL);

INSERT INTO ad_photo_version_counter (last) SELECT coalesce(max(id), 0) FROM ad_photo;

UPDATE ad_photo SET version = id;

CREATE TRIGGER ad_photo_version_insert AFTER INSERT ON ad_photo
BEGIN
    UPDATE ad_photo_version_counter SET last = last + 1;
    UPDATE ad_photo SET version = (SELECT last FROM ad_photo_version_counter) WHERE id = NEW.id;
END;

CREATE TRIGGER ad_photo_version_update AFTER UPDATE OF jpeg, thumbnail ON ad_photo
BEGIN
    UPDATE ad_photo_version_counter SET last = last + 1;
    UPDATE ad_photo SET version = (SELECT last FROM ad_photo_version_counter) WHERE id = NEW.id;
END;
