using System.Globalization;

namespace MailAssist.Tests.Privacy;

/// <summary>
/// Makes valid Norwegian identity, account and organisation numbers for tests by computing their
/// check digits (the API only validates them, so the two implementations check each other).
/// </summary>
public static class NorwegianNumbers
{
    private static readonly int[] K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    private static readonly int[] Organisation = [3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>
    /// A fødselsnummer for the date, with the first individual number from <paramref name="individual"/>
    /// downwards that gives valid check digits. <paramref name="remainder"/> 1-3 makes a number of the
    /// scheme from 2032, where the first check digit leaves that remainder.
    /// </summary>
    public static string Fodselsnummer(DateOnly birth, int individual = 499, int remainder = 0) =>
        WithCheckDigits(birth.Day, birth.Month, birth.Year % 100, individual, remainder);

    public static string DNummer(DateOnly birth, int individual = 499, int remainder = 0) =>
        WithCheckDigits(birth.Day + 40, birth.Month, birth.Year % 100, individual, remainder);

    public static string HNummer(DateOnly birth, int individual = 499) =>
        WithCheckDigits(birth.Day, birth.Month + 40, birth.Year % 100, individual, 0);

    /// <summary>The same number with its last check digit changed, so it no longer validates.</summary>
    public static string WithWrongLastDigit(string number) => number[..^1] + (char)('0' + (number[^1] - '0' + 1) % 10);

    /// <summary>An account number from ten digits, or null when none can end them (the check digit would be 10).</summary>
    public static string? Account(string tenDigits)
    {
        var check = CheckDigit(tenDigits, K2);
        return check == 10 ? null : tenDigits + check;
    }

    public static string? OrganisationNumber(string eightDigits)
    {
        var check = CheckDigit(eightDigits, Organisation);
        return check == 10 ? null : eightDigits + check;
    }

    /// <summary>Many valid numbers of every kind, the same on every run.</summary>
    public static IEnumerable<string> Many(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(0, 365 * 95));
            var individual = random.Next(10, 999);
            yield return (i % 4) switch
            {
                0 => Fodselsnummer(birth, individual),
                1 => DNummer(birth, individual),
                2 => HNummer(birth, individual),
                _ => Fodselsnummer(birth, individual, random.Next(1, 4)),
            };
        }
    }

    private static string WithCheckDigits(int day, int month, int year, int individual, int remainder)
    {
        for (var i = individual; i >= 0; i--)
        {
            var nine = string.Create(CultureInfo.InvariantCulture, $"{day:00}{month:00}{year:00}{i:000}");
            var sum = nine.Select((c, n) => (c - '0') * K1[n]).Sum();
            var k1 = ((remainder - sum) % 11 + 11) % 11;
            if (k1 == 10) continue;
            var k2 = CheckDigit(nine + k1, K2);
            if (k2 != 10) return nine + k1 + k2;
        }
        throw new InvalidOperationException("No valid individual number at or below the one asked for.");
    }

    private static int CheckDigit(string digits, int[] weights) =>
        (11 - digits.Select((c, n) => (c - '0') * weights[n]).Sum() % 11) % 11;
}
