using MailAssist.Api.MailboxActions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Auth;

public static class SignInRegistration
{
    public static IHostApplicationBuilder AddSignIn(this IHostApplicationBuilder builder)
    {
        var mode = ReadMode(builder.Configuration);
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        builder.Services.AddOptions<AzureAdOptions>().BindConfiguration(AzureAdOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AzureAdOptions>, AuthOptionsValidator>();

        if (mode == AuthMode.Development)
        {
            builder.Services.AddAuthentication(DevelopmentAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
            builder.Services.AddHostedService<DevelopmentModeGuard>();
        }
        else
        {
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<IOptions<AzureAdOptions>>((options, azureAd) => EntraIdBearer.Configure(options, azureAd.Value));
        }

        var staff = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(AzureAdOptions.Scope));
        builder.Services.AddAuthorizationBuilder()
            .SetDefaultPolicy(staff.Build())
            .AddPolicy(Policies.TeamLead, policy => policy.Combine(staff.Build()).RequireRole(Roles.TeamLead))
            .AddPolicy(Policies.Admin, policy => policy.Combine(staff.Build()).RequireRole(Roles.Admin));
        builder.Services.AddSingleton<MailboxAccess>();
        builder.Services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(nameof(OnBehalfOfTokens));
        builder.Services.AddSingleton<OnBehalfOfTokens>();
        return builder;
    }

    internal static AuthMode ReadMode(IConfiguration configuration)
    {
        var value = configuration[$"{AuthOptions.Section}:Mode"];
        if (string.IsNullOrWhiteSpace(value)) return AuthMode.Development;
        return Enum.TryParse<AuthMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidOperationException($"Auth__Mode must be Development or EntraId, not '{value}'.");
    }
}
