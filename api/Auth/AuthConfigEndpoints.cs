using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Auth;

public static class AuthConfigEndpoints
{
    public static RouteGroupBuilder MapAuthConfig(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in").AllowAnonymous();
        group.MapGet("/config", GetConfig).WithName("GetAuthConfig")
            .WithSummary("What the task pane needs to sign in with nested app authentication: client id, tenant and scope.");
        return group;
    }

    public static Ok<AuthConfig> GetConfig(IOptions<AuthOptions> auth, IOptions<AzureAdOptions> azureAd)
    {
        var ad = azureAd.Value;
        return auth.Value.Mode == AuthMode.EntraId
            ? TypedResults.Ok(new AuthConfig("EntraId", ad.ClientId, ad.TenantId, $"{ad.Instance.TrimEnd('/')}/{ad.TenantId}", [$"{ad.ApplicationIdUri}/{AzureAdOptions.Scope}"]))
            : TypedResults.Ok(new AuthConfig("Development", null, null, null, []));
    }
}

public sealed record AuthConfig(string Mode, string? ClientId, string? TenantId, string? Authority, IReadOnlyList<string> Scopes);
