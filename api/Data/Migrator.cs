using System.Reflection;
using Dapper;
using Npgsql;

namespace MailAssist.Api.Data;

/// <summary>
/// Applies the numbered, forward-only SQL files in Data/Migrations once each, in order, under a
/// PostgreSQL advisory lock, so that instances starting together never apply one twice.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    private const long AdvisoryLockKey = 0x4D61_696C_4173_7374; // "MailAsst"

    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            const string createJournal = """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id         integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """;
            await connection.ExecuteAsync(new CommandDefinition(createJournal, cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<int>(new CommandDefinition("SELECT id FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();

            foreach (var migration in All.Where(m => !applied.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                const string journal = "INSERT INTO schema_migrations (id, name) VALUES (@Id, @Name)";
                await connection.ExecuteAsync(new CommandDefinition(journal, new { migration.Id, migration.Name }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {MigrationId} {MigrationName}", migration.Id, migration.Name);
            }
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@AdvisoryLockKey)", new { AdvisoryLockKey });
        }
    }

    /// <summary>True when the database answers and every migration this build knows is applied.</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*) FROM schema_migrations WHERE id = ANY(@Ids)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { Ids = All.Select(m => m.Id).ToArray() }, cancellationToken: cancellationToken));
            return count == All.Count;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)))
        {
            var name = resource["Migrations.".Length..^".sql".Length];
            var id = int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(id, name, reader.ReadToEnd()));
        }
        var ordered = migrations.OrderBy(m => m.Id).ToList();
        if (ordered.Select(m => m.Id).Distinct().Count() != ordered.Count)
            throw new InvalidOperationException("Two migration files share a number.");
        return ordered;
    }
}

public sealed record Migration(int Id, string Name, string Sql);
