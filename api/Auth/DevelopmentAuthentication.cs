using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Auth;

/// <summary>
/// Signs every request in as one fixed local user with every role, with the claims an Entra ID
/// token would carry: for a developer's own machine only (see <see cref="DevelopmentModeGuard"/>).
/// </summary>
public sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";
    public const string UserName = "utvikler@eksempel.kommune.no";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(EntraClaims.PreferredUsername, UserName),
            new Claim(EntraClaims.Name, "Utvikler (lokal)"),
            new Claim(EntraClaims.ObjectId, "00000000-0000-0000-0000-000000000001"),
            new Claim(EntraClaims.Scope, AzureAdOptions.Scope),
            new Claim(EntraClaims.Roles, Roles.TeamLead),
            new Claim(EntraClaims.Roles, Roles.Admin),
        ], SchemeName, EntraClaims.PreferredUsername, EntraClaims.Roles);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
