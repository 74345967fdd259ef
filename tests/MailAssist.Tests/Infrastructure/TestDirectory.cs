using MailAssist.Api.Classification;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Tests.Infrastructure;

/// <summary>The demo mailbox's directory in memory, for tests that need no database.</summary>
public static class TestDirectory
{
    public static MailboxDirectory Demo { get; } = new(Guid.Parse("00000000-0000-0000-0000-00000000d3e0"),
        TestMessages.DemoMailbox, "Postmottak, Eksempel kommune",
        StandardUnits.Ids.Select(id => new Unit(id, $"Enhet {id}", $"{id}@eksempel.kommune.no", $"saker for {id}", id)).ToList());

    public static IncomingMessage Message(string subject = "Vannlekkasje i Storgata", string body = "Det renner vann ut av en kum utenfor Storgata 12.",
        string? bodyHtml = null, params string[] attachments) =>
        new(TestMessages.DemoMailbox, $"<{Guid.NewGuid():N}@example.no>", "Kari Nordmann <kari@example.no>", [TestMessages.DemoMailbox], [],
            subject, body, bodyHtml, attachments.Select(a => new Attachment(a, "application/pdf", 1000)).ToList(), DateTimeOffset.UtcNow);

    public static ClassificationInput Input(IncomingMessage? message = null, IReadOnlyList<ConfirmedExample>? examples = null) =>
        new(MessageCleaner.CleanAndRedact(message ?? Message()), Demo, examples ?? []);
}
