using System.Collections.Frozen;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>What the words just before a number say it is: context decides where digits alone cannot.</summary>
internal enum NumberLabel
{
    None,
    Identity,
    Account,
    Phone,
    /// <summary>A number that is not personal data: KID, invoice, case, organisation, amount, cadastral.</summary>
    Reference,
}

internal static class NumberLabels
{
    // Normalised (lower case, without '.', '-' and '/') label words; a trailing '*' matches any word starting so.
    private static readonly (string Stem, NumberLabel Label)[] Stems =
    [
        ("fødselsn*", NumberLabel.Identity), ("fodselsn*", NumberLabel.Identity), ("fnr", NumberLabel.Identity),
        ("personn*", NumberLabel.Identity), ("persnr", NumberLabel.Identity), ("pnr", NumberLabel.Identity),
        ("dnummer*", NumberLabel.Identity), ("dnr", NumberLabel.Identity), ("hnummer*", NumberLabel.Identity),
        ("identitetsn*", NumberLabel.Identity), ("idnr", NumberLabel.Identity), ("idnummer*", NumberLabel.Identity),
        ("ssn", NumberLabel.Identity), ("dnumber*", NumberLabel.Identity), ("nationalid*", NumberLabel.Identity),
        ("konto*", NumberLabel.Account), ("bankkonto*", NumberLabel.Account), ("kto*", NumberLabel.Account),
        ("account*", NumberLabel.Account), ("iban", NumberLabel.Account),
        ("tlf*", NumberLabel.Phone), ("telefon*", NumberLabel.Phone), ("tel", NumberLabel.Phone), ("mobil*", NumberLabel.Phone),
        ("mob", NumberLabel.Phone), ("phone*", NumberLabel.Phone), ("ring", NumberLabel.Phone), ("sms", NumberLabel.Phone),
        ("mobile", NumberLabel.Phone), ("cell*", NumberLabel.Phone), ("fax*", NumberLabel.Phone), ("kontakttelefon*", NumberLabel.Phone),
        ("kid*", NumberLabel.Reference), ("faktura*", NumberLabel.Reference), ("invoice*", NumberLabel.Reference),
        ("ordre*", NumberLabel.Reference), ("order*", NumberLabel.Reference), ("kunde*", NumberLabel.Reference),
        ("customer*", NumberLabel.Reference), ("ref", NumberLabel.Reference), ("referanse*", NumberLabel.Reference),
        ("reference*", NumberLabel.Reference), ("sak", NumberLabel.Reference), ("saks*", NumberLabel.Reference),
        ("arkivsak*", NumberLabel.Reference), ("journalpost*", NumberLabel.Reference), ("jpid", NumberLabel.Reference),
        ("dokument*", NumberLabel.Reference), ("org*", NumberLabel.Reference), ("foretak*", NumberLabel.Reference),
        ("mva", NumberLabel.Reference), ("kr", NumberLabel.Reference), ("nok", NumberLabel.Reference), ("eur", NumberLabel.Reference),
        ("usd", NumberLabel.Reference), ("sek", NumberLabel.Reference), ("beløp*", NumberLabel.Reference), ("belop*", NumberLabel.Reference),
        ("sum", NumberLabel.Reference), ("totalt", NumberLabel.Reference), ("pris", NumberLabel.Reference),
        ("avtale*", NumberLabel.Reference), ("kontrakt*", NumberLabel.Reference), ("polise*", NumberLabel.Reference),
        ("lisens*", NumberLabel.Reference), ("serienummer*", NumberLabel.Reference), ("bilag*", NumberLabel.Reference),
        ("varenr*", NumberLabel.Reference), ("artikkel*", NumberLabel.Reference), ("gnr", NumberLabel.Reference),
        ("bnr", NumberLabel.Reference), ("snr", NumberLabel.Reference),
        ("matrikkel*", NumberLabel.Reference), ("gårdsnummer*", NumberLabel.Reference), ("bruksnummer*", NumberLabel.Reference),
        ("postn*", NumberLabel.Reference), ("forsendelse*", NumberLabel.Reference), ("sporing*", NumberLabel.Reference),
        ("tracking*", NumberLabel.Reference), ("bestilling*", NumberLabel.Reference), ("tilbud*", NumberLabel.Reference),
    ];

    // Words that may stand between a label and its number: "Kontonummeret mitt er 1234.56.78903".
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Fillers = FrozenSet.ToFrozenSet(
        ["nr", "no", "nummer", "number", "er", "is", "mitt", "min", "mine", "vårt", "vår", "deres", "ditt", "din", "på", "meg",
         "oss", "til", "som", "eg", "hans", "hennes", "hennar"], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, NumberLabel>.AlternateLookup<ReadOnlySpan<char>> Exact = Stems
        .Where(s => !s.Stem.EndsWith('*')).ToFrozenDictionary(s => s.Stem, s => s.Label, StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly (string Prefix, NumberLabel Label)[] Prefixes =
        Stems.Where(s => s.Stem.EndsWith('*')).Select(s => (s.Stem[..^1], s.Label)).ToArray();

    /// <summary>The label of the number starting at <paramref name="start"/>, read from at most three words before it.</summary>
    public static NumberLabel Before(string text, int start)
    {
        Span<char> word = stackalloc char[32];
        var i = start - 1;
        for (var words = 0; words < 4; words++)
        {
            while (i >= 0 && !IsWordChar(text[i]))
            {
                if (char.IsAsciiDigit(text[i]) || text[i] is '\n' && words > 0) return NumberLabel.None;
                i--;
            }
            if (i < 0) return NumberLabel.None;
            var end = i + 1;
            while (i >= 0 && IsWordChar(text[i])) i--;
            var length = Normalise(text.AsSpan(i + 1, end - i - 1), word);
            if (length == 0) continue;
            var normalised = word[..length];
            var label = Classify(normalised);
            if (label != NumberLabel.None) return label;
            if (!Fillers.Contains(normalised)) return NumberLabel.None;
        }
        return NumberLabel.None;
    }

    private static NumberLabel Classify(ReadOnlySpan<char> word)
    {
        if (Exact.TryGetValue(word, out var exact)) return exact;
        foreach (var (prefix, label) in Prefixes)
            if (word.StartsWith(prefix, StringComparison.Ordinal)) return label;
        return NumberLabel.None;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is '.' or '-' or '/';

    private static int Normalise(ReadOnlySpan<char> source, Span<char> target)
    {
        var length = 0;
        foreach (var c in source)
        {
            if (c is '.' or '-' or '/') continue;
            if (length == target.Length) break;
            target[length++] = char.ToLowerInvariant(c);
        }
        return length;
    }
}
