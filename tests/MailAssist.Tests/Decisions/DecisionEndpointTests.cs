using System.Net;
using Dapper;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Decisions;

public sealed class DecisionEndpointTests : ApiTest
{
    private async Task<(string Id, string Action, string? Unit)> SuggestAsync()
    {
        var json = await (await Client.ClassifyAsync(TestMessages.Message())).ReadJsonAsync();
        var unit = json.GetProperty("unit");
        return (json.GetProperty("suggestionId").GetString()!, json.GetProperty("action").GetString()!,
            unit.ValueKind == System.Text.Json.JsonValueKind.Null ? null : unit.GetString());
    }

    [Test]
    public async Task Confirming_the_suggestion_stores_an_accepted_decision_by_the_signed_in_user()
    {
        var (id, action, unit) = await SuggestAsync();

        var response = await Client.DecideAsync(id, action, unit, "k-1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var decision = await response.ReadJsonAsync();
        Assert.That(decision.GetProperty("accepted").GetBoolean(), Is.True);
        Assert.That(decision.GetProperty("suggestionId").GetString(), Is.EqualTo(id));
        Assert.That(decision.GetProperty("decidedBy").GetString(), Is.EqualTo("utvikler@eksempel.kommune.no"));
        Assert.That(decision.TryGetProperty("decidedAt", out _), Is.True);
    }

    [Test]
    public async Task Changed_decision_is_stored_as_not_accepted()
    {
        var (id, action, _) = await SuggestAsync();
        var (other, otherUnit) = action == "journalfor" ? ("videresend", "kultur") : ("journalfor", "arkiv");

        var decision = await (await Client.DecideAsync(id, other, otherUnit, "k-2")).ReadJsonAsync();

        Assert.That(decision.GetProperty("accepted").GetBoolean(), Is.False);
        Assert.That(decision.GetProperty("unit").GetString(), Is.EqualTo(otherUnit));
    }

    [Test]
    public async Task Decision_with_same_idempotency_key_is_stored_once()
    {
        var (id, action, unit) = await SuggestAsync();

        var first = await Client.DecideAsync(id, action, unit, "same-key");
        var second = await Client.DecideAsync(id, action, unit, "same-key");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await second.ReadJsonAsync()).GetProperty("decisionId").GetString(),
            Is.EqualTo((await first.ReadJsonAsync()).GetProperty("decisionId").GetString()));
        Assert.That(await CountDecisionsAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Double_clicked_confirm_sent_concurrently_stores_one_decision()
    {
        var (id, action, unit) = await SuggestAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.DecideAsync(id, action, unit, "double-click")));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.All(r => r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK), Is.True);
        Assert.That(await CountDecisionsAsync(id), Is.EqualTo(1));
    }

    [Test]
    public async Task Different_decision_for_a_decided_message_gets_409_with_the_existing_one()
    {
        var (id, _, _) = await SuggestAsync();
        await Client.DecideAsync(id, "slett", null, "first");

        var response = await Client.DecideAsync(id, "journalfor", "arkiv", "second");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.ReadJsonAsync()).GetProperty("action").GetString(), Is.EqualTo("slett"));
    }

    [Test]
    public async Task Missing_idempotency_key_is_rejected_naming_the_header()
    {
        var (id, action, unit) = await SuggestAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/suggestions/{id}/decision")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { action, unit }),
        };

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _), Is.True);
    }

    [TestCase("arkiver", "arkiv", "action")]
    [TestCase("videresend", "finnes-ikke", "unit")]
    [TestCase("videresend", null, "unit")]
    [TestCase("slett", "arkiv", "unit")]
    public async Task Invalid_decision_is_rejected_naming_the_field_and_stores_nothing(string action, string? unit, string field)
    {
        var (id, _, _) = await SuggestAsync();

        var response = await Client.DecideAsync(id, action, unit, Guid.NewGuid().ToString());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), Is.True);
        Assert.That(await CountDecisionsAsync(id), Is.Zero);
    }

    [Test]
    public async Task Decision_for_unknown_suggestion_is_404()
    {
        var response = await Client.DecideAsync(Guid.NewGuid().ToString(), "slett", null, "k");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<long> CountDecisionsAsync(string suggestionId)
    {
        await using var dataSource = Api.Database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM decisions WHERE suggestion_id = @Id", new { Id = Guid.Parse(suggestionId) });
    }
}
