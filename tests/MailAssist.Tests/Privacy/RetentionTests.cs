using Dapper;
using MailAssist.Api.Data;
using MailAssist.Api.Privacy;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MailAssist.Tests.Privacy;

public sealed class RetentionTests
{
    private static readonly Guid DemoMailbox = Guid.Parse("00000000-0000-0000-0000-00000000d3e0");
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    [SetUp]
    public async Task CreateMigratedDatabase()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = _database.CreateDataSource();
        await new Migrator(_dataSource, NullLogger<Migrator>.Instance).ApplyAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task DropDatabase()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public async Task Texts_older_than_the_retention_period_are_deleted_when_the_api_starts()
    {
        var old = await AddTextAsync(ageInDays: 91);
        var recent = await AddTextAsync(ageInDays: 89);

        await using var api = new ApiFactory(_database);
        using var client = await api.StartAsync();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await TextIdsAsync()).Contains(old) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.That(await TextIdsAsync(), Is.EqualTo(new[] { recent }));
        Assert.That(await SuggestionCountAsync(), Is.EqualTo(2), "the suggestion itself, without text, stays in the log");
    }

    [Test]
    public async Task Retention_period_follows_the_configuration()
    {
        await AddTextAsync(ageInDays: 11);
        var kept = await AddTextAsync(ageInDays: 9);

        var deleted = await Retention(days: 10).PurgeAsync(CancellationToken.None);

        Assert.That(deleted, Is.EqualTo(1));
        Assert.That(await TextIdsAsync(), Is.EqualTo(new[] { kept }));
    }

    [Test]
    public async Task Instance_that_finds_another_purging_skips_the_round()
    {
        var old = await AddTextAsync(ageInDays: 200);
        var retention = Retention(days: 90);

        await using (var other = await _dataSource.OpenConnectionAsync())
        {
            await other.ExecuteAsync("SELECT pg_advisory_lock(@Key)", new { Key = TextRetention.AdvisoryLockKey });
            Assert.That(await retention.PurgeAsync(CancellationToken.None), Is.Null);
            Assert.That(await TextIdsAsync(), Does.Contain(old));
            await other.ExecuteAsync("SELECT pg_advisory_unlock(@Key)", new { Key = TextRetention.AdvisoryLockKey });
        }

        Assert.That(await retention.PurgeAsync(CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task Instances_purging_at_once_delete_each_text_once()
    {
        for (var i = 0; i < 20; i++) await AddTextAsync(ageInDays: 100 + i);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Retention(days: 90).PurgeAsync(CancellationToken.None)));

        Assert.That(results.Sum(r => r ?? 0), Is.EqualTo(20));
        Assert.That(await TextIdsAsync(), Is.Empty);
    }

    [TestCase("0")]
    [TestCase("5000")]
    public async Task Retention_period_out_of_range_stops_the_api_naming_the_key(string days)
    {
        await using var api = new ApiFactory(_database, new Dictionary<string, string?> { ["Privacy:RetentionDays"] = days });

        var error = Assert.CatchAsync(api.StartAsync);

        Assert.That(error!.ToString(), Does.Contain("Privacy__RetentionDays"));
    }

    private TextRetention Retention(int days) =>
        new(_dataSource, Options.Create(new PrivacyOptions { MessageKeySecret = new string('x', 32), RetentionDays = days }));

    private async Task<Guid> AddTextAsync(int ageInDays)
    {
        const string sql = """
            INSERT INTO suggestions (id, mailbox_id, message_key, sender_domain, action, unit_id, confidence, needs_review,
                                     explanation, reasons, flags, classifier, created_at)
            VALUES (@Id, @MailboxId, @Key, 'example.no', 'journalfor', 'arkiv', 0.9, false, 'Forklaring', '{}', '{}', 'test',
                    now() - make_interval(days => @Age));
            INSERT INTO message_texts (suggestion_id, mailbox_id, subject, body, attachment_names, sender_domain, created_at)
            VALUES (@Id, @MailboxId, 'Emne', 'Tekst', '{}', 'example.no', now() - make_interval(days => @Age));
            """;
        var id = Guid.NewGuid();
        await using var connection = await _dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, new { Id = id, MailboxId = DemoMailbox, Key = id.ToByteArray(), Age = ageInDays });
        return id;
    }

    private async Task<List<Guid>> TextIdsAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<Guid>("SELECT suggestion_id FROM message_texts")).ToList();
    }

    private async Task<long> SuggestionCountAsync()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM suggestions");
    }
}
