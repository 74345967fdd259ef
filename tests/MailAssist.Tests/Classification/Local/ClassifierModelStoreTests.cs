using System.Net;
using Dapper;
using MailAssist.Api.Classification.Local;
using MailAssist.Api.Data;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailAssist.Tests.Classification.Local;

public sealed class ClassifierModelStoreTests
{
    private TestDatabase _database = null!;

    [SetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreateAsync();

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    private async Task<long> CountModelsAsync()
    {
        await using var dataSource = _database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM classifier_models");
    }

    [Test]
    public async Task Two_instances_starting_together_store_exactly_one_version_1()
    {
        await using var first = _database.CreateDataSource();
        await using var second = _database.CreateDataSource();
        await new Migrator(first, NullLogger<Migrator>.Instance).ApplyAsync(CancellationToken.None);
        var a = new LocalModelCache(new ClassifierModelStore(first), TimeProvider.System, NullLogger<LocalModelCache>.Instance);
        var b = new LocalModelCache(new ClassifierModelStore(second), TimeProvider.System, NullLogger<LocalModelCache>.Instance);

        var served = await Task.WhenAll(a.CurrentAsync(CancellationToken.None).AsTask(), b.CurrentAsync(CancellationToken.None).AsTask());

        Assert.That(served.Select(s => s.Name), Is.EqualTo(new[] { "local-v1", "local-v1" }));
        Assert.That(await CountModelsAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Retrain_on_decisions_is_stored_as_version_2_and_named_by_later_suggestions()
    {
        var clock = new ManualClock();
        await using var api = new ApiFactory(_database, services: s => s.AddSingleton<TimeProvider>(clock));
        var client = await api.StartAsync();
        var first = await (await client.ClassifyAsync(TestMessages.Message())).ReadJsonAsync();
        var suggestionId = first.GetProperty("suggestionId").GetString()!;
        var decided = await client.DecideAsync(suggestionId, "videresend", "teknisk", Guid.NewGuid().ToString());
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var output = new StringWriter();
        var code = await TrainCommand.RunAsync(api.Services, output, TextWriter.Null, CancellationToken.None);
        clock.Advance(LocalModelCache.RecheckInterval + TimeSpan.FromSeconds(1));
        var later = await (await client.ClassifyAsync(TestMessages.Message())).ReadJsonAsync();

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output.ToString(), Does.Contain("version 2"));
        Assert.That(first.GetProperty("classifier").GetString(), Is.EqualTo("local-v1"));
        Assert.That(later.GetProperty("classifier").GetString(), Is.EqualTo("local-v2"));
        await using var dataSource = _database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        var examples = await connection.QueryAsync<int>("SELECT training_examples FROM classifier_models ORDER BY version");
        Assert.That(examples.ToList() is [var v1, var v2] && v2 == v1 + 1, Is.True, "version 2 learns from the one confirmed decision");
    }
}
