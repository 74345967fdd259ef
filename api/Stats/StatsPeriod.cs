using System.Globalization;

namespace MailAssist.Api.Stats;

/// <summary>
/// A period of whole calendar days in Europe/Oslo, both ends inclusive. Left out, <c>to</c> is today and
/// <c>from</c> the Monday eleven weeks before <c>to</c>'s week: twelve weekly bars.
/// </summary>
public sealed record StatsPeriod(DateOnly From, DateOnly To)
{
    public const string TimeZoneId = "Europe/Oslo";
    public const int MaxDays = 5 * 365 + 2;
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Oslo).DateTime);

    public static (StatsPeriod? Period, Dictionary<string, string[]> Errors) Read(string? from, string? to, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var toDay = ReadDate("to", to, errors) ?? Today(time);
        var fromDay = ReadDate("from", from, errors) ?? MondayOf(toDay).AddDays(-7 * 11);
        if (errors.Count > 0) return (null, errors);
        if (fromDay > toDay)
            errors["from"] = ["Fra-datoen kan ikke være etter til-datoen."];
        else if (toDay.DayNumber - fromDay.DayNumber + 1 > MaxDays)
            errors["to"] = [$"Perioden kan være høyst fem år ({MaxDays} dager)."];
        return errors.Count == 0 ? (new StatsPeriod(fromDay, toDay), errors) : (null, errors);
    }

    /// <summary>
    /// How to add up the rollups for this period: the months it covers whole from their monthly rows; a
    /// month it covers in part either from the daily rows of the days inside, or, when those are more
    /// than half the month, as the whole month less the daily rows of the days outside. A year with
    /// ragged edges so reads at most about a month of daily rows.
    /// </summary>
    public IReadOnlyList<RollupSegment> Segments()
    {
        var segments = new List<RollupSegment>();
        var end = To.AddDays(1);
        for (var month = new DateOnly(From.Year, From.Month, 1); month < end; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            var start = From > month ? From : month;
            var stop = end < next ? end : next;
            if ((stop.DayNumber - start.DayNumber) * 2 <= next.DayNumber - month.DayNumber)
            {
                segments.Add(new RollupSegment(false, start, stop, 1));
                continue;
            }
            if (segments is [.., { Monthly: true, Sign: 1 } last] && last.End == month)
                segments[^1] = last with { End = next };
            else
                segments.Add(new RollupSegment(true, month, next, 1));
            if (start > month) segments.Add(new RollupSegment(false, month, start, -1));
            if (stop < next) segments.Add(new RollupSegment(false, stop, next, -1));
        }
        return segments;
    }

    private static DateOnly? ReadDate(string field, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors[field] = ["Datoen må skrives som ÅÅÅÅ-MM-DD, for eksempel 2026-10-14."];
        return null;
    }
}

/// <summary>Rollup rows (monthly or daily) whose day lies in [Start, End), added (Sign 1) or taken away (Sign -1).</summary>
public sealed record RollupSegment(bool Monthly, DateOnly Start, DateOnly End, int Sign);
