using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailAssist.Api.Demo;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Demo;

public sealed class DemoMailboxTests
{
    private static readonly IReadOnlyList<DemoMessage> Messages = new DemoMailbox().Messages;

    [Test]
    public void Demo_mailbox_holds_at_least_30_messages_for_the_demo_mailbox_with_unique_ids()
    {
        Assert.That(Messages, Has.Count.AtLeast(30));
        Assert.That(Messages.Select(m => m.Message.InternetMessageId), Is.Unique);
        Assert.That(Messages.Select(m => m.Message.Mailbox), Has.All.EqualTo(TestMessages.DemoMailbox));
    }

    [Test]
    public void Demo_mailbox_covers_every_action_and_most_units_by_the_handling_routine()
    {
        Assert.That(Messages.Select(m => m.ExpectedAction).Distinct(), Is.EquivalentTo(Enum.GetValues<MailAction>()));
        Assert.That(Messages.Where(m => m.ExpectedAction != MailAction.Slett).Select(m => m.ExpectedUnit), Has.All.Matches<string?>(StandardUnits.IsKnown));
        Assert.That(Messages.Where(m => m.ExpectedAction == MailAction.Slett).Select(m => m.ExpectedUnit), Has.All.Null);
        Assert.That(Messages.Select(m => m.ExpectedUnit).OfType<string>().Distinct().Count(), Is.AtLeast(12));
    }

    [Test]
    public void Demo_mailbox_has_attachments_an_empty_message_and_markup_in_a_subject()
    {
        Assert.That(Messages.Count(m => m.Message.Attachments.Count > 0), Is.AtLeast(10));
        Assert.That(Messages.Any(m => string.IsNullOrEmpty(m.Message.Subject) && string.IsNullOrEmpty(m.Message.Body) && m.Message.Attachments.Count == 0), Is.True);
        Assert.That(Messages.Any(m => m.Message.Subject!.Contains("<script>", StringComparison.Ordinal)), Is.True);
    }

    public sealed class Endpoint : ApiTest
    {
        [Test]
        public async Task Demo_messages_are_served_in_the_shape_that_classify_accepts()
        {
            var messages = await Client.GetFromJsonAsync<JsonElement[]>("/api/demo/messages");

            Assert.That(messages, Has.Length.EqualTo(Messages.Count));
            Assert.That(messages![0].TryGetProperty("expected", out _), Is.False, "the label stays out of the inbox");
            foreach (var message in messages.Take(5))
            {
                var response = await Client.ClassifyAsync(JsonNode.Parse(message.GetRawText())!.AsObject());
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            }
        }
    }
}
