using Dapper;
using Npgsql;

namespace MailAssist.Api.Stats;

/// <summary>
/// Reads the rollups (migration 0006) of one mailbox for a period of Oslo calendar days, in one round
/// trip: the monthly rows of the months the period covers whole, the daily rows of the days outside them.
/// </summary>
public sealed class StatsStore(NpgsqlDataSource dataSource)
{
    private const string InPeriod = """
        mailbox_id = @MailboxId
        AND ((monthly AND day >= @MonthsFrom AND day < @MonthsTo)
             OR (NOT monthly AND day BETWEEN @From AND @To AND (day < @MonthsFrom OR day >= @MonthsTo)))
        """;

    public async Task<StatsRollup> LoadAsync(Guid mailboxId, DateOnly from, DateOnly to, bool perEmployee, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT day AS Day, decisions AS Decisions, accepted AS Accepted, needs_review AS NeedsReview, fallback AS Fallback,
                   suggestions AS Suggestions, prompt_tokens AS PromptTokens, completion_tokens AS CompletionTokens
            FROM stats_daily
            WHERE mailbox_id = @MailboxId AND day BETWEEN @From AND @To
            ORDER BY day;

            SELECT suggested_action AS SuggestedAction, suggested_unit AS SuggestedUnit,
                   chosen_action AS ChosenAction, chosen_unit AS ChosenUnit,
                   sum(decisions) AS Decisions, sum(accepted) AS Accepted
            FROM stats_outcomes
            WHERE {InPeriod}
            GROUP BY suggested_action, suggested_unit, chosen_action, chosen_unit
            HAVING sum(decisions) > 0;

            SELECT confidence_bucket AS Bucket, sum(decisions) AS Decisions, sum(accepted) AS Accepted
            FROM stats_confidence
            WHERE {InPeriod}
            GROUP BY confidence_bucket;

            SELECT stats_seconds_bucket_start(seconds_bucket) AS Start,
                   stats_seconds_bucket_start((seconds_bucket + 1)::smallint) AS End,
                   sum(decisions) AS Decisions
            FROM stats_timing
            WHERE {InPeriod}
            GROUP BY seconds_bucket
            HAVING sum(decisions) > 0
            ORDER BY seconds_bucket;

            SELECT decided_by AS Employee, sum(decisions) AS Decisions, sum(accepted) AS Accepted
            FROM stats_employees
            WHERE @PerEmployee AND {InPeriod}
            GROUP BY decided_by
            HAVING sum(decisions) > 0
            ORDER BY decided_by;
            """;
        var monthsFrom = from.Day == 1 ? from : FirstOfMonth(from).AddMonths(1);
        var monthsTo = FirstOfMonth(to.AddDays(1));
        if (monthsTo < monthsFrom) monthsTo = monthsFrom;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            MailboxId = mailboxId, From = from, To = to, MonthsFrom = monthsFrom, MonthsTo = monthsTo, PerEmployee = perEmployee,
        }, cancellationToken: cancellationToken));
        var days = (await results.ReadAsync<DayRow>()).ToList();
        var outcomes = (await results.ReadAsync<OutcomeRow>()).ToList();
        var confidence = (await results.ReadAsync<ConfidenceRow>()).ToList();
        var timing = (await results.ReadAsync<TimingRow>()).ToList();
        var employees = (await results.ReadAsync<EmployeeRow>()).ToList();
        return new StatsRollup(days, outcomes, confidence, timing, perEmployee ? employees : null);
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
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
