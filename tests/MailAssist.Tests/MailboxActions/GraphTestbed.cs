using System.Collections.Concurrent;
using System.Net;
using MailAssist.Api.Auth;
using MailAssist.Tests.Auth;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailAssist.Tests.MailboxActions;

/// <summary>
/// The API in EntraId mode carrying out decisions through a fake Microsoft Graph, with the on-behalf-of token
/// endpoint at a fake Entra ID (https, trusted by the API's token client only), on a database of its own.
/// Everything the API logs is kept in <see cref="Logs"/>.
/// </summary>
public sealed class GraphTestbed : IAsyncDisposable
{
    public const string Kari = "kari.saksbehandler@eksempel.kommune.no";

    private readonly EntraIdTokens _tokens = new();
    private readonly List<ApiFactory> _apis = [];

    private GraphTestbed(TestDatabase database, FakeServer entra, FakeGraph graph, IReadOnlyDictionary<string, string?> settings)
    {
        Database = database;
        Entra = entra;
        Graph = graph;
        Settings = settings;
    }

    public TestDatabase Database { get; }
    public FakeServer Entra { get; }
    public FakeGraph Graph { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }
    public ConcurrentQueue<string> Logs { get; } = new();

    public static async Task<GraphTestbed> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var entra = await FakeEntraId.StartAsync();
        var graph = await FakeGraph.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = entra.BaseAddress.ToString(),
            ["AzureAd:ClientSecret"] = "hemmelig",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Logging:LogLevel:Default"] = "Debug",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var testbed = new GraphTestbed(database, entra, graph, all);
        var admin = await testbed.StartApiAsync(testbed.Token("admin@eksempel.kommune.no", roles: [Roles.Admin]));
        var added = await admin.PutAsync($"/api/admin/mailboxes/{TestMessages.DemoMailbox}/members/{Kari}", null);
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return testbed;
    }

    /// <summary>Starts another instance of the API on the same database and fakes; returns a client signed in with the token.</summary>
    public async Task<HttpClient> StartApiAsync(string token)
    {
        var api = _tokens.CreateApi(Database, new Dictionary<string, string?>(Settings), services =>
        {
            services.AddHttpClient(nameof(OnBehalfOfTokens)).ConfigurePrimaryHttpMessageHandler(FakeServer.TrustingHandler);
            services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs));
        });
        _apis.Add(api);
        return EntraIdTokens.WithToken(await api.StartAsync(), token);
    }

    /// <summary>A client of the first instance.</summary>
    public HttpClient Client(string token) => EntraIdTokens.WithToken(_apis[0].CreateClient(), token);

    /// <summary>An access token for the API, issued by the fake Entra ID's tenant.</summary>
    public string Token(string userName = Kari, string[]? roles = null) =>
        _tokens.Mint(userName, roles: roles, issuer: $"{Entra.BaseAddress}{EntraIdTokens.TenantId}/v2.0");

    public HttpClient Admin() => Client(Token("admin@eksempel.kommune.no", roles: [Roles.Admin]));

    public async ValueTask DisposeAsync()
    {
        foreach (var api in _apis) await api.DisposeAsync();
        await Graph.DisposeAsync();
        await Entra.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
