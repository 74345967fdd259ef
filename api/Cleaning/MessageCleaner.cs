using MailAssist.Api.Classification.Guards;
using MailAssist.Api.Cleaning.Redaction;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Cleaning;

public static class MessageCleaner
{
    public static CleanedMessage CleanAndRedact(IncomingMessage message) => Redactor.Redact(Clean(message), KnownNames.Of(message));

    public static CleanedMessage Clean(IncomingMessage message)
    {
        var text = string.IsNullOrWhiteSpace(message.Body) ? message.BodyHtml ?? "" : message.Body;
        var from = message.From ?? "";
        var at = from.LastIndexOf('@');
        var domain = at < 0 ? "" : from[(at + 1)..].TrimEnd('>', ' ').ToLowerInvariant();
        return new CleanedMessage(message.Subject?.Trim() ?? "", text.Trim(), domain, SenderKind.Unknown,
            message.Attachments.Select(a => a.Name).ToList(), ManipulationDetector.Inspect(message));
    }
}
