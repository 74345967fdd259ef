-- Rollups behind GET /api/stats, so a year's statistics read a few thousand small rows instead of
-- millions of decisions. Days are calendar days in Europe/Oslo. Besides a row per day, the larger
-- tables keep a row per whole month (monthly = true, day = the month's first day): a period reads
-- the months it covers whole and only the days at its edges.
-- Kept by statement-level triggers on suggestions and decisions, in the writer's own transaction:
-- correct for every writer (the API, imports, retention deletes, bulk loads), and a bulk statement
-- is aggregated once instead of row by row. Each statement upserts rows sorted by key, so
-- concurrent statements lock rollup rows in one order.
-- Assumes a suggestion's classification (action, unit, confidence, needs_review, flags,
-- created_at) is written once and never updated; the API never updates it.

-- Per day: decisions (by decided_at) and suggestions with their model tokens (by created_at).
CREATE TABLE stats_daily (
    mailbox_id        uuid NOT NULL,
    day               date NOT NULL,
    decisions         integer NOT NULL DEFAULT 0,
    accepted          integer NOT NULL DEFAULT 0,
    needs_review      integer NOT NULL DEFAULT 0,
    fallback          integer NOT NULL DEFAULT 0,
    suggestions       integer NOT NULL DEFAULT 0,
    prompt_tokens     bigint NOT NULL DEFAULT 0,
    completion_tokens bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (mailbox_id, day)
) WITH (fillfactor = 70);

-- Suggested against chosen action and unit; accepted is counted from the decision as stored.
CREATE TABLE stats_outcomes (
    mailbox_id       uuid NOT NULL,
    monthly          boolean NOT NULL,
    day              date NOT NULL,
    suggested_action text NOT NULL,
    suggested_unit   text,
    chosen_action    text NOT NULL,
    chosen_unit      text,
    decisions        integer NOT NULL,
    accepted         integer NOT NULL,
    UNIQUE NULLS NOT DISTINCT (mailbox_id, monthly, day, suggested_action, suggested_unit, chosen_action, chosen_unit)
) WITH (fillfactor = 70);

-- Confidence in steps of 0.05: bucket b holds b*0.05 <= confidence < (b+1)*0.05, and 20 holds 1.0,
-- so "confidence >= t" is exact for every t that is a multiple of 0.05.
CREATE TABLE stats_confidence (
    mailbox_id        uuid NOT NULL,
    monthly           boolean NOT NULL,
    day               date NOT NULL,
    confidence_bucket smallint NOT NULL,
    decisions         integer NOT NULL,
    accepted          integer NOT NULL,
    PRIMARY KEY (mailbox_id, monthly, day, confidence_bucket)
) WITH (fillfactor = 70);

-- Seconds from suggestion to decision as a histogram with 8 buckets per doubling (each about 9 %
-- wide), from which the median is interpolated.
CREATE TABLE stats_timing (
    mailbox_id     uuid NOT NULL,
    monthly        boolean NOT NULL,
    day            date NOT NULL,
    seconds_bucket smallint NOT NULL,
    decisions      integer NOT NULL,
    PRIMARY KEY (mailbox_id, monthly, day, seconds_bucket)
) WITH (fillfactor = 70);

-- Per employee; shown only when Stats__PerEmployee is true (Working Environment Act, chapter 9).
CREATE TABLE stats_employees (
    mailbox_id uuid NOT NULL,
    monthly    boolean NOT NULL,
    day        date NOT NULL,
    decided_by text NOT NULL,
    decisions  integer NOT NULL,
    accepted   integer NOT NULL,
    PRIMARY KEY (mailbox_id, monthly, day, decided_by)
) WITH (fillfactor = 70);

