using System.Globalization;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Stats;

/// <summary>Turns the summed rollups of a period into the dashboard's figures.</summary>
public static class StatsReport
{
    /// <summary>Confidence buckets are 0.05 wide, so these thresholds are exact.</summary>
    private static readonly int[] ThresholdBuckets = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];

    public static StatsResponse Build(MailboxDirectory mailbox, StatsPeriod period, StatsRollup rollup, StatsOptions options)
    {
        long decisions = rollup.Days.Sum(d => (long)d.Decisions), accepted = rollup.Days.Sum(d => (long)d.Accepted);
        return new StatsResponse(
            mailbox.Address, period.From, period.To, StatsPeriod.TimeZoneId,
            decisions, accepted, Rate(accepted, decisions),
            Rate(rollup.Days.Sum(d => (long)d.NeedsReview), decisions),
            Rate(rollup.Days.Sum(d => (long)d.Fallback), decisions),
            Median(rollup.Timing),
            ByAction(rollup.Outcomes),
            ByUnit(rollup.Outcomes, mailbox),
            ByWeek(rollup.Days, period),
            Overrides(rollup.Outcomes, mailbox),
            Tokens(rollup.Days, options),
            Thresholds(rollup.Confidence, decisions))
        {
            ByEmployee = rollup.Employees?.Select(e => new EmployeeStats(e.Employee, e.Decisions, e.Accepted, Rate(e.Accepted, e.Decisions))).ToList(),
        };
    }

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static List<ActionStats> ByAction(IReadOnlyList<OutcomeRow> outcomes) =>
        Enum.GetValues<MailAction>().Select(a => a.ToId()).Select(action =>
        {
            var suggested = outcomes.Where(o => o.SuggestedAction == action).ToList();
            long decisions = suggested.Sum(o => o.Decisions), accepted = suggested.Sum(o => o.Accepted);
            return new ActionStats(action, decisions, accepted, Rate(accepted, decisions),
                outcomes.Where(o => o.ChosenAction == action).Sum(o => o.Decisions));
        }).ToList();

    private static List<UnitStats> ByUnit(IReadOnlyList<OutcomeRow> outcomes, MailboxDirectory mailbox) =>
        mailbox.Units.Select(unit =>
        {
            var suggested = outcomes.Where(o => o.SuggestedUnit == unit.Id).ToList();
            long decisions = suggested.Sum(o => o.Decisions), accepted = suggested.Sum(o => o.Accepted);
            return new UnitStats(unit.Id, unit.Name, decisions, accepted, Rate(accepted, decisions),
                outcomes.Where(o => o.ChosenUnit == unit.Id).Sum(o => o.Decisions));
        }).ToList();

    private static List<WeekStats> ByWeek(IReadOnlyList<DayRow> days, StatsPeriod period)
    {
        var byDay = days.ToDictionary(d => d.Day);
        var weeks = new List<WeekStats>();
        for (var monday = StatsPeriod.MondayOf(period.From); monday <= period.To; monday = monday.AddDays(7))
        {
            long decisions = 0, accepted = 0;
            for (var day = monday; day < monday.AddDays(7); day = day.AddDays(1))
                if (byDay.TryGetValue(day, out var row))
                {
                    decisions += row.Decisions;
                    accepted += row.Accepted;
                }
            var date = monday.ToDateTime(TimeOnly.MinValue);
            var label = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
            weeks.Add(new WeekStats(label, monday, decisions, accepted, Rate(accepted, decisions)));
        }
        return weeks;
    }

    private static OverrideStats Overrides(IReadOnlyList<OutcomeRow> outcomes, MailboxDirectory mailbox)
    {
        string Name(string id) => mailbox.Find(id)?.Name ?? id;
        var actions = outcomes.Where(o => o.SuggestedAction != o.ChosenAction)
            .GroupBy(o => (o.SuggestedAction, o.ChosenAction))
            .Select(g => new ActionOverride(g.Key.SuggestedAction, g.Key.ChosenAction, g.Sum(o => o.Decisions)))
            .OrderByDescending(o => o.Count).ThenBy(o => o.Suggested, StringComparer.Ordinal).ThenBy(o => o.Chosen, StringComparer.Ordinal)
            .ToList();
        var units = outcomes.Where(o => o.SuggestedUnit is not null && o.ChosenUnit is not null && o.SuggestedUnit != o.ChosenUnit)
            .GroupBy(o => (Suggested: o.SuggestedUnit!, Chosen: o.ChosenUnit!))
            .Select(g => new UnitOverride(g.Key.Suggested, Name(g.Key.Suggested), g.Key.Chosen, Name(g.Key.Chosen), g.Sum(o => o.Decisions)))
            .OrderByDescending(o => o.Count).ThenBy(o => o.Suggested, StringComparer.Ordinal).ThenBy(o => o.Chosen, StringComparer.Ordinal)
            .ToList();
        return new OverrideStats(actions, units);
    }

    private static TokenStats Tokens(IReadOnlyList<DayRow> days, StatsOptions options)
    {
        long prompt = days.Sum(d => d.PromptTokens), completion = days.Sum(d => d.CompletionTokens);
        decimal? cost = options is { PricePerThousandPromptTokens: { } p, PricePerThousandCompletionTokens: { } c }
            ? Math.Round(prompt / 1000m * p + completion / 1000m * c, 2, MidpointRounding.AwayFromZero)
            : null;
        return new TokenStats(days.Sum(d => (long)d.Suggestions), prompt, completion, cost, options.Currency);
    }

    private static List<ThresholdStats> Thresholds(IReadOnlyList<ConfidenceRow> confidence, long decisions) =>
        ThresholdBuckets.Select(bucket =>
        {
            var above = confidence.Where(c => c.Bucket >= bucket).ToList();
            long count = above.Sum(c => c.Decisions), accepted = above.Sum(c => c.Accepted);
            return new ThresholdStats(bucket / 20.0, count, Rate(count, decisions), Rate(accepted, count));
        }).ToList();

    /// <summary>
    /// The grouped-data median: the bucket holding the middle decision, interpolated linearly within it,
    /// so it lies in the same bucket (within about 9 %) as the exact median.
    /// </summary>
    internal static double? Median(IReadOnlyList<TimingRow> histogram)
    {
        var total = histogram.Sum(b => b.Decisions);
        if (total == 0) return null;
        var middle = total / 2.0;
        long below = 0;
        foreach (var bucket in histogram)
        {
            if (below + bucket.Decisions >= middle)
                return bucket.Start + (middle - below) / bucket.Decisions * (bucket.End - bucket.Start);
            below += bucket.Decisions;
        }
        throw new InvalidOperationException("The histogram's buckets do not add up to its total.");
    }
}
