using MailAssist.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace MailAssist.Tests.Auth;

/// <summary>
/// Entra ID's tenant discovery and token endpoint over https on 127.0.0.1, answering every token request with
/// <see cref="GraphToken"/> and, as Entra ID does when MSAL asks for it, the account's client_info.
/// </summary>
public static class FakeEntraId
{
    public const string GraphToken = "graph-token-for-kari";

    private static readonly string ClientInfo = Base64UrlEncoder.Encode($$"""{"uid":"00000000-0000-0000-0000-0000000000aa","utid":"{{EntraIdTokens.TenantId}}"}""");

    public static Task<FakeServer> StartAsync() => FakeServer.StartAsync((app, server) =>
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
            access_token = GraphToken,
            client_info = ClientInfo,
        }));
    }, https: true);
}
