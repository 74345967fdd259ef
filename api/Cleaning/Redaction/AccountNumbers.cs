namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>Norwegian bank account numbers: 11 digits, the last a modulus 11 check digit.</summary>
public static class AccountNumbers
{
    private static ReadOnlySpan<byte> Weights => [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 11 || !IdentityNumbers.IsAllDigits(digits)) return false;
        var sum = 0;
        for (var i = 0; i < 10; i++) sum += Weights[i] * (digits[i] - '0');
        var check = (11 - sum % 11) % 11;
        return check != 10 && check == digits[10] - '0';
    }
}
