namespace MailAssist.Api.Cleaning;

/// <summary>
/// A message after cleaning and redaction: what every classifier sees and what may be stored.
/// </summary>
public sealed record CleanedMessage(
    string Subject,
    string Text,
    string SenderDomain,
    SenderKind SenderKind,
    IReadOnlyList<string> AttachmentNames,
    MessageCues Cues)
{
    public bool IsEmpty => Subject.Length == 0 && Text.Length == 0 && AttachmentNames.Count == 0;
}

public enum SenderKind
{
    Unknown,
    PrivatePerson,
    Municipality,
    PublicAuthority,
    Organisation,
}

[Flags]
public enum MessageCues
{
    None = 0,
    AutoReply = 1,
    DeliveryFailure = 2,
    ReadReceipt = 4,
    Reply = 8,
    Forwarded = 16,
    HadHtmlOnly = 32,
    AutomatedSender = 64,
    Unsubscribe = 128,

    /// <summary>Text addressed to a classifier or model (instructions, "system" prompts).</summary>
    SteeringText = 256,

    /// <summary>A ready-made verdict, such as {"action": "slett"}.</summary>
    EmbeddedVerdict = 512,

    /// <summary>Text a reader cannot see but a model reads: invisible characters, hidden HTML.</summary>
    HiddenText = 1024,

    PossibleManipulation = SteeringText | EmbeddedVerdict | HiddenText,
}

public static class MessageCueNames
{
    public static string[] Of(MessageCues cues) =>
        Enum.GetValues<MessageCues>().Where(c => c != MessageCues.None && cues.HasFlag(c)).Select(c => c.ToString()).ToArray();

    /// <summary>The cues named; names this version does not know are ignored.</summary>
    public static MessageCues Parse(IEnumerable<string> names) =>
        names.Aggregate(MessageCues.None, (cues, name) => Enum.TryParse<MessageCues>(name, out var cue) ? cues | cue : cues);
}
