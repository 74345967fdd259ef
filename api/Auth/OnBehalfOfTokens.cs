using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MailAssist.Api.MailboxActions;
using Microsoft.Identity.Client;

namespace MailAssist.Api.Auth;

/// <summary>
/// Exchanges the signed-in person's access token for a Microsoft Graph token on their behalf
/// (OAuth 2.0 on-behalf-of), so mailbox actions run with that person's own rights.
/// </summary>
public sealed class OnBehalfOfTokens(IOptions<AzureAdOptions> azureAd, IOptions<GraphOptions> graph, IHttpClientFactory httpClients)
{
    private readonly Lazy<IConfidentialClientApplication> _application = new(() => Build(azureAd.Value, httpClients));

    public async Task<string> AcquireGraphTokenAsync(string userAccessToken, CancellationToken cancellationToken)
    {
        var scope = $"{new Uri(graph.Value.BaseUrl).GetLeftPart(UriPartial.Authority)}/.default";
        var result = await _application.Value
            .AcquireTokenOnBehalfOf([scope], new UserAssertion(userAccessToken))
            .ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Build(AzureAdOptions options, IHttpClientFactory httpClients)
    {
        // Instance discovery knows only Microsoft's clouds; any other configured instance is trusted as given.
        var publicCloud = new Uri(options.Instance).Host == "login.microsoftonline.com";
        var builder = ConfidentialClientApplicationBuilder.Create(options.ClientId)
            .WithAuthority($"{options.Instance.TrimEnd('/')}/{options.TenantId}/", validateAuthority: publicCloud)
            .WithInstanceDiscovery(publicCloud)
            .WithHttpClientFactory(new MsalHttpClients(httpClients));
        if (!string.IsNullOrEmpty(options.ClientCertificatePath))
            builder = builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(options.ClientCertificatePath, options.ClientCertificatePassword));
        else if (!string.IsNullOrEmpty(options.ClientSecret))
            builder = builder.WithClientSecret(options.ClientSecret);
        else
            throw new InvalidOperationException("Acting on the mailbox needs AzureAd__ClientCertificatePath or AzureAd__ClientSecret for the on-behalf-of flow.");
        return builder.Build();
    }

    private sealed class MsalHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(nameof(OnBehalfOfTokens));
    }
}
