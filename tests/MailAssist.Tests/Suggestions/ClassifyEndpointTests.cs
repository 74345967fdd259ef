using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Suggestions;

public sealed class ClassifyEndpointTests : ApiTest
{
    [Test]
    public async Task Message_gets_a_suggestion_with_every_contract_field()
    {
        var response = await Client.ClassifyAsync(TestMessages.Message());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var json = await response.ReadJsonAsync();
        foreach (var field in new[] { "suggestionId", "action", "unit", "unitName", "confidence", "needsReview", "explanation", "reasons", "flags", "similar", "classifier", "cached" })
            Assert.That(json.TryGetProperty(field, out _), Is.True, $"missing {field}");
        Assert.That(json.GetProperty("action").GetString(), Is.AnyOf("journalfor", "videresend", "slett"));
        Assert.That(json.GetProperty("cached").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Obvious_invoice_is_forwarded_to_the_invoice_unit()
    {
        var message = TestMessages.Message("Faktura 2026-0412 fra Vestland Maskin AS",
            "Hei,\n\nVedlagt følger faktura 2026-0412 for leie av hjullaster til snørydding i januar. Beløp kr 48 750,00 inkl. mva.\n"
            + "Forfallsdato 14.02.2026. Vennligst merk betalingen med KID 0041220264.\n\nMed vennlig hilsen\nRegnskap, Vestland Maskin AS",
            from: "Vestland Maskin AS <faktura@vestlandmaskin.no>",
            attachments: new JsonArray(new JsonObject { ["name"] = "Faktura_2026-0412.pdf", ["contentType"] = "application/pdf", ["size"] = 91234 }));

        var json = await (await Client.ClassifyAsync(message)).ReadJsonAsync();

        Assert.That(json.GetProperty("action").GetString(), Is.EqualTo("videresend"));
        Assert.That(json.GetProperty("unit").GetString(), Is.EqualTo("okonomi"));
        Assert.That(json.GetProperty("classifier").GetString(), Does.StartWith("local-v"));
    }

    [Test]
    public async Task Obvious_phishing_is_suggested_deleted()
    {
        var message = TestMessages.Message("Din postkasse er full – bekreft kontoen din innen 24 timer",
            "Kjære bruker,\n\nDin Microsoft 365-postkasse har nådd lagringsgrensen. Innkommende e-post blir avvist fra i dag.\n"
            + "Klikk her for å bekrefte kontoen din og få 50 GB gratis lagring: http://microsoft365-verifisering.support/login\n\n"
            + "Hvis du ikke bekrefter innen 24 timer, blir kontoen din stengt.\n\nMicrosoft-kontoteamet",
            from: "Microsoft 365 <no-reply@microsoft365-verifisering.support>");

        var json = await (await Client.ClassifyAsync(message)).ReadJsonAsync();

        Assert.That(json.GetProperty("action").GetString(), Is.EqualTo("slett"));
        Assert.That(json.GetProperty("unit").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public async Task Same_message_classified_again_returns_the_stored_suggestion_as_cached()
    {
        var message = TestMessages.Message();
        var first = await (await Client.ClassifyAsync(message)).ReadJsonAsync();
        var second = await (await Client.ClassifyAsync(message)).ReadJsonAsync();

        Assert.That(second.GetProperty("suggestionId").GetString(), Is.EqualTo(first.GetProperty("suggestionId").GetString()));
        Assert.That(second.GetProperty("cached").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Concurrent_classifications_of_one_message_store_one_suggestion()
    {
        var message = TestMessages.Message();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.ClassifyAsync(message)));
        var ids = new HashSet<string?>();
        foreach (var response in responses) ids.Add((await response.ReadJsonAsync()).GetProperty("suggestionId").GetString());

        Assert.That(ids, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Empty_email_is_not_bad_input_and_gets_a_suggestion()
    {
        var message = new JsonObject { ["internetMessageId"] = $"<{Guid.NewGuid():N}@example.no>" };

        var response = await Client.ClassifyAsync(message);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Left_out_mailbox_uses_the_default_mailbox()
    {
        var message = TestMessages.Message();
        message.Remove("mailbox");

        var json = await (await Client.ClassifyAsync(message)).ReadJsonAsync();

        Assert.That(json.GetProperty("suggestionId").GetString(), Is.Not.Empty);
    }

    private static IEnumerable<TestCaseData> BadMessages()
    {
        JsonObject With(Action<JsonObject> change) { var m = TestMessages.Message(); change(m); return m; }
        yield return new TestCaseData(With(m => m.Remove("internetMessageId")), "internetMessageId").SetName("Missing_internetMessageId_is_rejected_naming_the_field");
        yield return new TestCaseData(With(m => m["internetMessageId"] = " "), "internetMessageId").SetName("Blank_internetMessageId_is_rejected_naming_the_field");
        yield return new TestCaseData(With(m => m["subject"] = 42), "subject").SetName("Subject_of_wrong_type_is_rejected_naming_the_field");
        yield return new TestCaseData(With(m => m["to"] = "a@b.no"), "to").SetName("Recipients_not_a_list_are_rejected_naming_the_field");
        yield return new TestCaseData(With(m => m["receivedAt"] = "yesterday"), "receivedAt").SetName("Unreadable_receivedAt_is_rejected_naming_the_field");
        yield return new TestCaseData(With(m => m["mailbox"] = "ukjent@eksempel.kommune.no"), "mailbox").SetName("Unknown_mailbox_is_rejected_naming_the_field");
        yield return new TestCaseData(With(m => m["subject"] = new string('x', 5000)), "subject").SetName("Over_long_subject_is_rejected_naming_the_field");
        yield return new TestCaseData(With(m => m["attachments"] = new JsonArray(Enumerable.Range(0, 101)
            .Select(i => (JsonNode)new JsonObject { ["name"] = $"v{i}.pdf", ["contentType"] = "application/pdf", ["size"] = 1 }).ToArray())), "attachments")
            .SetName("More_than_100_attachments_are_rejected_naming_the_field");
        yield return new TestCaseData(With(m => m["attachments"] = new JsonArray(new JsonObject { ["name"] = "a.pdf", ["size"] = -1 })), "attachments[0].size")
            .SetName("Negative_attachment_size_is_rejected_naming_the_field");
    }

    [TestCaseSource(nameof(BadMessages))]
    public async Task Bad_input_gets_problem_details_naming_the_field_and_stores_nothing(JsonObject message, string field)
    {
        var before = await CountSuggestionsAsync();

        var response = await Client.ClassifyAsync(message);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.ReadJsonAsync();
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That(await CountSuggestionsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Malformed_json_is_rejected_with_problem_details()
    {
        var response = await Client.PostAsync("/api/classify", new StringContent("{\"internetMessageId\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Body_over_one_megabyte_is_rejected_with_413_and_stores_nothing()
    {
        var before = await CountSuggestionsAsync();
        var message = TestMessages.Message(body: new string('a', 1_100_000));

        var response = await Client.ClassifyAsync(message);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await CountSuggestionsAsync(), Is.EqualTo(before));
    }

    private async Task<long> CountSuggestionsAsync()
    {
        await using var dataSource = Api.Database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM suggestions");
    }
}
