using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailAssist.Api.Privacy;

public static class PrivacyRegistration
{
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TextRetention>();
        builder.Services.AddHostedService<RetentionService>();
        // Its request lines carry query strings, which name messages (internetMessageId): kept out at every level.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }
}
