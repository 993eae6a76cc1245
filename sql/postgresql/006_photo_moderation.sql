-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 006 what a moderator approved cannot change unseen, photos included. A change of the photos
-- of a published, reserved or expired ad (one added, removed, or its place changed) is refused
-- at commit unless the ad went back to moderation in the same transaction — exactly as a
-- change of its title, description or category is (ad_guard, 002). Moderators and the
-- privileged roles may still correct photos without a new moderation.

CREATE FUNCTION recup.ad_photo_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
DECLARE
    target bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.ad_id ELSE NEW.ad_id END;
    state_now text;
BEGIN
    IF recup.is_privileged() OR recup.is_moderator() THEN
        RETURN NULL;
    END IF;
    -- Checked at commit (a deferred trigger): the state the transaction leaves the ad in.
    SELECT a.state INTO state_now FROM recup.ad a WHERE a.id = target;
    IF state_now IN ('published', 'reserved', 'expired') THEN
        RAISE EXCEPTION 'the photos of a published ad change only by sending it back to moderation'
            USING ERRCODE = '42501';
    END IF;
    RETURN NULL;
END
$$;
ALTER FUNCTION recup.ad_photo_guard() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.ad_photo_guard() FROM PUBLIC;

CREATE CONSTRAINT TRIGGER ad_photo_guard AFTER INSERT OR UPDATE OR DELETE ON recup.ad_photo
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION recup.ad_photo_guard();
