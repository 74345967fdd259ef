using System.Text;
using MailAssist.Api.Classification.Guards;
using MailAssist.Api.Cleaning.Redaction;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Cleaning;

public static class MessageCleaner
{
    /// <summary>What every classifier sees and what may be stored: the message cleaned, then redacted.</summary>
    public static CleanedMessage CleanAndRedact(IncomingMessage message) => Redactor.Redact(Clean(message), KnownNames.Of(message));

    /// <summary>
    /// The message as a person reads it: HTML turned to text, quoted replies, forwarded history,
    /// signatures and disclaimers cut (the forwarded original kept when the top says nothing),
    /// subject prefixes stripped; sender domain, sender kind, attachment names and cues kept as signals.
    /// </summary>
    public static CleanedMessage Clean(IncomingMessage message)
    {
        var (subject, cues) = Cues.StripSubjectPrefixes(Normalize(message.Subject ?? "").Replace('\n', ' '));
        var raw = message.Body ?? "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            raw = message.BodyHtml ?? "";
            if (!string.IsNullOrWhiteSpace(raw))
            {
                raw = HtmlText.ToText(raw);
                cues |= MessageCues.HadHtmlOnly;
            }
        }
        else if (HtmlText.LooksLikeHtml(raw))
        {
            raw = HtmlText.ToText(raw);
        }
        raw = Normalize(raw);

        cues |= Cues.Detect(message.From, subject, raw);
        var (text, historyCues) = History.Cut(raw, cues.HasFlag(MessageCues.Forwarded));
        text = CollapseBlankLines(Signatures.DropDisclaimers(text));

        var domain = Senders.DomainOf(message.From);
        var attachments = message.Attachments.Select(a => a.Name.Trim()).Where(n => n.Length > 0).ToList();
        // Steering is judged on the message as received: cleaning removes the hidden text it hides in.
        var steering = ManipulationDetector.Inspect(message);
        return new CleanedMessage(subject, text, domain, Senders.KindOf(domain), attachments, cues | historyCues | steering);
    }

    /// <summary>Unix line ends, ordinary spaces, no zero-width characters, no trailing blanks.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r': break;
                case '\u00A0' or '\u2007' or '\u202F' or '\t': builder.Append(' '); break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD': break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString().Trim();
    }

    private static bool IsRule(string line) => line.Trim() is { Length: >= 3 } rule && rule.All(c => c is '_' or '-' or '=' or '*' or '~' or '─' or '—');

    private static string CollapseBlankLines(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blanks = 0;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Trim().Length == 0 || IsRule(trimmed))
            {
                if (builder.Length > 0) blanks++;
                continue;
            }
            if (builder.Length > 0) builder.Append(blanks > 0 ? "\n\n" : "\n");
            builder.Append(trimmed);
            blanks = 0;
        }
        return builder.ToString();
    }
}
