using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Stats;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MailAssist.Benchmarks;

/// <summary>
/// GET /api/stats for one year of the demo mailbox out of ten million decisions: a calendar year, a
/// year whose edges are read day by day, and all four years. Each iteration is one request: the median and p95 are per request.
/// Needs MAILASSIST_BENCH_POSTGRES (an admin connection string); generates the data once (about
/// half an hour) into the database mailassist_bench and reuses it afterwards. See docs/benchmarks.md.
/// </summary>
[Config(typeof(Config))]
public class StatsBenchmarks
{
    private const string DatabaseName = "mailassist_bench";
    private WebApplicationFactory<Program> _api = null!;
    private HttpClient _client = null!;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true)).WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(100));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max);
        }
    }

    // Synchronous: the in-process toolchain does not await an async global setup.
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _api.Dispose();
    }

    private async Task SetupAsync()
    {
        var admin = Environment.GetEnvironmentVariable("MAILASSIST_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set MAILASSIST_BENCH_POSTGRES to an admin connection string, e.g. Host=127.0.0.1;Port=55446;Username=postgres;Database=postgres.");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName }.ConnectionString;
        bool complete;
        await using (var probe = NpgsqlDataSource.Create(connectionString))
            complete = await StatsBenchmarkData.IsCompleteAsync(probe);
        if (!complete) await RecreateDatabaseAsync(admin);
        await StartApiAsync(connectionString);
        if (complete) return;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await StatsBenchmarkData.GenerateAsync(dataSource, Console.WriteLine);
    }

    private async Task StartApiAsync(string connectionString)
    {
        _api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSolutionRelativeContentRoot("api");
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:MailAssist", connectionString);
            web.UseSetting("Stats:PerEmployee", "true");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _client = _api.CreateClient();
        for (var attempt = 0; !(await _client.GetAsync("/health/ready")).IsSuccessStatusCode; attempt++)
        {
            if (attempt > 600) throw new TimeoutException("The API did not become ready.");
            await Task.Delay(100);
        }
    }

    [Benchmark(Description = "GET /api/stats, one year")]
    public Task<string> OneYear() => _client.GetStringAsync("/api/stats?from=2025-01-01&to=2025-12-31");

    /// <summary>The most edge days a year-long period can have: 59 days read day by day beside 10 whole months.</summary>
    [Benchmark(Description = "GET /api/stats, one year, ragged edges")]
    public Task<string> OneYearRaggedEdges() => _client.GetStringAsync("/api/stats?from=2024-12-02&to=2025-11-29");

    [Benchmark(Description = "GET /api/stats, four years")]
    public Task<string> FourYears() => _client.GetStringAsync("/api/stats?from=2022-01-01&to=2025-12-31");

    [Benchmark(Description = "StatsStore + StatsReport, one year")]
    public async Task<StatsResponse> QueryServiceOneYear()
    {
        using var scope = _api.Services.CreateScope();
        var mailbox = (await scope.ServiceProvider.GetRequiredService<MailboxStore>().FindAsync(null, CancellationToken.None))!;
        var period = new StatsPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var rollup = await scope.ServiceProvider.GetRequiredService<StatsStore>().LoadAsync(mailbox.Id, period, true, CancellationToken.None);
        return StatsReport.Build(mailbox, period, rollup, new StatsOptions { PerEmployee = true });
    }

    private static async Task RecreateDatabaseAsync(string admin)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", $"CREATE DATABASE {DatabaseName}" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
