using System.Net;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Hardening;

public sealed class HardeningTests : ApiTest
{
    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "https://mailassist.eksempel.kommune.no",
        });

    [Test]
    public async Task Cross_origin_request_from_a_foreign_origin_gets_no_allow_header()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/units");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await Client.SendAsync(request);

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Cross_origin_request_from_a_configured_origin_is_allowed()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/units");
        request.Headers.Add("Origin", "https://mailassist.eksempel.kommune.no");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await Client.SendAsync(request);

        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://mailassist.eksempel.kommune.no" }));
    }

    [Test]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await Client.GetAsync("/api/units");

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        Assert.That(string.Join(";", response.Headers.GetValues("Content-Security-Policy")), Does.Contain("frame-ancestors 'none'"));
    }

    [Test]
    public void Page_policy_allows_only_Office_and_Outlook_hosts()
    {
        var policy = MailAssist.Api.Hardening.SecurityHeaders.PageContentSecurityPolicy;

        Assert.That(policy, Does.Contain("frame-ancestors 'self' https://outlook.office.com https://outlook.office365.com https://outlook.live.com https://outlook.cloud.microsoft;"));
        Assert.That(policy, Does.Contain("script-src 'self' https://appsforoffice.microsoft.com;"));
        Assert.That(policy, Does.Not.Contain("unsafe-eval"));
    }

    [Test]
    public async Task Problem_details_carry_no_stack_trace_or_message_content()
    {
        var message = TestMessages.Message(subject: "Hemmelig emne");
        message["receivedAt"] = "ikke en dato";

        var body = await (await Client.ClassifyAsync(message)).Content.ReadAsStringAsync();

        Assert.That(body, Does.Not.Contain("Hemmelig").And.Not.Contain("   at ").And.Not.Contain("Exception"));
    }
}