CREATE FUNCTION stats_day(at timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (at AT TIME ZONE 'Europe/Oslo')::date;

-- Exact at the edges: for each multiple t of 0.05, floor(t * 20) in double precision is t's own bucket.
CREATE FUNCTION stats_confidence_bucket(confidence double precision) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN least(floor(confidence * 20), 20)::smallint;

CREATE FUNCTION stats_seconds_bucket(seconds double precision) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN floor(8 * ln(1 + greatest(seconds, 0)) / ln(2))::smallint;

CREATE FUNCTION stats_seconds_bucket_start(bucket smallint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN power(2, bucket / 8.0) - 1;

-- Adds (direction 1) or takes away (direction -1) what the given rows contribute.
CREATE FUNCTION stats_add_decisions(changed decisions[], direction integer) RETURNS void
    LANGUAGE sql AS $$
    WITH facts AS MATERIALIZED (
        SELECT d.mailbox_id, stats_day(d.decided_at) AS day, d.accepted, d.decided_by,
               s.action AS suggested_action, s.unit_id AS suggested_unit, d.action AS chosen_action, d.unit_id AS chosen_unit,
               s.needs_review, 'fallback' = ANY (s.flags) AS fallback,
               stats_confidence_bucket(s.confidence) AS confidence_bucket,
               stats_seconds_bucket(extract(epoch FROM d.decided_at - s.created_at)::double precision) AS seconds_bucket
        FROM unnest(changed) d JOIN suggestions s ON s.id = d.suggestion_id
    ),
    spans AS MATERIALIZED (
        SELECT f.mailbox_id, g.monthly, CASE WHEN g.monthly THEN date_trunc('month', f.day)::date ELSE f.day END AS day,
               f.accepted, f.decided_by, f.suggested_action, f.suggested_unit, f.chosen_action, f.chosen_unit,
               f.confidence_bucket, f.seconds_bucket
        FROM facts f CROSS JOIN (VALUES (false), (true)) AS g (monthly)
    ),
    daily AS (
        INSERT INTO stats_daily AS t (mailbox_id, day, decisions, accepted, needs_review, fallback)
        SELECT mailbox_id, day, direction * count(*), direction * count(*) FILTER (WHERE accepted),
               direction * count(*) FILTER (WHERE needs_review), direction * count(*) FILTER (WHERE fallback)
        FROM facts GROUP BY mailbox_id, day ORDER BY mailbox_id, day
        ON CONFLICT (mailbox_id, day) DO UPDATE SET
            decisions = t.decisions + excluded.decisions, accepted = t.accepted + excluded.accepted,
            needs_review = t.needs_review + excluded.needs_review, fallback = t.fallback + excluded.fallback
    ),
    outcomes AS (
        INSERT INTO stats_outcomes AS t (mailbox_id, monthly, day, suggested_action, suggested_unit, chosen_action, chosen_unit, decisions, accepted)
        SELECT mailbox_id, monthly, day, suggested_action, suggested_unit, chosen_action, chosen_unit,
               direction * count(*), direction * count(*) FILTER (WHERE accepted)
        FROM spans GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT (mailbox_id, monthly, day, suggested_action, suggested_unit, chosen_action, chosen_unit) DO UPDATE SET
            decisions = t.decisions + excluded.decisions, accepted = t.accepted + excluded.accepted
    ),
    confidence AS (
        INSERT INTO stats_confidence AS t (mailbox_id, monthly, day, confidence_bucket, decisions, accepted)
        SELECT mailbox_id, monthly, day, confidence_bucket, direction * count(*), direction * count(*) FILTER (WHERE accepted)
        FROM spans GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (mailbox_id, monthly, day, confidence_bucket) DO UPDATE SET
            decisions = t.decisions + excluded.decisions, accepted = t.accepted + excluded.accepted
    ),
    timing AS (
        INSERT INTO stats_timing AS t (mailbox_id, monthly, day, seconds_bucket, decisions)
        SELECT mailbox_id, monthly, day, seconds_bucket, direction * count(*)
        FROM spans GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (mailbox_id, monthly, day, seconds_bucket) DO UPDATE SET decisions = t.decisions + excluded.decisions
    ),
    employees AS (
        INSERT INTO stats_employees AS t (mailbox_id, monthly, day, decided_by, decisions, accepted)
        SELECT mailbox_id, monthly, day, decided_by, direction * count(*), direction * count(*) FILTER (WHERE accepted)
        FROM spans GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (mailbox_id, monthly, day, decided_by) DO UPDATE SET
            decisions = t.decisions + excluded.decisions, accepted = t.accepted + excluded.accepted
    )
    SELECT;
$$;

CREATE FUNCTION stats_add_suggestions(changed suggestions[], direction integer) RETURNS void
    LANGUAGE sql AS $$
    INSERT INTO stats_daily AS t (mailbox_id, day, suggestions, prompt_tokens, completion_tokens)
    SELECT s.mailbox_id, stats_day(s.created_at), direction * count(*),
           direction * coalesce(sum(s.prompt_tokens), 0), direction * coalesce(sum(s.completion_tokens), 0)
    FROM unnest(changed) s GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (mailbox_id, day) DO UPDATE SET
        suggestions = t.suggestions + excluded.suggestions,
        prompt_tokens = t.prompt_tokens + excluded.prompt_tokens,
        completion_tokens = t.completion_tokens + excluded.completion_tokens;
$$;

CREATE FUNCTION stats_decisions_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM stats_add_decisions(ARRAY(SELECT o::decisions FROM old_rows o), -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM stats_add_decisions(ARRAY(SELECT n::decisions FROM new_rows n), 1);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION stats_suggestions_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM stats_add_suggestions(ARRAY(SELECT o::suggestions FROM old_rows o), -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM stats_add_suggestions(ARRAY(SELECT n::suggestions FROM new_rows n), 1);
    END IF;
    RETURN NULL;
END $$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
CREATE TRIGGER stats_decisions_inserted AFTER INSERT ON decisions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_decisions_changed();
CREATE TRIGGER stats_decisions_updated AFTER UPDATE ON decisions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_decisions_changed();
CREATE TRIGGER stats_decisions_deleted AFTER DELETE ON decisions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_decisions_changed();
CREATE TRIGGER stats_suggestions_inserted AFTER INSERT ON suggestions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_suggestions_changed();
CREATE TRIGGER stats_suggestions_updated AFTER UPDATE ON suggestions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_suggestions_changed();
CREATE TRIGGER stats_suggestions_deleted AFTER DELETE ON suggestions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_suggestions_changed();

-- What was stored before this migration.
SELECT stats_add_suggestions(ARRAY(SELECT s FROM suggestions s), 1);
SELECT stats_add_decisions(ARRAY(SELECT d FROM decisions d), 1);
