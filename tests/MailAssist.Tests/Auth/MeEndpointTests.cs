using System.Net.Http.Json;
using System.Text.Json;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Auth;

/// <summary>GET /api/me with development sign-in; with Entra ID tokens see <see cref="EntraIdSignInTests"/>.</summary>
public sealed class MeEndpointTests
{
    [Test]
    public async Task The_development_user_is_a_team_lead_with_every_role()
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
