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

    /// <summary>Text addressed to a classifier or model (instructions, "system" prompts).</summary>
    SteeringText = 64,

    /// <summary>A ready-made verdict, such as {"action": "slett"}.</summary>
    EmbeddedVerdict = 128,

    /// <summary>Text a reader cannot see but a model reads: invisible characters, hidden HTML.</summary>
    HiddenText = 256,

    PossibleManipulation = SteeringText | EmbeddedVerdict | HiddenText,
}
