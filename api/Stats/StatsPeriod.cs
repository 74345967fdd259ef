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

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Oslo).DateTime);

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

    private static DateOnly? ReadDate(string field, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors[field] = ["Datoen må skrives som ÅÅÅÅ-MM-DD, for eksempel 2026-10-14."];
        return null;
    }
}
