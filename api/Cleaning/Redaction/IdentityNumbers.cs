namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// Norwegian national identity numbers (11 digits: DDMMYY, individual number, two check digits):
/// fødselsnummer, D-nummer (day + 40) and H-nummer (month + 40). Skatteetaten's synthetic test
/// numbers (month + 80) are accepted too: they look like, and are handled like, real ones.
/// </summary>
public static class IdentityNumbers
{
    private static ReadOnlySpan<byte> K1Weights => [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static ReadOnlySpan<byte> K2Weights => [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>The kind of identity number <paramref name="digits"/> is, or null when it is none.</summary>
    public static PersonalDataKind? Classify(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 11 || !IsAllDigits(digits) || !HasValidCheckDigits(digits)) return null;
        var day = Two(digits, 0);
        var month = Two(digits, 2);
        var kind = PersonalDataKind.Fodselsnummer;
        if (day > 40)
        {
            day -= 40;
            kind = PersonalDataKind.DNummer;
        }
        if (month > 80) month -= 80;
        else if (month > 40)
        {
            if (kind == PersonalDataKind.DNummer) return null;
            month -= 40;
            kind = PersonalDataKind.HNummer;
        }
        return month is >= 1 and <= 12 && day >= 1 && day <= DaysIn(month) ? kind : null;
    }

    /// <summary>
    /// Both check digits by modulus 11. The second must leave remainder 0, as always. The first
    /// may, for numbers issued from 1 January 2032, leave remainder 0, 1, 2 or 3 (before: only 0),
    /// so k1 can take four values; k1 = 10 is still rejected, which a single digit cannot be.
    /// Source: Skatteetaten, "Nytt fødselsnummer fra 2032"
    /// (https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/):
    /// k1 = {11,12,13,14} - (weighted sum MOD 11), minus 11 when above 10.
    /// </summary>
    public static bool HasValidCheckDigits(ReadOnlySpan<char> digits)
    {
        var first = digits[9] - '0';
        var second = digits[10] - '0';
        for (var i = 0; i < 9; i++) first += K1Weights[i] * (digits[i] - '0');
        for (var i = 0; i < 10; i++) second += K2Weights[i] * (digits[i] - '0');
        return first % 11 <= 3 && second % 11 == 0;
    }

    private static int Two(ReadOnlySpan<char> digits, int at) => (digits[at] - '0') * 10 + (digits[at + 1] - '0');

    // The century is not known from the number alone, so 29 February is always allowed.
    private static int DaysIn(int month) => month switch { 2 => 29, 4 or 6 or 9 or 11 => 30, _ => 31 };

    internal static bool IsAllDigits(ReadOnlySpan<char> digits) => !digits.ContainsAnyExceptInRange('0', '9');
}
