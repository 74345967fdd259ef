using MailAssist.Api.Classification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailAssist.Tests.Infrastructure;

/// <summary>
/// The API's classification registration alone (no database, no web host: the local model is trained in memory), configured like the
/// API would be: each instance has its own resilience pipeline, so its own circuit breaker.
/// </summary>
public sealed class ClassifierHost : IDisposable
{
    private readonly IHost _host;

    public ClassifierHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddClassification(offline: true);
        services?.Invoke(builder.Services);
        _host = builder.Build();
    }

    /// <summary>Fast resilience settings for tests, pointing at <paramref name="server"/>.</summary>
    public static Dictionary<string, string?> Settings(FakeOpenAiServer server, string provider = "openai-compatible") => new()
    {
        ["Classifier:Provider"] = provider,
        ["Classifier:Endpoint"] = (provider == "azure-openai" ? server.AzureV1 : server.V1).ToString(),
        ["Classifier:Model"] = "nb-test",
        ["Classifier:AttemptTimeout"] = "00:00:00.5",
        ["Classifier:TotalTimeout"] = "00:00:03",
        ["Classifier:MaxRetries"] = "2",
        ["Classifier:RetryBaseDelay"] = "00:00:00.05",
        ["Classifier:BreakerMinimumThroughput"] = "4",
        ["Classifier:BreakerBreakDuration"] = "00:00:30",
    };

    public IClassifier Classifier => _host.Services.GetRequiredService<IClassifier>();

    public IServiceProvider Services => _host.Services;

    public void Dispose() => _host.Dispose();
}
