using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MailAssist.Api.Privacy;

/// <summary>
/// Deletes the redacted message text kept for learning and for similar messages once it is older
/// than <see cref="PrivacyOptions.RetentionDays"/>. One instance at a time does it, under a
/// PostgreSQL advisory lock; the others skip that round. Any new table that keeps message text
/// must be purged here too.
/// </summary>
public sealed class TextRetention(NpgsqlDataSource dataSource, IOptions<PrivacyOptions> options)
{
    internal const long AdvisoryLockKey = 0x4D61_5265_7465_6E74; // "MaRetent"
    private const int BatchSize = 5_000;

    /// <summary>The number of texts deleted, or null when another instance is purging right now.</summary>
    public async Task<int?> PurgeAsync(CancellationToken cancellationToken)
    {
        // Batches keep each statement short, so the purge never holds up the suggestions written meanwhile.
        const string deleteBatch = """
            DELETE FROM message_texts
            WHERE suggestion_id IN (
                SELECT suggestion_id FROM message_texts
                WHERE created_at < now() - make_interval(days => @RetentionDays)
                LIMIT @BatchSize)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, cancellationToken: cancellationToken)))
            return null;
        try
        {
            var total = 0;
            int deleted;
            do
            {
                deleted = await connection.ExecuteAsync(new CommandDefinition(deleteBatch,
                    new { options.Value.RetentionDays, BatchSize }, cancellationToken: cancellationToken));
                total += deleted;
            } while (deleted == BatchSize);
            return total;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@AdvisoryLockKey)", new { AdvisoryLockKey });
        }
    }
}
