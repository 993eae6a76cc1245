-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 005 what workstations need to read less: a notification when reference data changes (each
-- workstation's reference cache reads the four tables again instead of polling), and the
-- index « Mes annonces » pages by (the owner's ads, most recently changed first).

CREATE FUNCTION recup.notify_reference_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, recup AS $$
BEGIN
    -- One notification per statement; the payload names the table, no row data.
    PERFORM pg_catalog.pg_notify('recup_reference', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
ALTER FUNCTION recup.notify_reference_change() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.notify_reference_change() FROM PUBLIC;

CREATE TRIGGER organisation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON recup.organisation FOR EACH STATEMENT EXECUTE FUNCTION recup.notify_reference_change();
CREATE TRIGGER service_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON recup.service FOR EACH STATEMENT EXECUTE FUNCTION recup.notify_reference_change();
CREATE TRIGGER site_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON recup.site FOR EACH STATEMENT EXECUTE FUNCTION recup.notify_reference_change();
CREATE TRIGGER category_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON recup.category FOR EACH STATEMENT EXECUTE FUNCTION recup.notify_reference_change();

CREATE INDEX ad_owner_changed_idx ON recup.ad (owner_id, updated_at DESC, id DESC);
