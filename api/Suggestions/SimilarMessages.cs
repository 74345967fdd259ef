using MailAssist.Api.Classification;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Suggestions;

/// <summary>
/// Earlier messages of the same mailbox that read alike and that staff have decided, nearest first:
/// shown in the task pane, and given to a language model as examples.
/// </summary>
/// <remarks>
/// search_text is the start of the redacted subject and body (the generated column of migration 0004); the partial
/// GiST index of decided texts (migration 0008) serves both the threshold (%) and the nearest-first order (&lt;-&gt;).
/// The threshold, <see cref="MinimumSimilarity"/>, is set on every connection when it starts (DatabaseRegistration).
/// </remarks>
public static class SimilarMessages
{
    public const int Limit = 5;

    /// <summary>Trigram similarity below this rarely shares the label (measured on the corpus, docs/benchmarks.md).</summary>
    public const double MinimumSimilarity = 0.3;

    private const string Columns = """
        SELECT mt.suggestion_id AS SuggestionId, mt.subject AS Subject, mt.body AS Body, d.action AS Action,
               d.unit_id AS UnitId, u.name AS UnitName, d.decided_at AS DecidedAt
        FROM message_texts mt
        JOIN decisions d ON d.suggestion_id = mt.suggestion_id
        LEFT JOIN units u ON u.mailbox_id = d.mailbox_id AND u.id = d.unit_id
        """;

    /// <summary>For a message not stored yet: takes @MailboxId, @Subject, @Body (redacted) and @Limit.</summary>
    public const string ForNewMessage = $"""
        {Columns}
        WHERE mt.decided AND mt.mailbox_id = @MailboxId
          AND mt.search_text % left(@Subject || ' ' || @Body, 500)
        ORDER BY mt.search_text <-> left(@Subject || ' ' || @Body, 500), d.decided_at DESC
        LIMIT @Limit
        """;

    /// <summary>For a stored message, from its stored text: takes @MailboxId, @MessageKey and @Limit.</summary>
    public const string ForStoredMessage = $"""
        WITH stored AS MATERIALIZED (
            SELECT s.id, t.search_text FROM suggestions s JOIN message_texts t ON t.suggestion_id = s.id
            WHERE s.mailbox_id = @MailboxId AND s.message_key = @MessageKey)
        {Columns}
        WHERE mt.decided AND mt.mailbox_id = @MailboxId
          AND mt.suggestion_id <> (SELECT id FROM stored)
          AND mt.search_text % (SELECT search_text FROM stored)
        ORDER BY mt.search_text <-> (SELECT search_text FROM stored), d.decided_at DESC
        LIMIT @Limit
        """;
}

/// <summary>An earlier, decided message of the mailbox (its redacted text) with the staff's decision.</summary>
public sealed record SimilarDecision(
    Guid SuggestionId, string Subject, string Body, string Action, string? UnitId, string? UnitName, DateTime DecidedAt)
{
    public SimilarMessage ToResponse() =>
        new(SuggestionId, Subject, Action, UnitId, UnitName, new DateTimeOffset(DecidedAt, TimeSpan.Zero));

    public ConfirmedExample ToExample() => new(Subject, Body, MailActions.Parse(Action), UnitId);
}
