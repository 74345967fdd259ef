using Dapper;
using Npgsql;

namespace MailAssist.Api.Stats;

/// <summary>
/// Reads the rollups (migration 0005) of one mailbox for a period of Oslo calendar days in one round
/// trip, adding up monthly and daily rows as the period's segments say (<see cref="StatsPeriod.Segments"/>).
/// </summary>
public sealed class StatsStore(NpgsqlDataSource dataSource)
{
    // OFFSET 0 keeps the planner from flattening the subquery into one hash join over the whole
    // mailbox's rows: each segment stays one range scan of the rollup's key.
    private static string Segmented(string rollup) => $"""
        unnest(@Monthly, @Starts, @Ends, @Signs) AS s (monthly, starts, ends, sign)
        CROSS JOIN LATERAL (
            SELECT * FROM {rollup}
            WHERE mailbox_id = @MailboxId AND monthly = s.monthly AND day >= s.starts AND day < s.ends
            OFFSET 0) AS r
        """;

    private static readonly string Sql = $"""
        SELECT day AS Day, coalesce(d.decisions, 0) AS Decisions, coalesce(d.accepted, 0) AS Accepted,
               coalesce(d.needs_review, 0) AS NeedsReview, coalesce(d.fallback, 0) AS Fallback,
               coalesce(s.suggestions, 0) AS Suggestions, coalesce(s.prompt_tokens, 0) AS PromptTokens,
               coalesce(s.completion_tokens, 0) AS CompletionTokens
        FROM (SELECT day, decisions, accepted, needs_review, fallback
              FROM stats_daily WHERE mailbox_id = @MailboxId AND day BETWEEN @From AND @To) AS d
        FULL JOIN (SELECT day, sum(suggestions)::integer AS suggestions, sum(prompt_tokens)::bigint AS prompt_tokens,
                          sum(completion_tokens)::bigint AS completion_tokens
                   FROM stats_suggestion_days WHERE mailbox_id = @MailboxId AND day BETWEEN @From AND @To
                   GROUP BY day) AS s USING (day)
        ORDER BY day;

        SELECT r.suggested_action AS SuggestedAction, r.suggested_unit AS SuggestedUnit,
               r.chosen_action AS ChosenAction, r.chosen_unit AS ChosenUnit,
               sum(r.decisions * s.sign) AS Decisions, sum(r.accepted * s.sign) AS Accepted
        FROM {Segmented("stats_outcomes")}
        GROUP BY r.suggested_action, r.suggested_unit, r.chosen_action, r.chosen_unit
        HAVING sum(r.decisions * s.sign) > 0;

        SELECT r.confidence_bucket AS Bucket, sum(r.decisions * s.sign) AS Decisions, sum(r.accepted * s.sign) AS Accepted
        FROM {Segmented("stats_confidence")}
        GROUP BY r.confidence_bucket;

        SELECT stats_seconds_bucket_start(r.seconds_bucket) AS Start,
               stats_seconds_bucket_start((r.seconds_bucket + 1)::smallint) AS End,
               sum(r.decisions * s.sign) AS Decisions
        FROM {Segmented("stats_timing")}
        GROUP BY r.seconds_bucket
        HAVING sum(r.decisions * s.sign) > 0
        ORDER BY r.seconds_bucket;

        SELECT r.decided_by AS Employee, sum(r.decisions * s.sign) AS Decisions, sum(r.accepted * s.sign) AS Accepted
        FROM {Segmented("stats_employees")}
        WHERE @PerEmployee
        GROUP BY r.decided_by
        HAVING sum(r.decisions * s.sign) > 0
        ORDER BY r.decided_by;
        """;

    public async Task<StatsRollup> LoadAsync(Guid mailboxId, StatsPeriod period, bool perEmployee, CancellationToken cancellationToken)
    {
        var segments = period.Segments();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new
        {
            MailboxId = mailboxId, period.From, period.To, PerEmployee = perEmployee,
            Monthly = segments.Select(s => s.Monthly).ToArray(),
            Starts = segments.Select(s => s.Start).ToArray(),
            Ends = segments.Select(s => s.End).ToArray(),
            Signs = segments.Select(s => s.Sign).ToArray(),
        }, cancellationToken: cancellationToken));
        var days = (await results.ReadAsync<DayRow>()).ToList();
        var outcomes = (await results.ReadAsync<OutcomeRow>()).ToList();
        var confidence = (await results.ReadAsync<ConfidenceRow>()).ToList();
        var timing = (await results.ReadAsync<TimingRow>()).ToList();
        var employees = (await results.ReadAsync<EmployeeRow>()).ToList();
        return new StatsRollup(days, outcomes, confidence, timing, perEmployee ? employees : null);
    }
}

/// <summary>What the rollups hold for a period, summed; <see cref="Employees"/> only when asked for.</summary>
public sealed record StatsRollup(
    IReadOnlyList<DayRow> Days,
    IReadOnlyList<OutcomeRow> Outcomes,
    IReadOnlyList<ConfidenceRow> Confidence,
    IReadOnlyList<TimingRow> Timing,
    IReadOnlyList<EmployeeRow>? Employees);

public sealed record DayRow(DateOnly Day, int Decisions, int Accepted, int NeedsReview, int Fallback, int Suggestions, long PromptTokens, long CompletionTokens);

public sealed record OutcomeRow(string SuggestedAction, string? SuggestedUnit, string ChosenAction, string? ChosenUnit, long Decisions, long Accepted);

/// <summary>Decisions whose suggestion's confidence was at least <c>Bucket * 0.05</c> and below the next step.</summary>
public sealed record ConfidenceRow(short Bucket, long Decisions, long Accepted);

/// <summary>Decisions made between <see cref="Start"/> and <see cref="End"/> seconds after the suggestion.</summary>
public sealed record TimingRow(double Start, double End, long Decisions);

public sealed record EmployeeRow(string Employee, long Decisions, long Accepted);
