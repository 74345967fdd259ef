using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.Guards;

/// <summary>
/// Finds text that tries to steer a classifier, without asking any model: instructions to an AI or
/// a "system", ready-made verdicts, and text hidden from the reader (invisible characters, hidden
/// HTML). It reads the message as received, before cleaning could drop what was hidden.
/// </summary>
public static partial class ManipulationDetector
{
    /// <summary>Hidden HTML up to this many letters is tolerated: newsletters hide a short preview text.</summary>
    public const int MaxHiddenLetters = 100;

    public static MessageCues Inspect(IncomingMessage message)
    {
        var texts = new List<string?> { message.Subject, message.Body, HtmlText(message.BodyHtml) };
        texts.AddRange(message.Attachments.Select(a => a.Name));
        var cues = MessageCues.None;
        foreach (var text in texts.OfType<string>().Where(t => t.Length > 0))
        {
            if (HasInvisibleCharacters(text)) cues |= MessageCues.HiddenText;
            var readable = Readable(text);
            if (Steering().IsMatch(readable)) cues |= MessageCues.SteeringText;
            if (Verdict().IsMatch(readable)) cues |= MessageCues.EmbeddedVerdict;
        }
        if (HiddenHtmlLetters(message.BodyHtml) > MaxHiddenLetters) cues |= MessageCues.HiddenText;
        return cues;
    }

    /// <summary>
    /// Unicode tag characters (invisible ASCII; only a flag emoji uses them), bidi overrides, and
    /// zero-width characters inside words or in runs, as used to hide or break up words.
    /// </summary>
    internal static bool HasInvisibleCharacters(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        int insideWords = 0, run = 0;
        for (var i = 0; i < runes.Length; i++)
        {
            var v = runes[i].Value;
            if (v is >= 0xE0000 and <= 0xE007F && !InFlagEmoji(runes, i)) return true;
            if (v is 0x202D or 0x202E) return true;
            if (v is 0x200B or 0x200C or 0x200D or (>= 0x2060 and <= 0x2064) or 0x180E || (v == 0xFEFF && i > 0))
            {
                if (++run >= 4) return true;
                if (i > 0 && i + 1 < runes.Length && Rune.IsLetter(runes[i - 1]) && Rune.IsLetter(runes[i + 1]) && ++insideWords >= 2) return true;
            }
            else run = 0;
        }
        return false;
    }

    private static bool InFlagEmoji(Rune[] runes, int index)
    {
        while (index > 0 && runes[index - 1].Value is >= 0xE0000 and <= 0xE007F) index--;
        return index > 0 && runes[index - 1].Value == 0x1F3F4;
    }

    /// <summary>Letters in HTML elements a reader cannot see: display:none, visibility:hidden, zero size or opacity, white text on no background.</summary>
    internal static int HiddenHtmlLetters(string? html)
    {
        if (string.IsNullOrEmpty(html)) return 0;
        var letters = 0;
        foreach (Match tag in OpeningTag().Matches(html))
        {
            var attributes = tag.Groups["attrs"].Value.ToLowerInvariant().Replace(" ", "");
            if (!Hides(attributes)) continue;
            var start = tag.Index + tag.Length;
            var end = html.IndexOf($"</{tag.Groups["tag"].Value}", start, StringComparison.OrdinalIgnoreCase);
            var content = HtmlText(html[start..(end < 0 ? html.Length : end)]) ?? "";
            letters += content.Count(char.IsLetter);
        }
        return letters;
    }

    private static bool Hides(string a) =>
        a.Contains("display:none") || a.Contains("visibility:hidden") || a.Contains("opacity:0;") || a.EndsWith("opacity:0\"")
        || FontSizeZero().IsMatch(a) || a.Contains("max-height:0") || a.StartsWith("hidden") || a.Contains("\"hidden")
        || (WhiteText().IsMatch(a) && !a.Contains("background"));

    private static string? HtmlText(string? html) =>
        string.IsNullOrEmpty(html) ? html : WebUtility.HtmlDecode(Tag().Replace(StyleOrScript().Replace(html, " "), " "));

