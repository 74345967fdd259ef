using System.Text.RegularExpressions;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// Street addresses with a house number ("Storgata 5B", "Kong Oscars gate 12, 0150 Oslo"), an
/// address block ending in a postcode and place ("Fjellhaug 12\n1234 Eksempel"), and what follows
/// "adresse:" or "bor i". A postcode and place alone, a post box and gnr/bnr are kept.
/// </summary>
internal static partial class StreetAddresses
{
    private const string Number = @"[ \t]\d{1,4}(?:[A-Za-z](?!\p{L})|[ \t][A-Z](?!\p{L}))?(?:[ \t]?-[ \t]?\d{1,4})?(?![\d\p{L}/.,]\d)";
    private const string Postcode = @"(?:,?[ \t]*(?:\r?\n[ \t]*)?\d{4}[ \t]+\p{Lu}[\p{L}-]+)";
    private const string Start = @"(?<![\p{L}\p{N}])";

    [GeneratedRegex(Start + @"\p{Lu}[\p{L}-]*?(?:gata|gaten|gate|gt\.?|veien|vegen|vei|veg|vn\.?|allé|alle|alléen|plass|plassen|stien|stigen|"
        + "tunet|bakken|svingen|ringen|kroken|terrasse|terrassen|brygge|brygga|kaia|løkka|lia|lien|åsen|jordet|myra|torget|parken|"
        + "sletta|dalen|lunden|toppen|grenda|skogen|engen|haugen|kollen|vollen|tangen|smauet|bråten|flaten)" + Number + Postcode + "?",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetWithSuffix();

    [GeneratedRegex(Start + @"(?:\p{Lu}[\p{L}.'-]*[ \t]){1,3}(?:gate|gata|vei|veg|veien|vegen|allé|plass)" + Number + Postcode + "?",
        RegexOptions.CultureInvariant)]
    private static partial Regex StreetOfWords();

    [GeneratedRegex(Start + @"(?!(?:Postboks|Boks|Pb|Postbox|PO|Box)\b)\p{Lu}[\p{L}-]+(?:[ \t]\p{L}[\p{L}-]+){0,2}" + Number + Postcode,
        RegexOptions.CultureInvariant)]
    private static partial Regex AddressBlock();

    [GeneratedRegex(@"(?i:adresse|adr\.|bostedsadresse|postadresse|bor i|bor på|bur i|bur på|bosatt i|busett i)[ \t]*:?[ \t]*"
        + @"(?<a>\p{Lu}[\p{L}-]+(?:[ \t]\p{L}[\p{L}-]+){0,3}" + Number + Postcode + "?)", RegexOptions.CultureInvariant)]
    private static partial Regex AfterCue();

    public static void Find(string text, List<RedactionSpan> spans)
    {
        if (!text.AsSpan().ContainsAnyInRange('0', '9')) return;
        foreach (var regex in (ReadOnlySpan<Regex>)[StreetWithSuffix(), StreetOfWords(), AddressBlock()])
            foreach (var match in regex.EnumerateMatches(text))
                spans.Add(new RedactionSpan(match.Index, match.Index + match.Length, PersonalDataKind.Adresse));
        for (var match = AfterCue().Match(text); match.Success; match = match.NextMatch())
        {
            var address = match.Groups["a"];
            spans.Add(new RedactionSpan(address.Index, address.Index + address.Length, PersonalDataKind.Adresse));
        }
    }
}
