using System.Text.Json.Serialization;
using MailAssist.Api.Decisions;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using MailAssist.Api.Privacy;
using MailAssist.Api.Suggestions;

namespace MailAssist.Api;

public static class HostingRegistration
{
    public static IHostApplicationBuilder AddApiDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never);
        builder.Services.AddOpenApi();
        return builder;
    }

    public static IHostApplicationBuilder AddMailboxes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MessageKeys>();
        builder.Services.AddSingleton<MailboxStore>();
        builder.Services.AddSingleton<SuggestionStore>();
        builder.Services.AddSingleton<DecisionStore>();
        builder.Services.AddSingleton<MembershipStore>();
        return builder;
    }
}
