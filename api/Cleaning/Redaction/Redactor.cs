using System.Text;
using System.Text.RegularExpressions;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// Replaces personal data with typed placeholders ("[fødselsnummer]", "[telefon]", "[navn]" …)
/// before any text leaves the process or is stored. Pure: a text without personal data comes
/// back as the same instance.
/// </summary>
public static partial class Redactor
{
    /// <summary>The message with its subject, text and attachment names redacted.</summary>
    public static CleanedMessage Redact(CleanedMessage message, KnownNames names)
    {
        var redacted = Redact([message.Subject, message.Text, .. message.AttachmentNames], firstFileName: 2, names);
        return message with
        {
            Subject = redacted[0],
            Text = redacted[1],
            AttachmentNames = redacted[2..],
            SenderDomain = RedactDomain(message.SenderDomain, names),
        };
    }

    /// <summary>Redacts one text; <paramref name="names"/> are the persons known from the message's headers.</summary>
    public static string Redact(string text, KnownNames? names = null) =>
        Redact([text], firstFileName: 1, names ?? KnownNames.None)[0];

    // Names are looked for last, once every field's personal e-mail addresses have added theirs.
    private static string[] Redact(string[] fields, int firstFileName, KnownNames names)
    {
        var spans = new List<RedactionSpan>[fields.Length];
        var localParts = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            spans[i] = [];
            EmailAddresses.Find(fields[i], spans[i]);
            foreach (var email in spans[i]) localParts.Add(fields[i][email.Start..fields[i].IndexOf('@', email.Start)]);
            NumberScanner.Find(fields[i], spans[i]);
            StreetAddresses.Find(fields[i], spans[i]);
        }
        var known = localParts.Count == 0 ? names : names.WithLocalParts(localParts);
        var found = new List<string>();
        for (var i = 0; i < fields.Length; i++) PersonNames.Find(fields[i], spans[i], known, fileName: i >= firstFileName, found);
        if (found.Count > 0)
        {
            known = known.WithNames(found);
            for (var i = 0; i < fields.Length; i++) PersonNames.FindKnown(fields[i], spans[i], known, fileName: i >= firstFileName);
        }
        var redacted = new string[fields.Length];
        for (var i = 0; i < fields.Length; i++) redacted[i] = Apply(fields[i], spans[i]);
        return redacted;
    }

    // A private person's own domain names them ("aune-hjem.no"): such parts become "[navn]", the rest stays.
    private static string RedactDomain(string domain, KnownNames names) =>
        names.IsEmpty ? domain : DomainPart().Replace(domain, m => names.Contains(m.ValueSpan) ? PersonalDataKind.Navn.Placeholder() : m.Value);

    [GeneratedRegex("[^.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPart();

    private static string Apply(string text, List<RedactionSpan> spans)
    {
        if (spans.Count == 0) return text;
        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in Merge(text, spans))
        {
            builder.Append(text, at, span.Start - at).Append(span.Kind.Placeholder());
            at = span.End;
        }
        return builder.Append(text, at, text.Length - at).ToString();
    }

    // Sorted and overlaps joined under the longer find's kind; names separated only by spaces become one.
    private static List<RedactionSpan> Merge(string text, List<RedactionSpan> spans)
    {
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<RedactionSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count == 0 || !Continues(text, merged[^1], span))
            {
                merged.Add(span);
                continue;
            }
            var last = merged[^1];
            var kind = span.End - span.Start > last.End - last.Start ? span.Kind : last.Kind;
            merged[^1] = new RedactionSpan(last.Start, Math.Max(last.End, span.End), kind);
        }
        return merged;
    }

    private static bool Continues(string text, RedactionSpan last, RedactionSpan next) =>
        next.Start < last.End
        || last.Kind == PersonalDataKind.Navn && next.Kind == PersonalDataKind.Navn
            && text.AsSpan(last.End, next.Start - last.End).IndexOfAnyExcept(" \t_-") < 0;
}
