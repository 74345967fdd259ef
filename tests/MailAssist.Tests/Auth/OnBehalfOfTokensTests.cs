using System.Web;
using MailAssist.Api.Auth;
using MailAssist.Api.MailboxActions;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailAssist.Tests.Auth;

public sealed class OnBehalfOfTokensTests
{
    [Test]
    public async Task Users_token_is_exchanged_on_behalf_of_them_for_a_Graph_token()
    {
        await using var entra = await FakeEntraId.StartAsync();
        var services = new ServiceCollection();
        services.AddHttpClient(nameof(OnBehalfOfTokens)).ConfigurePrimaryHttpMessageHandler(FakeServer.TrustingHandler);
        await using var provider = services.BuildServiceProvider();
        var tokens = new OnBehalfOfTokens(
            Options.Create(new AzureAdOptions { Instance = entra.BaseAddress.ToString(), TenantId = EntraIdTokens.TenantId, ClientId = EntraIdTokens.ClientId, ClientSecret = "hemmelig" }),
            Options.Create(new GraphOptions()),
            provider.GetRequiredService<IHttpClientFactory>());

        var token = await tokens.AcquireGraphTokenAsync("users-access-token", CancellationToken.None);

        Assert.That(token, Is.EqualTo(FakeEntraId.GraphToken));
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
