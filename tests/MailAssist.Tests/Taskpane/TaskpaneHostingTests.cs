using System.Collections.Concurrent;
using System.Net;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailAssist.Tests.Taskpane;

public sealed class TaskpaneHostingTests
{
    private TestDatabase _database = null!;
    private string _dist = null!;

    [OneTimeSetUp]
    public async Task CreateBuild()
    {
        _database = await TestDatabase.CreateAsync();
        _dist = Directory.CreateTempSubdirectory("taskpane-dist-").FullName;
        Directory.CreateDirectory(Path.Combine(_dist, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_dist, "index.html"), "<!doctype html><title>pane</title>");
        await File.WriteAllTextAsync(Path.Combine(_dist, "demo.html"), "<!doctype html><title>demo</title>");
        await File.WriteAllTextAsync(Path.Combine(_dist, "assets", "pane-abc123.js"), "export {};");
        await File.WriteAllBytesAsync(Path.Combine(_dist, "icon-16.png"), [0x89, 0x50, 0x4E, 0x47]);
    }

    [OneTimeTearDown]
    public async Task Remove()
    {
        Directory.Delete(_dist, recursive: true);
        await _database.DisposeAsync();
    }

    [Test]
    public async Task Pane_and_demo_pages_are_served_from_the_build_and_never_cached_stale()
    {
        await using var api = ServingFrom(_dist);
        var client = await api.StartAsync();

        var pane = await client.GetAsync("/taskpane/");
        var withoutSlash = await client.GetAsync("/taskpane");
        var demo = await client.GetAsync("/demo");

        Assert.That(pane.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await pane.Content.ReadAsStringAsync(), Does.Contain("<title>pane</title>"));
        Assert.That(pane.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await withoutSlash.Content.ReadAsStringAsync(), Does.Contain("<title>pane</title>"));
        Assert.That(pane.Headers.CacheControl?.NoCache, Is.True);
        Assert.That(pane.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("object-src 'none'").And.Contain("frame-ancestors 'self' https://outlook.office.com"));
        Assert.That(await demo.Content.ReadAsStringAsync(), Does.Contain("<title>demo</title>"));
        Assert.That(demo.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'self'"));
    }

    [Test]
    public async Task Hashed_assets_are_cached_for_good_and_other_files_revalidated()
    {
        await using var api = ServingFrom(_dist);
        var client = await api.StartAsync();

        var asset = await client.GetAsync("/taskpane/assets/pane-abc123.js");
        var icon = await client.GetAsync("/taskpane/icon-16.png");

        Assert.That(asset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(asset.Headers.CacheControl?.ToString(), Is.EqualTo("public, immutable, max-age=31536000").Or.EqualTo("public, max-age=31536000, immutable"));
        Assert.That(icon.Headers.CacheControl?.NoCache, Is.True);
        Assert.That(icon.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
    }

    [Test]
    public async Task Without_a_build_the_pages_answer_404_and_the_start_up_log_says_how_to_build()
    {
        var logs = new ConcurrentQueue<string>();
        var missing = Path.Combine(_dist, "not-built");
        await using var api = ServingFrom(missing, services => services.AddLogging(b => b.AddProvider(new CapturingLoggerProvider(logs))));
        var client = await api.StartAsync();

        Assert.That((await client.GetAsync("/taskpane/")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync("/demo")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(logs, Has.Some.Contains("The task pane is not built").And.Contains(missing).And.Contains("npm run build"));
    }

    private ApiFactory ServingFrom(string dist, Action<IServiceCollection>? services = null) =>
        new(_database, new Dictionary<string, string?> { ["Taskpane:DistPath"] = dist }, services);

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> messages) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(messages);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
