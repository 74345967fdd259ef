using System.Text.RegularExpressions;

namespace MailAssist.Api.Cleaning;

/// <summary>Reply and forward prefixes of a subject, and the marks of machine-sent mail: auto-replies, bounces, read receipts, newsletters.</summary>
public static partial class Cues
{
    /// <summary>The subject without its reply and forward prefixes ("SV: VS: Fwd:" ...) and mail-system tags, and what the prefixes said.</summary>
    public static (string Subject, MessageCues Cues) StripSubjectPrefixes(string subject)
    {
        var cues = MessageCues.None;
        var rest = subject.Trim();
        while (true)
        {
            var match = SubjectPrefix().Match(rest);
            if (!match.Success) break;
            var prefix = match.Groups["prefix"].Value.ToLowerInvariant();
            if (prefix.Length > 0)
                cues |= prefix is "re" or "sv" or "aw" or "odp" or "ats" ? MessageCues.Reply : MessageCues.Forwarded;
            rest = rest[match.Length..].TrimStart();
        }
        return (rest, cues);
    }

    public static MessageCues Detect(string? from, string subject, string text)
    {
        var cues = MessageCues.None;
        var head = text.Length > 600 ? text[..600] : text;
        if (AutoReplySubject().IsMatch(subject) || AutoReplyText().IsMatch(head)) cues |= MessageCues.AutoReply;
        if (DeliveryFailureSubject().IsMatch(subject) || DeliveryFailureText().IsMatch(head)
            || from?.Contains("mailer-daemon", StringComparison.OrdinalIgnoreCase) == true)
            cues |= MessageCues.DeliveryFailure;
        if (ReadReceiptSubject().IsMatch(subject) || ReadReceiptText().IsMatch(head)) cues |= MessageCues.ReadReceipt;
        if (Senders.IsAutomatedAddress(from)) cues |= MessageCues.AutomatedSender;
        if (Unsubscribe().IsMatch(text)) cues |= MessageCues.Unsubscribe;
        return cues;
    }

    [GeneratedRegex(@"^(?:(?<prefix>re|sv|vs|fw|fwd|aw|wg|tr|rv|vb|odp|pd|ats|pers)\s*(?:\[\d+\]|\(\d+\))?\s*:|\[(?:ekstern|external|extern|ekstern avsender|external sender)\]|\((?:ekstern|external)\))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPrefix();

    [GeneratedRegex(@"^(?:automatisk svar|autosvar|automatic reply|auto[- ]?reply|autoreply|out of (?:the )?office|fraværsmelding|fråværsmelding|fravær\s*:|abwesenheitsnotiz|automatyczna odpowiedź|automatinis atsakymas)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutoReplySubject();

    [GeneratedRegex(@"\b(?:dette er et automatisk svar|dette er eit automatisk svar|this is an automatic reply|this is an automated (?:reply|response)|i am (?:currently )?out of (?:the )?office|jeg er (?:for tiden )?(?:ute av kontoret|borte fra kontoret|på ferie|fraværende)|eg er (?:på ferie|ute av kontoret)|automatisk fraværsmelding)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutoReplyText();

    [GeneratedRegex(@"^(?:undeliverable|kan ikke leveres|ikke levert|ikke leverbar|levering mislyktes|leveringen mislyktes|delivery status notification|mail delivery failed|delivery failure|returned mail|undelivered mail|failure notice|unzustellbar|message not delivered|meldingen ble ikke levert)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeliveryFailureSubject();

    [GeneratedRegex(@"(?:delivery has failed to these recipients|could not be delivered|couldn't be delivered|leveringen til (?:disse|følgende) mottakerne?|kunne ikke leveres|meldingen din kunne ikke leveres|permanent (?:fatal )?(?:error|failure)|550[ -]5\.\d\.\d|recipient address rejected|mailbox unavailable)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeliveryFailureText();

    [GeneratedRegex(@"^(?:lest|lese|read|gelesen|ikke lest|not read|lesebekreftelse|read receipt|return receipt|przeczytane)\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadReceiptSubject();

    [GeneratedRegex(@"(?:meldingen (?:din )?ble lest|meldinga (?:di )?vart lesen|your message\b.{0,200}\bwas read on|this is a receipt for the mail you sent)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ReadReceiptText();

    [GeneratedRegex(@"(?:unsubscribe|meld deg av|avmeld|avslutt abonnement|melde deg av|meld deg ut|view (?:this email )?in (?:your )?browser|vis (?:e-posten )?i nettleser|du mottar denne e-posten fordi|you are receiving this (?:email|e-mail) because|administrer (?:dine )?(?:abonnement|preferanser))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unsubscribe();
}
