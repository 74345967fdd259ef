using System.Security.Cryptography;
using MailAssist.Api.Auth;
using MailAssist.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MailAssist.Tests.Auth;

/// <summary>
/// Mints Entra ID-shaped access tokens with a signing key made in the test, and starts the API in
/// EntraId mode with a static OpenID configuration that trusts that key.
/// </summary>
public sealed class EntraIdTokens
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string OtherTenantId = "99999999-2222-3333-4444-555555555555";
    public const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    public const string Instance = "https://login.microsoftonline.com/";
    public static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";

    /// <summary>One key for the whole run, so tokens made in test case sources verify against every fixture.</summary>
    public static RsaSecurityKey SigningKey { get; } = new(RSA.Create(2048)) { KeyId = "test-key" };

    public string Mint(string userName = "kari.saksbehandler@eksempel.kommune.no", string? scope = AzureAdOptions.Scope,
        string[]? roles = null, string? audience = null, string? issuer = null, string? tenant = null,
        DateTime? expires = null, SecurityKey? key = null, bool appOnly = false)
    {
        var claims = new Dictionary<string, object>
        {
            [EntraClaims.TenantId] = tenant ?? TenantId,
            [EntraClaims.ObjectId] = Guid.NewGuid().ToString(),
        };
        if (!appOnly) claims[EntraClaims.PreferredUsername] = userName;
        if (scope is not null) claims[EntraClaims.Scope] = scope;
        if (roles is not null) claims[EntraClaims.Roles] = roles;
        if (appOnly) claims[EntraClaims.IdentityType] = "app";
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? $"api://{ClientId}",
            Claims = claims,
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-1),
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public ApiFactory CreateApi(TestDatabase database, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "EntraId",
            ["AzureAd:Instance"] = Instance,
            ["AzureAd:TenantId"] = TenantId,
            ["AzureAd:ClientId"] = ClientId,
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return new ApiFactory(database, settings, collection =>
        {
            collection.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
                configuration.SigningKeys.Add(SigningKey);
                options.Configuration = configuration;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            });
            services?.Invoke(collection);
        });
    }

    /// <summary>Starts the API in EntraId mode and, as an admin would, makes <paramref name="member"/> a member of the demo mailbox.</summary>
    public async Task<ApiFactory> StartWithMemberAsync(TestDatabase database, string member)
    {
        var api = CreateApi(database);
        (await api.StartAsync()).Dispose();
        using var admin = WithToken(api.CreateClient(), Mint("admin@eksempel.kommune.no", roles: ["MailAssist.Admin"]));
        var added = await admin.PutAsync($"/api/admin/mailboxes/{TestMessages.DemoMailbox}/members/{member}", null);
        Assert.That(added.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), added.Headers.WwwAuthenticate.ToString());
        return api;
    }

    public static HttpClient WithToken(HttpClient client, string? token)
    {
        client.DefaultRequestHeaders.Authorization = token is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

}
