using System.Text.RegularExpressions;

namespace MailAssist.Api.Cleaning;

/// <summary>
/// Cuts the quoted replies and forwarded history under a message's own text. When that text is
/// empty or trivial ("Se under", "FYI"), the forwarded or quoted original is what the message is
/// about, so it is kept, itself cleaned the same way.
/// </summary>
public static partial class History
{
    private const int MaxDepth = 4;
    private const int TrivialReplyWords = 3;
    private const int TrivialCoverNoteWords = 25; // a forward's cover note rarely says more than "to you, see below, please handle"

    private static readonly HashSet<string> TrivialWords =
    [
        "hei", "hallo", "heisann", "hey", "hi", "hello", "dear", "kjære", "god", "morgen", "dag", "se", "sjå", "under", "nedenfor",
        "nedanfor", "below", "fyi", "til", "info", "orientering", "informasjon", "videresender", "vidaresender", "videresendes",
        "videresendt", "vidaresendt", "forwarding", "forwarded", "forward", "sender", "videre", "vidare", "denne", "dette", "fra", "frå",
        "the", "this", "see", "for", "your", "information", "vs", "fw", "fwd", "takk", "thanks", "ok", "og", "på", "er", "det", "en",
        "et", "ei", "mail", "e-post", "epost", "melding", "meldingen", "vedlagt", "vedlegg", "se vedlegg",
    ];

    /// <param name="forwarded">The subject says the message is a forward, so Outlook's ambiguous history header is a forward's.</param>
    public static (string Text, MessageCues Cues) Cut(string text, bool forwarded) => Cut(text.Split('\n').ToList(), forwarded, 0);

    private static (string Text, MessageCues Cues) Cut(List<string> lines, bool forwarded, int depth)
    {
        var (marker, kind) = FindMarker(lines);
        var top = Unquoted(Signatures.Cut(marker < 0 ? lines : lines.GetRange(0, marker)));
        var topText = string.Join('\n', top).Trim();
        var cues = kind;
        var coverNote = forwarded || kind == MessageCues.Forwarded;

        if (marker >= 0 && depth < MaxDepth && IsTrivial(topText, coverNote ? TrivialCoverNoteWords : TrivialReplyWords))
        {
            var (original, nested) = Cut(Dequote(SkipHeaders(lines, marker + 1)), false, depth + 1);
            return (Join(topText, original), cues | nested);
        }
        if (marker < 0 && depth < MaxDepth && IsTrivial(topText, TrivialReplyWords) && lines.Any(IsQuoted))
        {
            var (original, nested) = Cut(Dequote(lines.Where(IsQuoted).ToList()), false, depth + 1);
            return (Join(topText, original), cues | nested | MessageCues.Reply);
        }
        if (lines.Any(IsQuoted)) cues |= MessageCues.Reply;
        return (topText, cues);
    }

    private static string Join(string top, string original) =>
        top.Length == 0 ? original : original.Length == 0 ? top : top + "\n\n" + original;

