using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Auth;

public sealed class MeEndpointTests
{
    private readonly EntraIdTokens _tokens = new();
    private TestDatabase _database = null!;
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _database = await TestDatabase.CreateAsync();
        _api = _tokens.CreateApi(_database);
        (await _api.StartAsync()).Dispose();
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task A_team_lead_is_told_their_name_and_roles()
    {
        var me = await EntraIdTokens.WithToken(_api.CreateClient(), _tokens.Mint("Per.Leder@eksempel.kommune.no", roles: ["MailAssist.TeamLead"]))
            .GetFromJsonAsync<JsonElement>("/api/me");

        Assert.That(me.GetProperty("userName").GetString(), Is.EqualTo("per.leder@eksempel.kommune.no"));
        Assert.That(me.GetProperty("displayName").GetString(), Is.EqualTo("per.leder@eksempel.kommune.no"));
        Assert.That(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "MailAssist.TeamLead" }));
        Assert.That(me.GetProperty("isTeamLead").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Staff_without_the_role_are_not_team_leads()
    {
        var me = await EntraIdTokens.WithToken(_api.CreateClient(), _tokens.Mint()).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.That(me.GetProperty("roles").GetArrayLength(), Is.Zero);
        Assert.That(me.GetProperty("isTeamLead").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Without_a_token_the_answer_is_401()
    {
        var response = await _api.CreateClient().GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_development_user_has_every_role()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var api = new ApiFactory(database);
        using var client = await api.StartAsync();

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.That(me.GetProperty("userName").GetString(), Is.EqualTo("utvikler@eksempel.kommune.no"));
        Assert.That(me.GetProperty("displayName").GetString(), Is.EqualTo("Utvikler (lokal)"));
        Assert.That(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "MailAssist.Admin", "MailAssist.TeamLead" }));
        Assert.That(me.GetProperty("isTeamLead").GetBoolean(), Is.True);
    }
}
