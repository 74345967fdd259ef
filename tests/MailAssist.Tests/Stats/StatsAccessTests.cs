using System.Net;
using MailAssist.Tests.Auth;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Stats;

public sealed class StatsAccessTests
{
    private const string TeamLead = "leder@eksempel.kommune.no";
    private readonly EntraIdTokens _tokens = new();
    private TestDatabase _database = null!;
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _database = await TestDatabase.CreateAsync();
        _api = await _tokens.StartWithMemberAsync(_database, TeamLead);
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HttpClient Client(string? token) => EntraIdTokens.WithToken(_api.CreateClient(), token);

    [Test]
    public async Task Team_lead_who_works_in_the_mailbox_gets_the_statistics()
    {
        var response = await Client(_tokens.Mint(TeamLead, roles: ["MailAssist.TeamLead"])).GetAsync("/api/stats");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Member_without_the_team_lead_role_is_403()
    {
        var response = await Client(_tokens.Mint(TeamLead, roles: ["MailAssist.Admin"])).GetAsync("/api/stats");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Team_lead_of_another_mailbox_is_404()
    {
        var response = await Client(_tokens.Mint("leder@nabo.kommune.no", roles: ["MailAssist.TeamLead"])).GetAsync("/api/stats");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Request_without_a_token_is_401()
    {
        var response = await Client(null).GetAsync("/api/stats");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
