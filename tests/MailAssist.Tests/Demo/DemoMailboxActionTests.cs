using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Demo;

/// <summary>The demo mailbox carries out decisions in the database: /api/demo/messages shows where each message went.</summary>
public sealed class DemoMailboxActionTests : ApiTest
{
    [TestCase(10, "videresend", "servicetorget", "Videresendt", "MailAssist: Videresendt til Servicetorget")]
    [TestCase(11, "slett", null, "deleteditems", "MailAssist: Slettet")]
    [TestCase(12, "journalfor", "arkiv", "Til journalføring", "MailAssist: Til journalføring for Arkiv og innsyn")]
    public async Task A_decided_demo_message_leaves_the_inbox_for_its_folder_with_its_category(
        int index, string action, string? unit, string folder, string category)
    {
        var message = (await MessagesAsync())[index];
        var suggestion = await (await Client.ClassifyAsync(JsonNode.Parse(message.GetRawText())!.AsObject())).ReadJsonAsync();

        var decision = await (await Client.DecideAsync(suggestion.GetProperty("suggestionId").GetString()!, action, unit, $"demo-{index}")).ReadJsonAsync();

        var mailboxAction = decision.GetProperty("mailboxAction");
        Assert.That(mailboxAction.GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(mailboxAction.GetProperty("performedBy").GetString(), Is.EqualTo("utvikler@eksempel.kommune.no"));
        var after = (await MessagesAsync()).Single(m => Id(m) == Id(message));
        Assert.That(after.GetProperty("folder").GetString(), Is.EqualTo(folder));
        Assert.That(after.GetProperty("categories").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { category }));
    }

    [Test]
    public async Task Messages_no_one_decided_stay_in_the_inbox_without_categories()
    {
        var messages = await MessagesAsync();

        var untouched = messages[20];

        Assert.That(untouched.GetProperty("folder").GetString(), Is.EqualTo("inbox"));
        Assert.That(untouched.GetProperty("categories").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_repeated_confirm_and_a_retry_forward_a_demo_message_once()
    {
        var message = (await MessagesAsync())[13];
        var suggestionId = (await (await Client.ClassifyAsync(JsonNode.Parse(message.GetRawText())!.AsObject())).ReadJsonAsync())
            .GetProperty("suggestionId").GetString()!;

        await Client.DecideAsync(suggestionId, "videresend", "byggesak", "repeat");
        await Client.DecideAsync(suggestionId, "videresend", "byggesak", "repeat");
        var retried = await (await Client.PostAsync($"/api/suggestions/{suggestionId}/decision/action/retry", null)).ReadJsonAsync();

        Assert.That(retried.GetProperty("mailboxAction").GetProperty("attempts").GetInt32(), Is.EqualTo(1));
        await using var dataSource = Api.Database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        var forwards = await connection.QuerySingleAsync<string[]>("SELECT forwarded_to FROM demo_message_state WHERE 'byggesak@eksempel.kommune.no' = ANY(forwarded_to)");
        Assert.That(forwards, Is.EqualTo(new[] { "byggesak@eksempel.kommune.no" }));
    }

    private async Task<JsonElement[]> MessagesAsync() => (await Client.GetFromJsonAsync<JsonElement[]>("/api/demo/messages"))!;

    private static string Id(JsonElement message) => message.GetProperty("internetMessageId").GetString()!;
}
