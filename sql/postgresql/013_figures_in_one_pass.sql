-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 013 a year's figures in under 200 ms (issue #10, recup-bench --only figures): with 100,000
-- closed ads, reading recup.closed_ads() once per statistic took 2.4 s. The server now sums
-- the closed ads in one pass (grouping sets), computes the median waits itself, and each
-- decision keeps the moment its ad was sent to moderation, instead of a lookup per decision.
-- Moderators and administrators only, as in 010: anyone else gets SQLSTATE 42501.

-- The moment the ad was last sent to moderation before this approval or rejection (NULL on
-- every other row): how long the poster waited. Written by the trigger below; clients may not
-- write the history at all (002_security.sql).
ALTER TABLE recup.ad_history ADD COLUMN pending_since timestamptz;
UPDATE recup.ad_history d
   SET pending_since = (SELECT max(s.at) FROM recup.ad_history s
                         WHERE s.ad_id = d.ad_id AND s.to_state = 'pending' AND s.at <= d.at)
 WHERE d.action IN ('approve', 'reject');

-- After each statement, so that a decision inserted with its sending to moderation in one
-- statement still finds it.
CREATE FUNCTION recup.ad_history_pending_since() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    UPDATE recup.ad_history d
       SET pending_since = (SELECT max(s.at) FROM recup.ad_history s
                             WHERE s.ad_id = d.ad_id AND s.to_state = 'pending'
                               AND s.at <= d.at)
      FROM inserted n
     WHERE d.id = n.id AND n.action IN ('approve', 'reject');
    RETURN NULL;
END
$$;
ALTER FUNCTION recup.ad_history_pending_since() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.ad_history_pending_since() FROM PUBLIC;
CREATE TRIGGER ad_history_pending_since AFTER INSERT ON recup.ad_history
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION recup.ad_history_pending_since();

-- The decisions of a period by time, carrying the wait (index-only scans).
DROP INDEX recup.ad_history_decision_idx;
CREATE INDEX ad_history_decision_idx ON recup.ad_history (at) INCLUDE (pending_since)
    WHERE action IN ('approve', 'reject');

-- The ads closed in [p_from, p_to) summed three ways at once: grouping 0 per closing reason
-- and month (month: 0 for the first, 1 after the first of p_month_starts, and so on: the
-- client knows the months of its period in the platform's time zone), grouping 1 per
-- reason and category, grouping 2 per reason, giving service and receiving service.
-- weight_grams is the weight given, else the category's unit weight × quantity, of which
-- estimated_grams is such an estimate.
CREATE FUNCTION recup.closed_ad_totals(p_from timestamptz, p_to timestamptz,
                                       p_month_starts timestamptz[])
    RETURNS TABLE (grouping_id integer, close_reason text, month integer, category_id bigint,
                   service_id bigint, receiving_service_id bigint, ads bigint, quantity bigint,
                   value_cents bigint, weight_grams bigint, estimated_grams bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    -- Enough memory to hash the three groupings instead of sorting the rows to disk; the
    -- statement is too short to repay compiling it.
    SET search_path = pg_catalog, recup, pg_temp SET work_mem = '32MB' SET jit = off AS $$
BEGIN
    IF NOT (recup.is_moderator() OR recup.is_privileged()) THEN
        RAISE EXCEPTION 'only moderators and administrators see the figures'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT CASE GROUPING(f.month, f.category_id, f.service_id, f.receiving_service_id)
                   WHEN 7 THEN 0 WHEN 11 THEN 1 ELSE 2 END,
               f.close_reason, f.month, f.category_id, f.service_id, f.receiving_service_id,
               count(*), CAST(sum(f.quantity) AS bigint), CAST(sum(f.value_cents) AS bigint),
               CAST(sum(f.weight) AS bigint), CAST(sum(f.estimated) AS bigint)
          FROM (SELECT a.close_reason, a.category_id, a.service_id, a.receiving_service_id,
                       a.quantity, a.value_cents,
                       CASE WHEN a.weight_grams > 0 THEN a.weight_grams
                            ELSE c.default_unit_weight_g * a.quantity END AS weight,
                       CASE WHEN a.weight_grams > 0 THEN 0
                            ELSE c.default_unit_weight_g * a.quantity END AS estimated,
                       coalesce(width_bucket(a.closed_at, p_month_starts), 0) AS month
                  FROM recup.ad a JOIN recup.category c ON c.id = a.category_id
                 WHERE a.state = 'closed' AND a.closed_at >= p_from AND a.closed_at < p_to) f
         GROUP BY GROUPING SETS ((f.close_reason, f.month), (f.close_reason, f.category_id),
                                 (f.close_reason, f.service_id, f.receiving_service_id));
END
$$;
ALTER FUNCTION recup.closed_ad_totals(timestamptz, timestamptz, timestamptz[])
    OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.closed_ad_totals(timestamptz, timestamptz, timestamptz[])
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.closed_ad_totals(timestamptz, timestamptz, timestamptz[])
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- How long people waited over [p_from, p_to): the exchanges closed then and the median
-- seconds from publication to the taker; the decisions taken then and the median seconds
-- from sending to moderation to the decision (NULL medians when there is none).
CREATE FUNCTION recup.median_waits(p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (exchanges bigint, median_taker_seconds double precision,
                   decisions bigint, median_decision_seconds double precision)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, recup, pg_temp SET work_mem = '32MB' SET jit = off AS $$
BEGIN
    IF NOT (recup.is_moderator() OR recup.is_privileged()) THEN
        RAISE EXCEPTION 'only moderators and administrators see the figures'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT taker.n, taker.median, decision.n, decision.median
          FROM (SELECT count(*) AS n,
                       CAST(extract(epoch FROM percentile_cont(0.5) WITHIN GROUP
                                    (ORDER BY a.closed_at - a.published_at))
                            AS double precision) AS median
                  FROM recup.ad a
                 WHERE a.state = 'closed' AND a.closed_at >= p_from AND a.closed_at < p_to
                   AND a.close_reason = 'exchanged' AND a.published_at IS NOT NULL) taker,
               (SELECT count(*) AS n,
                       CAST(extract(epoch FROM percentile_cont(0.5) WITHIN GROUP
                                    (ORDER BY h.at - h.pending_since))
                            AS double precision) AS median
                  FROM recup.ad_history h
                 WHERE h.action IN ('approve', 'reject') AND h.at >= p_from AND h.at < p_to
                   AND h.pending_since IS NOT NULL) decision;
END
$$;
ALTER FUNCTION recup.median_waits(timestamptz, timestamptz) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.median_waits(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.median_waits(timestamptz, timestamptz)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- The services that never posted an ad nor received an exchange: the ones to tell about the
-- platform. Replaces recup.service_activity(), which counted every service's ads twice.
CREATE FUNCTION recup.inactive_services()
    RETURNS TABLE (service_id bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF NOT (recup.is_moderator() OR recup.is_privileged()) THEN
        RAISE EXCEPTION 'only moderators and administrators see the figures'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT s.id FROM recup.service s
         WHERE NOT EXISTS (SELECT 1 FROM recup.ad a WHERE a.service_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM recup.ad a WHERE a.receiving_service_id = s.id)
         ORDER BY s.id;
END
$$;
ALTER FUNCTION recup.inactive_services() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.inactive_services() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.inactive_services()
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- Read by nothing any more: the waits and the inactive services above replace them.
DROP FUNCTION recup.decisions(timestamptz, timestamptz);
DROP FUNCTION recup.service_activity();
