using Microsoft.Extensions.Options;

namespace MailAssist.Api.Stats;

public static class StatsRegistration
{
    public static IHostApplicationBuilder AddStats(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatsOptions>().BindConfiguration(StatsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StatsOptions>, StatsOptionsValidator>();
        builder.Services.AddSingleton<StatsStore>();
        return builder;
    }
}
