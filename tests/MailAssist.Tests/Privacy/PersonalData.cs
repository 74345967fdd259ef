using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailAssist.Tests.Privacy;

/// <summary>
/// Finds personal data in any text a test captured (a request to a model, a database column, a log
/// line): the exact strings of a corpus, also when reformatted, and, independently of the API's
/// redactor, anything shaped like an identity number, a phone number or an e-mail address.
/// </summary>
public static partial class PersonalData
{
    /// <summary>The corpus strings that occur in <paramref name="text"/>: numbers in any grouping, names also word by word.</summary>
    public static IReadOnlyList<string> FoundIn(string text, IEnumerable<string> personal) =>
        personal.Where(p => Occurs(text, p)).ToList();

    /// <summary>Fails, naming what leaked and where, when <paramref name="text"/> holds any of the corpus strings.</summary>
    public static void AssertNoneIn(string text, IEnumerable<string> personal, string where)
    {
        var found = FoundIn(text, personal);
        Assert.That(found, Is.Empty, $"Personal data in {where}: {string.Join(" | ", found)}\n---\n{text}");
    }

    /// <summary>
    /// Fails when any string value of a JSON document (a request to a model, say) holds any of the
    /// corpus strings. The values are read unescaped, so "\u00F8" cannot hide an "ø".
    /// </summary>
    public static void AssertNoneInJson(string json, IEnumerable<string> personal, string where)
    {
        using var document = JsonDocument.Parse(json);
        AssertNoneIn(string.Join('\n', Strings(document.RootElement)), personal, where);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>Identity numbers (valid check digits, also by the 2032 rule), phone numbers and e-mail addresses in the text.</summary>
    public static IEnumerable<string> Shapes(string text)
    {
        foreach (Match m in Digits().Matches(text))
        {
            var digits = new string(m.Value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length == 11 && HasIdentityCheckDigits(digits)) yield return m.Value;
        }
        foreach (Match m in Phone().Matches(text)) yield return m.Value;
        foreach (Match m in Email().Matches(text)) yield return m.Value;
    }

    private static bool Occurs(string text, string item)
    {
        if (item.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+'))
        {
            var digits = item.Where(char.IsAsciiDigit).Select(c => c.ToString());
            return Regex.IsMatch(text, @"(?<!\d)" + string.Join(@"[\s.\-]?", digits) + @"(?!\d)");
        }
        if (text.Contains(item, StringComparison.OrdinalIgnoreCase)) return true;
        // A name also leaks one word at a time: "Hilsen Kari" gives Kari away.
        return !item.Contains('@') && item.All(c => char.IsLetter(c) || c is ' ' or '-' or '_')
            && item.Split(' ', '-', '_').Where(w => w.Length >= 3).Any(w => Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(w)}(?!\p{{L}})", RegexOptions.IgnoreCase));
    }

    private static bool HasIdentityCheckDigits(string d)
    {
        int[] k1 = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
        int[] k2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
        return k1.Select((w, i) => w * (d[i] - '0')).Sum() % 11 <= 3 && k2.Select((w, i) => w * (d[i] - '0')).Sum() % 11 == 0;
    }

    [GeneratedRegex(@"(?<![\d.\-/])\d(?:[\s.\-]?\d){10}(?![\d/])")]
    private static partial Regex Digits();

    // Eight digits from 2 to 9, grouped by spaces or not, or any number with a country code.
    [GeneratedRegex(@"(?<![\d.\-/,])(?:(?:\+|00)\d{2,3}[ ]?)?[2-9](?:[ ]?\d){7}(?![\d/]|[.\-,]\d)|\+\d{2,3}(?:[ ]?\d){6,12}")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+")]
    private static partial Regex Email();
}
