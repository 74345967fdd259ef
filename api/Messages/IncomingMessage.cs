namespace MailAssist.Api.Messages;

/// <summary>An e-mail as the task pane reads it from Outlook: the contract's message shape.</summary>
public record IncomingMessage(
    string? Mailbox,
    string InternetMessageId,
    string? From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string? Subject,
    string? Body,
    string? BodyHtml,
    IReadOnlyList<Attachment> Attachments,
    DateTimeOffset? ReceivedAt);

public sealed record Attachment(string Name, string? ContentType, long Size);