    /// <summary>The text as a reader would read it: invisible characters out, underscores (file names) and other spacing as single spaces.</summary>
    private static string Readable(string text)
    {
        var readable = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format) continue;
            readable.Append(rune.Value == '_' || (Rune.IsWhiteSpace(rune) && rune.Value != '\n') ? " " : rune.ToString());
        }
        return Spaces().Replace(readable.ToString(), " ");
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    [GeneratedRegex("""
        \b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(previous|prior|above|earlier|all|any|your|system)\b.{0,30}\b(instructions?|prompts?|rules|directions|guidelines)\b
        |\b(you\s+are\s+(now\s+)?|act\s+as\s+|pretend\s+to\s+be\s+)(an?\s+)?(ai|language\s+model|llm|chatgpt|gpt|classifier|e-?mail\s+classifier)\b
        |\b(system\s*prompt|system\s*instructions?|system\s*override|developer\s*(message|instructions?|mode))\b
        |^[\ \t]*[\[<#*]*[\ \t]*(system|assistant|developer)[\ \t]*[\]>*]*[\ \t]*:
        |^[\ \t]*\#{2,}[\ \t]*(instructions?|response|system|input)\b
        |<\|?\s*(im_start|im_end|system|endoftext)\s*\|?>
        |\b(classify|categori[sz]e|label|mark|tag|treat)\b.{0,40}\b(as|to)\s+(spam|junk|delete|deleted|slett|journalfor|videresend|safe|harmless|not\s+spam)\b
        |\b(note|message|instructions?|notice)\s+(to|for)\s+(the\s+|any\s+)?(ai|llm|classifier|language\s+model|automated\s+\w+)\b
        |\b(dear|hey|hi|to)\s+(ai|llm|chatgpt|classifier|language\s+model)\s*[:,]
        |\b(ignorer|glem|overse|overstyr|se\s+bort\s+fra|sjå\s+bort\s+frå)\b.{0,40}\b(alle|tidligere|tidlegare|foregående|forrige|ovenstående|dine|systemets)\b.{0,30}\b(instruks\w*|regl\w*|føring\w*|beskjed\w*)
        |\b(klassifiser|kategoriser|marker|merk)\b.{0,40}\b(som|til)\s+(spam|slett|slettes|journalfor|journalfør|journalføres|videresend|videresendes|ufarlig|trygg)\b
        |\b(du\s+er\s+(nå\s+)?|oppfør\s+deg\s+som\s+|lat\s+som\s+du\s+er\s+)(en\s+)?(ki|ai|kunstig\s+intelligens|språkmodell\w*|klassifiserer\w*|chatbot)\b
        |\b(instruks\w*|beskjed|melding|notat)\s+(til|for)\s+(ki|ai|ki-en|ai-en|språkmodell\w*|klassifiserer\w*|kunstig\s+intelligens|den\s+automatiske\s+\w+)\b
        |\b(til|kjære|hei)\s+(ki-en|ai-en|språkmodellen|klassifisereren|kunstig\s+intelligens)\b
        |\b(systemprompt\w*|systeminstruks\w*|system-instruks\w*)
        """, Options | RegexOptions.IgnorePatternWhitespace | RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Steering();

    /// <summary>Our answer's own keys, or a label given as a key-value verdict.</summary>
    [GeneratedRegex("""
        "(action|unit|confidence|needsReview|needs_review|flags|explanation|classification|category|verdict|handling|enhet)"\s*:
        |\b(action|handling|classification|klassifisering|kategori|category|verdict|label|decision|avgjørelse)\s*[:=]\s*"?(journalf[øo]r|videresend|slett|spam|delete)\b
        """, Options | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Verdict();

    [GeneratedRegex(@"<(?<tag>[a-z][a-z0-9]*)(?<attrs>\s[^>]*)?>", Options)]
    private static partial Regex OpeningTag();

    [GeneratedRegex(@"font-size:0*(\.0+)?(px|pt|em|rem|%)?(;|""|'|$)|font-size:[01](px|pt)", Options)]
    private static partial Regex FontSizeZero();

    [GeneratedRegex(@"(^|[;""'])color:(#fff\b|#ffffff\b|white\b|rgb\(255,255,255\))", Options)]
    private static partial Regex WhiteText();

    [GeneratedRegex(@"<(style|script)\b.*?</(style|script)\s*>", Options | RegexOptions.Singleline)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex(@"<[^>]*>", Options)]
    private static partial Regex Tag();

    [GeneratedRegex(" {2,}", Options)]
    private static partial Regex Spaces();
}