    /// <summary>The first line where earlier mail begins, and whether it is a reply's quote or a forward.</summary>
    private static (int Line, MessageCues Kind) FindMarker(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (ForwardMarker().IsMatch(line)) return (i, MessageCues.Forwarded);
            if (OriginalMessage().IsMatch(line)) return (i, MessageCues.Reply);
            if (IsReplyHeader(line) || i + 1 < lines.Count && ReplyOpening().IsMatch(line) && IsReplyHeader(line + " " + lines[i + 1].Trim()))
                return (i, MessageCues.Reply);
            if (FromHeader().IsMatch(line) && IsHeaderBlock(lines, i)) return (i, MessageCues.Reply);
        }
        return (-1, MessageCues.None);
    }

    private static bool IsReplyHeader(string line) =>
        line.Length <= 400 && line.EndsWith(':') && WroteLine().IsMatch(line) && (line.Contains('@') || Time().IsMatch(line) || ReplyOpening().IsMatch(line) && Year().IsMatch(line));

    /// <summary>Outlook's "Fra: / Sendt: / Til: / Emne:" block: a From line with a date line and a recipient or subject line just below.</summary>
    private static bool IsHeaderBlock(List<string> lines, int from)
    {
        bool date = false, other = false;
        for (var j = from + 1; j < Math.Min(lines.Count, from + 6); j++)
        {
            var line = lines[j].Trim();
            date |= DateHeader().IsMatch(line);
            other |= ToOrSubjectHeader().IsMatch(line);
        }
        return date && other;
    }

    /// <summary>The history's lines after its marker and header block (which ends at a blank line, since values may wrap).</summary>
    private static List<string> SkipHeaders(List<string> lines, int from)
    {
        var i = from;
        while (i < lines.Count && IsBlank(lines[i])) i++;
        if (i < lines.Count && AnyHeader().IsMatch(Dequoted(lines[i]).Trim()))
        {
            var blank = lines.FindIndex(i, Math.Min(15, lines.Count - i), IsBlank);
            if (blank >= 0) i = blank;
            else while (i < lines.Count && AnyHeader().IsMatch(Dequoted(lines[i]).Trim())) i++;
        }
        return lines.GetRange(i, lines.Count - i);
    }

    private static bool IsBlank(string line) => Dequoted(line).Trim().Length == 0;

    private static bool IsTrivial(string text, int contentWords)
    {
        var words = 0;
        foreach (var token in Words().EnumerateMatches(text))
        {
            var word = text.Substring(token.Index, token.Length).ToLowerInvariant();
            if (!TrivialWords.Contains(word) && ++words >= contentWords) return false;
        }
        return true;
    }

    private static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    private static List<string> Unquoted(List<string> lines) => lines.Where(l => !IsQuoted(l)).ToList();

    /// <summary>Lines with one level of "&gt;" removed when every non-blank line is quoted, as in a forward that quotes the original.</summary>
    private static List<string> Dequote(List<string> lines) =>
        lines.Where(l => l.Trim().Length > 0).All(IsQuoted) ? lines.Select(Dequoted).ToList() : lines;

    private static string Dequoted(string line)
    {
        var trimmed = line.TrimStart();
        if (!trimmed.StartsWith('>')) return line;
        return trimmed.Length > 1 && trimmed[1] == ' ' ? trimmed[2..] : trimmed[1..];
    }

    [GeneratedRegex(@"^(?:-{2,}\s*(?:videresendt melding|vidaresendt melding|videresendt e-post|forwarded message|weitergeleitete nachricht|przekazana wiadomość|wiadomość przekazana|persiųstas laiškas)\s*-{2,}|(?:begin forwarded message|start på videresendt melding|start på vidaresendt melding|videresendt melding|forwarded message|anfang der weitergeleiteten nachricht)\s*:)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^-{2,}\s*(?:opprinnelig melding|opprinneleg melding|original message|originalmelding|oprindelig meddelelse|ursprüngliche nachricht|wiadomość oryginalna|originalt meddelande)\s*-{2,}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(?:den|on|le|am|el|op|em|w dniu|dnia|от|в)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyOpening();

    [GeneratedRegex(@"\b(?:skrev|skreiv|wrote|schrieb|a écrit|napisał|napisała|rašė|написав|написала|написал|escribió|kirjoitti)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteLine();

    [GeneratedRegex(@"\b\d{1,2}[:.]\d{2}\b")]
    private static partial Regex Time();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\*?(?:fra|frå|from|von|od|de)\s*:\*?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromHeader();

    [GeneratedRegex(@"^\*?(?:sendt|sent|dato|date|gesendet|wysłano|data|envoyé)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateHeader();

    [GeneratedRegex(@"^\*?(?:til|to|an|do|à|emne|subject|betreff|temat|objet)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToOrSubjectHeader();

    [GeneratedRegex(@"^\*?(?:fra|frå|from|von|od|de|sendt|sent|dato|date|gesendet|wysłano|data|envoyé|til|to|an|do|à|kopi|cc|emne|subject|betreff|temat|objet|viktighet|importance|prioritet|priority|vedlegg|attachments|svar til|reply-to)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyHeader();

    [GeneratedRegex(@"[\p{L}][\p{L}\-]*")]
    private static partial Regex Words();
}
