using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Auth;

/// <summary>Signs every request in as one fixed local user with every role: for a developer's own machine only.</summary>
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
            new Claim("preferred_username", UserName),
            new Claim(ClaimTypes.Name, "Utvikler (lokal)"),
            new Claim(ClaimTypes.Role, Roles.TeamLead),
            new Claim(ClaimTypes.Role, Roles.Admin),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

public static class Roles
{
    public const string TeamLead = "MailAssist.TeamLead";
    public const string Admin = "MailAssist.Admin";
}
