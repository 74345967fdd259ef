namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// Finds identity numbers, bank account numbers and phone numbers among a text's digit runs.
/// A run is read as groups joined by one space, dot or dash ("1234.56.78903", "412 34 567") and
/// may hold several numbers side by side; it is split only where groups are joined by a space.
/// Check digits decide for 11-digit numbers, the grouping for phone numbers, and the words
/// before a number overrule both: a KID, an invoice or an amount is kept, a number labelled
/// "fnr" or "konto" is redacted even with a wrong check digit.
/// </summary>
internal static class NumberScanner
{
    private const int MaxGroups = 16;
    private const int MaxDigits = 15;

    private readonly record struct Group(int Start, int End, bool AfterSpace)
    {
        public int Length => End - Start;
    }

    public static void Find(string text, List<RedactionSpan> spans)
    {
        Span<Group> groups = stackalloc Group[MaxGroups];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }
            var count = ReadRun(text, i, groups);
            Evaluate(text, groups[..count], spans);
            i = groups[count - 1].End;
        }
    }

    private static int ReadRun(string text, int i, Span<Group> groups)
    {
        var count = 0;
        var afterSpace = true;
        while (true)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            groups[count++] = new Group(start, i, afterSpace);
            if (count == groups.Length || i + 1 >= text.Length || text[i] is not (' ' or '\u00A0' or '.' or '-') || !char.IsAsciiDigit(text[i + 1]))
                return count;
            afterSpace = text[i] is ' ' or '\u00A0';
            i++;
        }
    }

    private static void Evaluate(string text, ReadOnlySpan<Group> groups, List<RedactionSpan> spans)
    {
        var first = 0;
        while (first < groups.Length)
        {
            var next = -1;
            for (var last = groups.Length; last > first && next < 0; last--)
            {
                if (last < groups.Length && !groups[last].AfterSpace) continue;
                if (Classify(text, groups, first, last) is not { } span) continue;
                spans.Add(span);
                next = last;
            }
            if (next < 0)
            {
                next = first + 1;
                while (next < groups.Length && !groups[next].AfterSpace) next++;
            }
            first = next;
        }
    }

    private static RedactionSpan? Classify(string text, ReadOnlySpan<Group> all, int first, int last)
    {
        var groups = all[first..last];
        var count = 0;
        foreach (var g in groups) count += g.Length;
        if (count is < 8 or > MaxDigits) return null;

        Span<char> digits = stackalloc char[MaxDigits];
        count = 0;
        foreach (var g in groups)
        {
            text.AsSpan(g.Start, g.Length).CopyTo(digits[count..]);
            count += g.Length;
        }
        digits = digits[..count];

        var start = groups[0].Start;
        var end = groups[^1].End;
        var atRunStart = first == 0;
        var plus = atRunStart && start > 0 && text[start - 1] == '+';
        var label = atRunStart ? NumberLabels.Before(text, plus ? start - 1 : start) : NumberLabel.None;
        if (label == NumberLabel.Reference) return null;
        var attached = atRunStart && IsAttachedBefore(text, plus ? start - 1 : start) || last == all.Length && IsAttachedAfter(text, end);

        if (plus && !attached) return new RedactionSpan(start - 1, end, PersonalDataKind.Telefon);
        if (count == 11) return ElevenDigits(digits, groups, label) is { } kind ? new RedactionSpan(start, end, kind) : null;
        if (attached || IsAmount(text, end)) return null;
        if (count == 8 && (label == NumberLabel.Phone ? digits[0] is >= '2' and <= '9' : IsSubscriberNumber(digits, groups)))
            return new RedactionSpan(start, end, PersonalDataKind.Telefon);
        if (count >= 10 && digits.StartsWith("00") && (groups.Length > 1 ? groups[0].Length is 4 or 5 : count == 12))
            return new RedactionSpan(start, end, PersonalDataKind.Telefon);
        return null;
    }

    private static PersonalDataKind? ElevenDigits(ReadOnlySpan<char> digits, ReadOnlySpan<Group> groups, NumberLabel label)
    {
        var identity = IdentityNumbers.Classify(digits);
        if (label == NumberLabel.Identity) return identity ?? PersonalDataKind.Fodselsnummer;
        if (label == NumberLabel.Account) return PersonalDataKind.Kontonummer;
        if (IsThousands(groups)) return null;
        if (identity is not null) return identity;
        return AccountNumbers.IsValid(digits) && (groups.Length == 1 || Is(groups, 4, 2, 5) || Is(groups, 4, 4, 3))
            ? PersonalDataKind.Kontonummer
            : null;
    }

    // A person's number written as people write them. Numbers from 8 are service numbers (800, 815 …), kept unless labelled;
    // "41 234 567" is a mobile number, "12 345 678" an amount.
    private static bool IsSubscriberNumber(ReadOnlySpan<char> digits, ReadOnlySpan<Group> groups) =>
        digits[0] is >= '2' and <= '7' or '9'
        && (groups.Length == 1 || Is(groups, 3, 2, 3) || Is(groups, 2, 2, 2, 2) || Is(groups, 4, 4) || Is(groups, 3, 3, 2)
            || Is(groups, 2, 3, 3) && digits[0] is '4' or '9');

    // "12 345 678 901": an amount written with thousands separators, not an identifier.
    private static bool IsThousands(ReadOnlySpan<Group> groups)
    {
        if (groups.Length < 2 || groups[0].Length > 3) return false;
        foreach (var g in groups[1..])
            if (g.Length != 3) return false;
        return true;
    }

    private static bool Is(ReadOnlySpan<Group> groups, params ReadOnlySpan<int> lengths)
    {
        if (groups.Length != lengths.Length) return false;
        for (var i = 0; i < lengths.Length; i++)
            if (groups[i].Length != lengths[i]) return false;
        return true;
    }

    // Part of a word, a path, a query string or a decimal number: "A41234567", "/sak/41234567", "0,41234567".
    private static bool IsAttachedBefore(string text, int start)
    {
        if (start == 0) return false;
        var c = text[start - 1];
        return char.IsLetter(c) || c is '/' or '=' or '&' or '?' or '#' or '\\' or '%'
            || c is ',' && start > 1 && char.IsAsciiDigit(text[start - 2]);
    }

    private static bool IsAttachedAfter(string text, int end) =>
        end < text.Length && (char.IsLetter(text[end]) || text[end] is '/' or '%'
            || text[end] is ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]));

    // "41234567,-", "41234567 kr", "41234567 NOK".
    private static bool IsAmount(string text, int end)
    {
        var rest = text.AsSpan(end);
        if (rest.StartsWith(",-")) return true;
        rest = rest.TrimStart(' ');
        foreach (var currency in (ReadOnlySpan<string>)["kr", "nok", "eur", "usd", "sek"])
            if (rest.StartsWith(currency, StringComparison.OrdinalIgnoreCase) && (rest.Length == currency.Length || !char.IsLetter(rest[currency.Length])))
                return true;
        return false;
    }
}
