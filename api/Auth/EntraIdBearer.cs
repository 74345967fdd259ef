using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;

namespace MailAssist.Api.Auth;

/// <summary>
/// JWT bearer validation configured the way Microsoft.Identity.Web configures it for a single-tenant
/// web API (that package is not available here): v2.0 authority of the tenant, v1 and v2 issuers of
/// that tenant only, audience api://{clientId} or {clientId}, RS256 signatures and lifetime checked,
/// the signing key's issuer checked, claims read unmapped.
/// </summary>
public static class EntraIdBearer
{
    public static void Configure(JwtBearerOptions options, AzureAdOptions azureAd)
    {
        options.Authority = azureAd.Authority;
        options.RequireHttpsMetadata = new Uri(azureAd.Instance).Scheme == Uri.UriSchemeHttps;
        options.MapInboundClaims = false;
        options.SaveToken = true;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudiences = [azureAd.ApplicationIdUri, azureAd.ClientId],
            ValidIssuers = [azureAd.Authority, $"https://sts.windows.net/{azureAd.TenantId}/"],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            NameClaimType = EntraClaims.PreferredUsername,
            RoleClaimType = EntraClaims.Roles,
        };
        options.TokenValidationParameters.EnableAadSigningKeyIssuerValidation();
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.FindFirst(EntraClaims.TenantId)?.Value != azureAd.TenantId)
                    context.Fail("The token was issued for another tenant.");
                return Task.CompletedTask;
            },
        };
    }
}
