using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Cryptography;
using MailAssist.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace MailAssist.Tests.Auth;

public sealed class EntraIdSignInTests
{
    private readonly EntraIdTokens _tokens = new();
    private TestDatabase _database = null!;
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        _database = await TestDatabase.CreateAsync();
        _api = await _tokens.StartWithMemberAsync(_database, "kari.saksbehandler@eksempel.kommune.no");
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HttpClient Client(string? token) => EntraIdTokens.WithToken(_api.CreateClient(), token);

    [Test]
    public async Task Valid_token_with_the_scope_classifies()
    {
        var response = await Client(_tokens.Mint()).ClassifyAsync(TestMessages.Message());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Token_whose_audience_is_the_bare_client_id_is_accepted()
    {
        var response = await Client(_tokens.Mint(audience: EntraIdTokens.ClientId)).ClassifyAsync(TestMessages.Message());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Decision_records_the_signed_in_user()
    {
        var client = Client(_tokens.Mint());
        var suggestion = await (await client.ClassifyAsync(TestMessages.Message())).ReadJsonAsync();

        var decision = await (await client.DecideAsync(suggestion.GetProperty("suggestionId").GetString()!, "slett", null, "k")).ReadJsonAsync();

        Assert.That(decision.GetProperty("decidedBy").GetString(), Is.EqualTo("kari.saksbehandler@eksempel.kommune.no"));
    }

    private static IEnumerable<TestCaseData> RejectedTokens()
    {
        var tokens = new EntraIdTokens();
        yield return new TestCaseData(null, HttpStatusCode.Unauthorized).SetName("No_token_is_401");
        yield return new TestCaseData(tokens.Mint(expires: DateTime.UtcNow.AddMinutes(-10)), HttpStatusCode.Unauthorized).SetName("Expired_token_is_401");
        yield return new TestCaseData(tokens.Mint(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" }), HttpStatusCode.Unauthorized).SetName("Token_signed_with_another_key_is_401");
        yield return new TestCaseData(Unsigned(tokens.Mint()), HttpStatusCode.Unauthorized).SetName("Unsigned_alg_none_token_is_401");
        yield return new TestCaseData(tokens.Mint(audience: "api://someone-else"), HttpStatusCode.Unauthorized).SetName("Token_for_another_audience_is_401");
        yield return new TestCaseData(tokens.Mint(issuer: $"https://login.microsoftonline.com/{EntraIdTokens.OtherTenantId}/v2.0", tenant: EntraIdTokens.OtherTenantId), HttpStatusCode.Unauthorized)
            .SetName("Token_from_another_tenant_is_401");
        yield return new TestCaseData(tokens.Mint(tenant: EntraIdTokens.OtherTenantId), HttpStatusCode.Unauthorized).SetName("Token_whose_tid_is_another_tenant_is_401");
        yield return new TestCaseData(tokens.Mint(scope: null), HttpStatusCode.Forbidden).SetName("Token_without_scope_is_403");
        yield return new TestCaseData(tokens.Mint(scope: "Mail.Read"), HttpStatusCode.Forbidden).SetName("Token_with_another_scope_is_403");
        yield return new TestCaseData(tokens.Mint(scope: null, roles: ["MailAssist.Admin"], appOnly: true), HttpStatusCode.Forbidden).SetName("App_only_token_is_403");
    }

    [TestCaseSource(nameof(RejectedTokens))]
    public async Task Rejected_token_gets_no_suggestion(string? token, HttpStatusCode expected)
    {
        var response = await Client(token).ClassifyAsync(TestMessages.Message());

        Assert.That(response.StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Admin_endpoints_need_the_admin_role()
    {
        var withoutRole = await Client(_tokens.Mint()).GetAsync($"/api/admin/mailboxes/{TestMessages.DemoMailbox}/members");
        var withRole = await Client(_tokens.Mint(roles: ["MailAssist.Admin"])).GetAsync($"/api/admin/mailboxes/{TestMessages.DemoMailbox}/members");

        Assert.That(withoutRole.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(withRole.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Another_mailboxs_suggestions_history_and_decisions_are_404()
    {
        const string other = "postmottak@nabo.kommune.no";
        var admin = Client(_tokens.Mint("admin@eksempel.kommune.no", roles: ["MailAssist.Admin"]));
        var saved = await admin.PutAsJsonAsync($"/api/admin/mailboxes/{other}", new
        {
            displayName = "Postmottak, Nabo kommune",
            units = new[]
            {
                new { id = "bygg", name = "Bygg", address = "bygg@nabo.kommune.no", owns = "byggesaker", kind = "byggesak" },
                new { id = "service", name = "Innbyggerservice", address = "service@nabo.kommune.no", owns = "alt annet", kind = "servicetorget" },
            },
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await admin.PutAsync($"/api/admin/mailboxes/{other}/members/ola@nabo.kommune.no", null);
        var ola = Client(_tokens.Mint("ola@nabo.kommune.no"));
        var message = TestMessages.Message();
        message["mailbox"] = other;
        var suggestion = await (await ola.ClassifyAsync(message)).ReadJsonAsync();
        var id = message["internetMessageId"]!.GetValue<string>();

        var kari = Client(_tokens.Mint());
        var classify = await kari.ClassifyAsync(message);
        var history = await kari.GetAsync($"/api/messages/history?mailbox={other}&internetMessageId={Uri.EscapeDataString(id)}");
        var units = await kari.GetAsync($"/api/units?mailbox={other}");
        var decision = await kari.DecideAsync(suggestion.GetProperty("suggestionId").GetString()!, "slett", null, "k");

        Assert.That(classify.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(history.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(units.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(decision.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Auth_config_tells_the_task_pane_the_client_tenant_and_scope()
    {
        var config = await (await Client(null).GetAsync("/api/auth/config")).ReadJsonAsync();

        Assert.That(config.GetProperty("clientId").GetString(), Is.EqualTo(EntraIdTokens.ClientId));
        Assert.That(config.GetProperty("tenantId").GetString(), Is.EqualTo(EntraIdTokens.TenantId));
        Assert.That(config.GetProperty("scopes")[0].GetString(), Is.EqualTo($"api://{EntraIdTokens.ClientId}/access_as_user"));
    }

    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return $"{header}.{parts[1]}.";
    }

    [Test]
    public async Task Me_tells_a_team_lead_their_name_and_roles()
    {
        var me = await Client(_tokens.Mint("Per.Leder@eksempel.kommune.no", roles: ["MailAssist.TeamLead"]))
            .GetFromJsonAsync<JsonElement>("/api/me");

        Assert.That(me.GetProperty("userName").GetString(), Is.EqualTo("per.leder@eksempel.kommune.no"));
        Assert.That(me.GetProperty("displayName").GetString(), Is.EqualTo("per.leder@eksempel.kommune.no"));
        Assert.That(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "MailAssist.TeamLead" }));
        Assert.That(me.GetProperty("isTeamLead").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Me_of_staff_without_the_role_is_no_team_lead()
    {
        var me = await Client(_tokens.Mint()).GetFromJsonAsync<JsonElement>("/api/me");

        Assert.That(me.GetProperty("roles").GetArrayLength(), Is.Zero);
        Assert.That(me.GetProperty("isTeamLead").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Me_without_a_token_is_401()
    {
        var response = await _api.CreateClient().GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
