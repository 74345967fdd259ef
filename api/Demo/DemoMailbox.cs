using System.Text.Json;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Demo;

/// <summary>
/// The demo mailbox's inbox: realistic postmottak messages shipped with the project (Demo/demo-mailbox.json),
/// so the product can be tried without Outlook. Each message also carries the label the handling routine gives it.
/// </summary>
public sealed class DemoMailbox
{
    public const string ResourceName = "Demo.demo-mailbox.json";

    public DemoMailbox() => Messages = Load();

    public IReadOnlyList<DemoMessage> Messages { get; }

    private static List<DemoMessage> Load()
    {
        using var stream = typeof(DemoMailbox).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var document = JsonDocument.Parse(stream);
        var messages = new List<DemoMessage>();
        foreach (var json in document.RootElement.EnumerateArray())
        {
            var read = MessageReader.Read(json);
            if (read.Message is null)
                throw new InvalidOperationException($"Demo message {messages.Count} is invalid: " +
                    string.Join("; ", read.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
            var expected = json.GetProperty("expected");
            messages.Add(new DemoMessage(read.Message, MailActions.Parse(expected.GetProperty("action").GetString()!),
                expected.GetProperty("unit").GetString()));
        }
        return messages;
    }
}

public sealed record DemoMessage(IncomingMessage Message, MailAction ExpectedAction, string? ExpectedUnit);
