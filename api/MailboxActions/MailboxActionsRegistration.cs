using MailAssist.Api.Auth;
using MailAssist.Api.Demo;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.MailboxActions;

/// <summary>Which mailbox carries out decisions (MailboxActions__Provider).</summary>
public enum MailboxProvider
{
    /// <summary>Graph when Auth__Mode is EntraId and the app has a credential for the on-behalf-of flow, else Demo.</summary>
    Auto,

    /// <summary>The demo mailbox: folders and categories kept in MailAssist's own database, nothing sent.</summary>
    Demo,

    /// <summary>Exchange Online through Microsoft Graph, on behalf of the signed-in person.</summary>
    Graph,
}

public static class MailboxActionsRegistration
{
    public const string ProviderKey = "MailboxActions:Provider";

    public static IHostApplicationBuilder AddMailboxActions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        builder.Services.AddSingleton<MailboxActionStore>();
        builder.Services.AddSingleton<MailboxActionRunner>();
        if (ChooseProvider(builder.Configuration) == MailboxProvider.Graph)
        {
            builder.Services.AddHttpClient(GraphMailbox.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
            builder.Services.AddSingleton<IMailbox, GraphMailbox>();
        }
        else
        {
            builder.Services.AddSingleton<IMailbox, DemoMailboxActions>();
        }
        return builder;
    }

    public static MailboxProvider ChooseProvider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        var provider = string.IsNullOrWhiteSpace(value) ? MailboxProvider.Auto
            : Enum.TryParse<MailboxProvider>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"MailboxActions__Provider must be Auto, Demo or Graph, not '{value}'.");
        var entraId = SignInRegistration.ReadMode(configuration) == AuthMode.EntraId;
        var credential = !string.IsNullOrWhiteSpace(configuration[$"{AzureAdOptions.Section}:ClientSecret"])
            || !string.IsNullOrWhiteSpace(configuration[$"{AzureAdOptions.Section}:ClientCertificatePath"]);
        return provider switch
        {
            MailboxProvider.Auto => entraId && credential ? MailboxProvider.Graph : MailboxProvider.Demo,
            MailboxProvider.Graph when !entraId => throw new InvalidOperationException(
                "MailboxActions__Provider=Graph acts on behalf of the signed-in person and needs Auth__Mode=EntraId."),
            MailboxProvider.Graph when !credential => throw new InvalidOperationException(
                "MailboxActions__Provider=Graph needs AzureAd__ClientCertificatePath or AzureAd__ClientSecret for the on-behalf-of flow."),
            _ => provider,
        };
    }
}
