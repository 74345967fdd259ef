using System.Text.Json;
using System.Text.Json.Nodes;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Suggestions;

public sealed class ClassifyFlagsTests
{
    [Test]
    public async Task Innsynskrav_gets_the_deadline_flag_and_its_date_and_keeps_them_when_cached()
    {
        var message = TestMessages.Message("Innsynskrav", "Jeg ber om innsyn i sak 24/1234.");
        message["receivedAt"] = "2026-11-19T10:00:00+01:00";

        foreach (var json in await ClassifyTwiceAsync(message))
        {
            Assert.That(Strings(json, "flags"), Does.Contain("deadline"));
            Assert.That(Strings(json, "reasons"), Does.Contain("Innsynskrav: svar innen 3 virkedager (frist 2026-11-24)"));
        }
    }

    [Test]
    public async Task Message_about_health_gets_the_sensitive_flag_and_the_screening_hint_and_keeps_them_when_cached()
    {
        foreach (var json in await ClassifyTwiceAsync(TestMessages.Message("Søknad om sykehjemsplass", "Min far har demens.")))
        {
            Assert.That(Strings(json, "flags"), Does.Contain("sensitive"));
            Assert.That(Strings(json, "reasons"), Does.Contain("Vurder skjerming (offentleglova § 13)"));
        }
    }

    // The first answer and the cached one.
    private static async Task<JsonElement[]> ClassifyTwiceAsync(JsonObject message)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var api = new ApiFactory(database);
        using var client = await api.StartAsync();
        return [await (await client.ClassifyAsync(message)).ReadJsonAsync(), await (await client.ClassifyAsync(message)).ReadJsonAsync()];
    }

    private static string[] Strings(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
