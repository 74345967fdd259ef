using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Suggestions;

/// <summary>"Similar earlier messages": decided messages of the same mailbox that read alike, shown and given to the model as examples.</summary>
public sealed class SimilarMessagesTests : ModelApiTest
{
    private async Task<string> DecidedAsync(string subject, string body, string action = "videresend", string? unit = "teknisk", string mailbox = TestMessages.DemoMailbox)
    {
        var message = TestMessages.Message(subject, body);
        message["mailbox"] = mailbox;
        var id = (await (await Client.ClassifyAsync(message)).ReadJsonAsync()).GetProperty("suggestionId").GetString()!;
        await Client.DecideAsync(id, action, unit, $"similar-{Guid.NewGuid():N}");
        return id;
    }

    private static IReadOnlyList<string?> SimilarIds(JsonElement response) =>
        response.GetProperty("similar").EnumerateArray().Select(s => s.GetProperty("suggestionId").GetString()).ToList();

    [Test]
    public async Task Decided_message_that_reads_alike_is_shown_with_the_staff_decision()
    {
        var earlier = await DecidedAsync("Vannlekkasje i Storgata", "Det fosser vann opp av kummen utenfor Storgata 12 og inn i kjelleren vår.", "journalfor", "teknisk");

        var response = await (await Client.ClassifyAsync(TestMessages.Message("Vannlekkasje i Storgata", "Det fosser vann opp av kummen utenfor Storgata 14 og inn i kjelleren."))).ReadJsonAsync();

        var similar = response.GetProperty("similar");
        Assert.That(SimilarIds(response), Does.Contain(earlier));
        var first = similar[0];
        Assert.That(first.GetProperty("suggestionId").GetString(), Is.EqualTo(earlier));
        Assert.That(first.GetProperty("subject").GetString(), Is.EqualTo("Vannlekkasje i Storgata"));
        Assert.That(first.GetProperty("action").GetString(), Is.EqualTo("journalfor"));
        Assert.That(first.GetProperty("unit").GetString(), Is.EqualTo("teknisk"));
        Assert.That(first.GetProperty("unitName").GetString(), Is.EqualTo("Kommunalteknikk"));
        Assert.That(first.TryGetProperty("decidedAt", out _), Is.True);
    }

    [Test]
    public async Task Message_without_a_decision_is_not_shown()
    {
        var undecided = (await (await Client.ClassifyAsync(TestMessages.Message("Hull i asfalten Kirkeveien", "Stort hull i asfalten ved Kirkeveien 3, farlig for syklister."))).ReadJsonAsync())
            .GetProperty("suggestionId").GetString();

        var response = await (await Client.ClassifyAsync(TestMessages.Message("Hull i asfalten Kirkeveien", "Stort hull i asfalten ved Kirkeveien 5, farlig for syklister."))).ReadJsonAsync();

        Assert.That(SimilarIds(response), Does.Not.Contain(undecided));
    }

    [Test]
    public async Task Message_of_another_mailbox_is_not_shown()
    {
        await using (var dataSource = Api.Database.CreateDataSource())
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            var id = Guid.NewGuid();
            await connection.ExecuteAsync("INSERT INTO mailboxes (id, address, display_name) VALUES (@id, 'post@nabo.kommune.no', 'Postmottak, Nabo kommune')", new { id });
            await connection.ExecuteAsync("""
                INSERT INTO units (mailbox_id, id, name, address, owns, kind)
                VALUES (@id, 'teknisk', 'Teknisk drift', 'teknisk@nabo.kommune.no', 'veier og vann', 'teknisk')
                """, new { id });
        }
        var elsewhere = await DecidedAsync("Gatelys ute i Fjordveien", "Tre gatelys er mørke i Fjordveien ved bussholdeplassen.", mailbox: "post@nabo.kommune.no");

        var response = await (await Client.ClassifyAsync(TestMessages.Message("Gatelys ute i Fjordveien", "Tre gatelys er mørke i Fjordveien ved skolen."))).ReadJsonAsync();

        Assert.That(SimilarIds(response), Does.Not.Contain(elsewhere));
    }

    [Test]
    public async Task Message_that_reads_differently_is_not_shown()
    {
        var earlier = await DecidedAsync("Faktura 55120 fra Bygg AS", "Vedlagt faktura 55120 for snekkerarbeid på Vikhaugen skole, forfall 20.11.", "videresend", "okonomi");

        var response = await (await Client.ClassifyAsync(TestMessages.Message("Bekymring for nabobarn", "Jeg er bekymret for et barn i nabohuset som ofte er alene hjemme om kvelden."))).ReadJsonAsync();

        Assert.That(SimilarIds(response), Does.Not.Contain(earlier));
    }

    [Test]
    public async Task Stored_suggestion_shown_again_lists_similar_messages_but_not_itself()
    {
        var earlier = await DecidedAsync("Brøyting Solbakken", "Solbakken er ikke brøytet siden fredag, vi kommer oss ikke ut med bilen.");
        var message = TestMessages.Message("Brøyting Solbakken", "Solbakken er ikke brøytet siden lørdag, vi kommer oss ikke ut med bilen.");
        var first = await (await Client.ClassifyAsync(message)).ReadJsonAsync();

        var again = await (await Client.ClassifyAsync(message)).ReadJsonAsync();

        Assert.That(again.GetProperty("cached").GetBoolean(), Is.True);
        Assert.That(SimilarIds(again), Does.Contain(earlier).And.Not.Contain(first.GetProperty("suggestionId").GetString()));
    }

    [Test]
    public async Task Similar_decided_messages_are_given_to_the_model_as_examples()
    {
        await DecidedAsync("Søknad om kulturmidler til korpset", "Eksempelby skolekorps søker om 20 000 kroner i kulturmidler til nye uniformer.", "journalfor", "kultur");
        var before = Model.Requests.Count;

        await Client.ClassifyAsync(TestMessages.Message("Søknad om kulturmidler til korpset", "Eksempelby skolekorps søker om 25 000 kroner i kulturmidler til instrumenter."));

        var prompt = Model.Requests.Skip(before).Single().UserPrompt;
        var code = Regex.Match(prompt, "⟦EKSEMPEL (?<code>[0-9a-f]+)⟧").Groups["code"].Value;
        Assert.That(code, Is.Not.Empty);
        var example = prompt[prompt.IndexOf($"⟦EKSEMPEL {code}⟧", StringComparison.Ordinal)..prompt.IndexOf($"⟦/EKSEMPEL {code}⟧", StringComparison.Ordinal)];
        Assert.That(example, Does.Contain("20 000 kroner i kulturmidler til nye uniformer"));
        Assert.That(prompt, Does.Contain("Avgjort: journalfor til kultur"));
    }
}
