using Dapper;
using MailAssist.Api.Classification;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;
using Npgsql;

namespace MailAssist.Api.Suggestions;

/// <summary>
/// Earlier messages of the same mailbox that read alike and that staff have decided, nearest first:
/// shown in the task pane, and given to a language model as examples.
/// </summary>
public sealed class SimilarMessages(NpgsqlDataSource dataSource)
{
    public const int Limit = 5;

    /// <summary>Trigram similarity below this rarely shares the label (measured on the corpus, docs/benchmarks.md).</summary>
    public const double MinimumSimilarity = 0.3;

    public async Task<IReadOnlyList<SimilarDecision>> FindAsync(
        Guid mailboxId, CleanedMessage message, Guid? except, CancellationToken cancellationToken)
    {
        // search_text is computed the same way by the table's generated column (migration 0004); the partial GiST
        // index of decided texts (migration 0008) serves both the threshold (%) and the nearest-first order (<->).
        // The threshold is set in the same round trip as the query.
        const string sql = """
            SELECT set_config('pg_trgm.similarity_threshold', @MinimumSimilarity::text, false);
            SELECT mt.suggestion_id AS SuggestionId, mt.subject AS Subject, mt.body AS Body, d.action AS Action,
                   d.unit_id AS UnitId, u.name AS UnitName, d.decided_at AS DecidedAt
            FROM message_texts mt
            JOIN decisions d ON d.suggestion_id = mt.suggestion_id
            LEFT JOIN units u ON u.mailbox_id = d.mailbox_id AND u.id = d.unit_id
            WHERE mt.decided
              AND mt.mailbox_id = @MailboxId
              AND mt.suggestion_id IS DISTINCT FROM @Except
              AND mt.search_text % left(@Subject || ' ' || @Body, 500)
            ORDER BY mt.search_text <-> left(@Subject || ' ' || @Body, 500), d.decided_at DESC
            LIMIT @Limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            MinimumSimilarity,
            MailboxId = mailboxId,
            Except = except,
            message.Subject,
            Body = message.Text,
            Limit,
        }, cancellationToken: cancellationToken));
        await results.ReadAsync<string>();
        var rows = await results.ReadAsync<SimilarDecision>();
        return rows.ToList();
    }
}

/// <summary>An earlier, decided message of the mailbox (its redacted text) with the staff's decision.</summary>
public sealed record SimilarDecision(
    Guid SuggestionId, string Subject, string Body, string Action, string? UnitId, string? UnitName, DateTime DecidedAt)
{
    public SimilarMessage ToResponse() =>
        new(SuggestionId, Subject, Action, UnitId, UnitName, new DateTimeOffset(DecidedAt, TimeSpan.Zero));

    public ConfirmedExample ToExample() => new(Subject, Body, MailActions.Parse(Action), UnitId);
}
