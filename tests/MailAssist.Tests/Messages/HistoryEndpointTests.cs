using System.Net;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Messages;

public sealed class HistoryEndpointTests : ApiTest
{
    [Test]
    public async Task History_shows_the_suggestion_the_decision_and_the_mailbox_action_oldest_first()
    {
        var message = TestMessages.Message();
        var suggestion = await (await Client.ClassifyAsync(message)).ReadJsonAsync();
        await Client.DecideAsync(suggestion.GetProperty("suggestionId").GetString()!, "journalfor", "arkiv", "h-1");

        var history = await (await Client.GetAsync(
            $"/api/messages/history?mailbox={TestMessages.DemoMailbox}&internetMessageId={Uri.EscapeDataString(message["internetMessageId"]!.GetValue<string>())}")).ReadJsonAsync();

        Assert.That(history.EnumerateArray().Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "suggestion", "decision", "action" }));
        Assert.That(history[1].GetProperty("unit").GetString(), Is.EqualTo("arkiv"));
        Assert.That(history[1].GetProperty("decidedBy").GetString(), Is.EqualTo("utvikler@eksempel.kommune.no"));
        Assert.That(history[2].GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(history[2].GetProperty("movedTo").GetString(), Is.EqualTo("Til journalføring"));
        Assert.That(history[2].GetProperty("category").GetString(), Is.EqualTo("MailAssist: Til journalføring for Arkiv og innsyn"));
        Assert.That(history[2].GetProperty("performedBy").GetString(), Is.EqualTo("utvikler@eksempel.kommune.no"));
    }

    [Test]
    public async Task History_of_a_message_never_classified_is_empty()
    {
        var history = await (await Client.GetAsync("/api/messages/history?internetMessageId=%3Cnever%40example.no%3E")).ReadJsonAsync();

        Assert.That(history.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task History_without_message_id_is_rejected_naming_the_field()
    {
        var response = await Client.GetAsync("/api/messages/history?mailbox=postmottak@eksempel.kommune.no");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("internetMessageId", out _), Is.True);
    }
}
