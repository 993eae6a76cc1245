-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 025 the catalogue's thumbnails travel apart from its pages (issue #13): a page names each ad's
-- first photo by (id, version), and a workstation fetches in one batch only the thumbnails it
-- does not already hold. The version changes whenever the picture does: a new row takes the
-- next number, and so does a row whose jpeg or thumbnail is rewritten (only recup_owner may
-- update a photo today, but a cache must not trust that). The numbers come from one sequence
-- that no client role may use: the trigger sets them, whatever a client sends. Reading a
-- version is reading the photo's row: the policy read_with_ad (002) still decides, so a
-- thumbnail is readable exactly where its ad is.

CREATE SEQUENCE recup.ad_photo_version_seq AS bigint;
ALTER SEQUENCE recup.ad_photo_version_seq OWNER TO recup_owner;
REVOKE ALL ON SEQUENCE recup.ad_photo_version_seq FROM PUBLIC;

-- Existing photos are numbered by the table's rewrite (a volatile default), which fires no
-- trigger; new rows get theirs from the trigger below.
ALTER TABLE recup.ad_photo
    ADD COLUMN version bigint NOT NULL DEFAULT nextval('recup.ad_photo_version_seq');
ALTER TABLE recup.ad_photo ALTER COLUMN version DROP DEFAULT;

CREATE FUNCTION recup.ad_photo_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    NEW.version := nextval('recup.ad_photo_version_seq');
    RETURN NEW;
END
$$;
ALTER FUNCTION recup.ad_photo_version() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.ad_photo_version() FROM PUBLIC;

CREATE TRIGGER ad_photo_version BEFORE INSERT OR UPDATE OF jpeg, thumbnail ON recup.ad_photo
    FOR EACH ROW EXECUTE FUNCTION recup.ad_photo_version();
