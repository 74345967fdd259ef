using System.Web;
using MailAssist.Api.Auth;
using MailAssist.Api.MailboxActions;
using MailAssist.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailAssist.Tests.Auth;

public sealed class OnBehalfOfTokensTests
{
    [Test]
    public async Task Users_token_is_exchanged_on_behalf_of_them_for_a_Graph_token()
    {
        await using var entra = await FakeServer.StartAsync((app, server) =>
        {
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new
            {
                issuer = $"{server.BaseAddress}{tenant}/v2.0",
                authorization_endpoint = $"{server.BaseAddress}{tenant}/oauth2/v2.0/authorize",
                token_endpoint = $"{server.BaseAddress}{tenant}/oauth2/v2.0/token",
                jwks_uri = $"{server.BaseAddress}{tenant}/discovery/v2.0/keys",
            }));
            app.MapPost("/{tenant}/oauth2/v2.0/token", () => Results.Json(new
            {
                token_type = "Bearer",
                scope = "https://graph.microsoft.com/.default",
                expires_in = 3600,
                ext_expires_in = 3600,
                access_token = "graph-token-for-kari",
            }));
        }, https: true);
        var services = new ServiceCollection();
        services.AddHttpClient(nameof(OnBehalfOfTokens)).ConfigurePrimaryHttpMessageHandler(FakeServer.TrustingHandler);
        await using var provider = services.BuildServiceProvider();
        var tokens = new OnBehalfOfTokens(
            Options.Create(new AzureAdOptions { Instance = entra.BaseAddress.ToString(), TenantId = EntraIdTokens.TenantId, ClientId = EntraIdTokens.ClientId, ClientSecret = "hemmelig" }),
            Options.Create(new GraphOptions()),
            provider.GetRequiredService<IHttpClientFactory>());

        var token = await tokens.AcquireGraphTokenAsync("users-access-token", CancellationToken.None);

        Assert.That(token, Is.EqualTo("graph-token-for-kari"));
        var request = entra.Requests.Single(r => r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        var form = HttpUtility.ParseQueryString(request.Body);
        Assert.That(request.Path, Is.EqualTo($"/{EntraIdTokens.TenantId}/oauth2/v2.0/token"));
        Assert.That(form["grant_type"], Is.EqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        Assert.That(form["requested_token_use"], Is.EqualTo("on_behalf_of"));
        Assert.That(form["assertion"], Is.EqualTo("users-access-token"));
        Assert.That(form["client_id"], Is.EqualTo(EntraIdTokens.ClientId));
        Assert.That(form["client_secret"], Is.EqualTo("hemmelig"));
        Assert.That(form["scope"], Does.Contain("https://graph.microsoft.com/.default"));
    }
}
