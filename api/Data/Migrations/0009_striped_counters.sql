-- Counters that every classification bumps were single rows: a mailbox's stats_daily row for the day
-- (suggestions and tokens) and a person's rate-limit window. Concurrent classifications queued on
-- that row until each committed. Each is now kept on one of several stripes, picked at random per
-- statement, and readers add the stripes up.

CREATE TABLE stats_suggestion_days (
    mailbox_id        uuid NOT NULL,
    day               date NOT NULL,
    stripe            smallint NOT NULL,
    suggestions       integer NOT NULL DEFAULT 0,
    prompt_tokens     bigint NOT NULL DEFAULT 0,
    completion_tokens bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (mailbox_id, day, stripe)
) WITH (fillfactor = 70);

INSERT INTO stats_suggestion_days (mailbox_id, day, stripe, suggestions, prompt_tokens, completion_tokens)
SELECT mailbox_id, day, 0, suggestions, prompt_tokens, completion_tokens
FROM stats_daily
WHERE (suggestions, prompt_tokens, completion_tokens) <> (0, 0, 0);

-- plpgsql keeps the statement's plan from call to call; a LANGUAGE sql function is planned on every call.
CREATE OR REPLACE FUNCTION stats_add_suggestions(changed suggestions[], direction integer) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stats_suggestion_days AS t (mailbox_id, day, stripe, suggestions, prompt_tokens, completion_tokens)
    SELECT s.mailbox_id, stats_day(s.created_at), floor(random() * 16)::smallint, direction * count(*),
           direction * coalesce(sum(s.prompt_tokens), 0), direction * coalesce(sum(s.completion_tokens), 0)
    FROM unnest(changed) s GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (mailbox_id, day, stripe) DO UPDATE SET
        suggestions = t.suggestions + excluded.suggestions,
        prompt_tokens = t.prompt_tokens + excluded.prompt_tokens,
        completion_tokens = t.completion_tokens + excluded.completion_tokens;
END $$;

ALTER TABLE stats_daily DROP COLUMN suggestions, DROP COLUMN prompt_tokens, DROP COLUMN completion_tokens;

ALTER TABLE rate_limit_windows ADD COLUMN stripe smallint NOT NULL DEFAULT 0;
ALTER TABLE rate_limit_windows DROP CONSTRAINT rate_limit_windows_pkey;
ALTER TABLE rate_limit_windows ADD PRIMARY KEY (subject, window_start, stripe);
-- Rate-limit windows are worth nothing after a crash: unlogged, their writes need no WAL and their
-- commits no flush.
ALTER TABLE rate_limit_windows SET UNLOGGED;
-- Room on the page for each new row version, so updates stay HOT and skip the index.
ALTER TABLE rate_limit_windows SET (fillfactor = 50);
