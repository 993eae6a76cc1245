-- SPDX-FileCopyrightText: Collectiv'Récup developers
-- SPDX-License-Identifier: GPL-3.0-or-later
-- 010 the figures are the moderators' (issue #10): the facts of every ad closed in a period —
-- why, when, which category and services, how many, the estimated € value, and the weight
-- given, else the category's unit weight × quantity, marked as estimated. Every statistic
-- aggregates these rows (StatisticsRepository); anyone else asking gets SQLSTATE 42501.

CREATE FUNCTION recup.closed_ads(p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (ad_id bigint, close_reason text, closed_at timestamptz, category_id bigint,
                   service_id bigint, receiving_service_id bigint, quantity integer,
                   value_cents bigint, weight_grams bigint, weight_estimated boolean,
                   published_at timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF NOT (recup.is_moderator() OR recup.is_privileged()) THEN
        RAISE EXCEPTION 'only moderators and administrators see the figures'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT a.id, a.close_reason, a.closed_at, a.category_id, a.service_id,
               a.receiving_service_id, a.quantity, a.value_cents,
               CASE WHEN a.weight_grams > 0 THEN a.weight_grams
                    ELSE c.default_unit_weight_g * a.quantity END,
               a.weight_grams = 0, a.published_at
          FROM recup.ad a JOIN recup.category c ON c.id = a.category_id
         WHERE a.state = 'closed' AND a.closed_at >= p_from AND a.closed_at < p_to;
END
$$;
ALTER FUNCTION recup.closed_ads(timestamptz, timestamptz) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.closed_ads(timestamptz, timestamptz) FROM PUBLIC;
-- Every group may call it; only moderators and administrators get an answer.
GRANT EXECUTE ON FUNCTION recup.closed_ads(timestamptz, timestamptz)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- The moderators' decisions taken in a period, each with the moment the ad was last sent to
-- moderation before it: how long agents wait for an answer. Moderators and administrators only.
CREATE FUNCTION recup.decisions(p_from timestamptz, p_to timestamptz)
    RETURNS TABLE (ad_id bigint, submitted_at timestamptz, decided_at timestamptz, decision text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF NOT (recup.is_moderator() OR recup.is_privileged()) THEN
        RAISE EXCEPTION 'only moderators and administrators see the figures'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT d.ad_id,
               (SELECT max(s.at) FROM recup.ad_history s
                 WHERE s.ad_id = d.ad_id AND s.to_state = 'pending' AND s.at <= d.at),
               d.at, d.action
          FROM recup.ad_history d
         WHERE d.action IN ('approve', 'reject') AND d.at >= p_from AND d.at < p_to;
END
$$;
ALTER FUNCTION recup.decisions(timestamptz, timestamptz) OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.decisions(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.decisions(timestamptz, timestamptz)
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;

-- For every service, how many ads it ever posted and how many exchanges it received: the
-- services never active are the ones to tell about the platform. Moderators and
-- administrators only.
CREATE FUNCTION recup.service_activity()
    RETURNS TABLE (service_id bigint, posted bigint, received bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, recup, pg_temp AS $$
BEGIN
    IF NOT (recup.is_moderator() OR recup.is_privileged()) THEN
        RAISE EXCEPTION 'only moderators and administrators see the figures'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT s.id,
               (SELECT count(*) FROM recup.ad a WHERE a.service_id = s.id),
               (SELECT count(*) FROM recup.ad a WHERE a.receiving_service_id = s.id)
          FROM recup.service s;
END
$$;
ALTER FUNCTION recup.service_activity() OWNER TO recup_owner;
REVOKE ALL ON FUNCTION recup.service_activity() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recup.service_activity()
    TO recup_agent, recup_moderator, recup_logistics, recup_admin;
