namespace MailAssist.Api.Classification.Signals;

/// <summary>Norwegian working days: Monday to Friday except the public holidays (helligdager and 1 and 17 May).</summary>
public static class WorkingDays
{
    private static readonly TimeZoneInfo Norway = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>The date, in Norway, <paramref name="days"/> working days after the day the moment falls on there.</summary>
    public static DateOnly After(DateTimeOffset moment, int days)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Norway).DateTime);
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) days--;
        }
        return date;
    }

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    public static bool IsPublicHoliday(DateOnly date)
    {
        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (5, 17) or (12, 25) or (12, 26)) return true;
        var fromEaster = date.DayNumber - Easter(date.Year).DayNumber;
        // Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension Day, Whit Sunday and Monday.
        return fromEaster is -3 or -2 or 0 or 1 or 39 or 49 or 50;
    }

    // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    private static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
