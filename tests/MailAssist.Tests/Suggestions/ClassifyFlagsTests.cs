using System.Text.Json;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Suggestions;

public sealed class ClassifyFlagsTests
{
    private TestDatabase _database = null!;
    private ApiFactory _api = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _database = await TestDatabase.CreateAsync();
        _api = new ApiFactory(_database);
        _client = await _api.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task Innsynskrav_gets_the_deadline_flag_and_its_date_and_keeps_them_when_cached()
    {
        var message = TestMessages.Message("Innsynskrav", "Jeg ber om innsyn i sak 24/1234.");
        message["receivedAt"] = "2026-11-19T10:00:00+01:00";

        var first = await (await _client.ClassifyAsync(message)).ReadJsonAsync();
        var cached = await (await _client.ClassifyAsync(message)).ReadJsonAsync();

        foreach (var json in new[] { first, cached })
        {
            Assert.That(Strings(json, "flags"), Does.Contain("deadline"));
            Assert.That(Strings(json, "reasons"), Does.Contain("Innsynskrav: svar innen 3 virkedager (frist 2026-11-24)"));
        }
    }

    [Test]
    public async Task Message_about_health_gets_the_sensitive_flag_and_the_screening_hint()
    {
        var json = await (await _client.ClassifyAsync(TestMessages.Message("Søknad om sykehjemsplass", "Min far har demens."))).ReadJsonAsync();

        Assert.That(Strings(json, "flags"), Does.Contain("sensitive"));
        Assert.That(Strings(json, "reasons"), Does.Contain("Vurder skjerming (offentleglova § 13)"));
    }

    private static string[] Strings(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
