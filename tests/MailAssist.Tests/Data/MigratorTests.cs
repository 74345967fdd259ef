using Dapper;
using MailAssist.Api.Data;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailAssist.Tests.Data;

public sealed class MigratorTests
{
    [Test]
    public async Task Two_instances_starting_at_once_apply_each_migration_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = database.CreateDataSource();
        await using var second = database.CreateDataSource();

        await Task.WhenAll(
            new Migrator(first, NullLogger<Migrator>.Instance).ApplyAsync(CancellationToken.None),
            new Migrator(second, NullLogger<Migrator>.Instance).ApplyAsync(CancellationToken.None));

        await using var connection = await first.OpenConnectionAsync();
        var applied = (await connection.QueryAsync<int>("SELECT id FROM schema_migrations ORDER BY id")).ToList();
        Assert.That(applied, Is.EqualTo(Migrator.All.Select(m => m.Id).ToList()));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM mailboxes"), Is.EqualTo(1));
    }

    [Test]
    public async Task Applying_again_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        var migrator = new Migrator(dataSource, NullLogger<Migrator>.Instance);

        await migrator.ApplyAsync(CancellationToken.None);
        await migrator.ApplyAsync(CancellationToken.None);

        Assert.That(await migrator.IsUpToDateAsync(CancellationToken.None), Is.True);
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM units"), Is.EqualTo(15));
    }

    [Test]
    public void Migration_files_are_numbered_without_gaps()
    {
        Assert.That(Migrator.All.Select(m => m.Id), Is.EqualTo(Enumerable.Range(1, Migrator.All.Count)));
    }
}
