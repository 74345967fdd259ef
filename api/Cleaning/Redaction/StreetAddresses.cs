using System.Text.RegularExpressions;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// Street addresses with a house number: a street word ("Storgata 5B", "Kirkeveien 3 A"), a street
/// of several words ("Kong Oscars gate 12"), an address block ending in a postcode and place
/// ("Fjellhaug 12\n1234 Eksempel"), and what follows "adresse:" or "bor i". A postcode and place
/// alone, a post box and gnr/bnr are kept.
/// </summary>
internal static partial class StreetAddresses
{
    private static readonly string[] StreetEndings =
    [
        "gata", "gaten", "gate", "gt", "veien", "vegen", "vei", "veg", "vn", "allé", "alle", "alléen", "plass", "plassen", "stien",
        "stigen", "tunet", "bakken", "svingen", "ringen", "kroken", "terrasse", "terrassen", "brygge", "brygga", "kaia", "løkka",
        "lia", "lien", "åsen", "jordet", "myra", "torget", "parken", "sletta", "dalen", "lunden", "toppen", "grenda", "skogen",
        "engen", "haugen", "kollen", "vollen", "tangen", "smauet", "bråten", "flaten",
    ];

    private static readonly string[] StreetWords = ["gate", "gata", "vei", "veg", "veien", "vegen", "allé", "plass"];

    private static readonly string[] PostBoxes = ["postboks", "boks", "pb", "postbox", "po", "box"];

    // Up to four words, then a house number, then perhaps a postcode and place: which of the words
    // make the address is decided in code, so the scan stays linear.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<w>\p{Lu}[\p{L}'-]*\.?)(?:[ \t](?<w>\p{L}[\p{L}'-]*\.?)){0,3}"
        + @"[ \t]\d{1,4}(?:[A-Za-z](?!\p{L})|[ \t][A-Z](?!\p{L}))?(?:[ \t]?-[ \t]?\d{1,4})?(?![\d\p{L}/.,]\d)"
        + @"(?<post>,?[ \t]*(?:\r?\n[ \t]*)?\d{4}[ \t]+\p{Lu}[\p{L}-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex WordsAndNumber();

    [GeneratedRegex(@"(?i:adresse|adr\.|bor i|bor på|bur i|bur på|bosatt i|busett i)[ \t]*:?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CueBefore();

    public static void Find(string text, List<RedactionSpan> spans)
    {
        if (!text.AsSpan().ContainsAnyInRange('0', '9')) return;
        for (var match = WordsAndNumber().Match(text); match.Success; match = match.NextMatch())
        {
            var words = match.Groups["w"].Captures;
            var first = AddressStart(text, words, match.Groups["post"].Success);
            if (first >= 0) spans.Add(new RedactionSpan(words[first].Index, match.Index + match.Length, PersonalDataKind.Adresse));
        }
    }

    // The index of the word the address starts with, or -1 when the words and number are no address.
    private static int AddressStart(string text, CaptureCollection words, bool hasPostcode)
    {
        var last = words.Count - 1;
        var lastWord = Trimmed(words[last]);
        if (EndsLikeStreet(lastWord)) return last;

        var first = last;
        var isStreetWord = IsOneOf(lastWord, StreetWords);
        if (isStreetWord) first--;
        while (first > 0 && char.IsUpper(text[words[first - 1].Index]) && last - first < 3) first--;
        if (first < 0 || !char.IsUpper(text[words[first].Index])) return -1;
        if (isStreetWord && first < last) return first;

        var before = text.AsSpan(0, words[first].Index);
        var lineStart = before.LastIndexOf('\n') + 1;
        if (CueBefore().IsMatch(before[lineStart..])) return first;
        return hasPostcode && !IsOneOf(Trimmed(words[first]), PostBoxes) ? first : -1;
    }

    private static bool EndsLikeStreet(ReadOnlySpan<char> word)
    {
        foreach (var ending in StreetEndings)
            if (word.Length > ending.Length && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] list)
    {
        foreach (var item in list)
            if (word.Equals(item, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static ReadOnlySpan<char> Trimmed(Capture word) => word.ValueSpan.TrimEnd('.');
}
