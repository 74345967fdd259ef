using Dapper;
using MailAssist.Api.Classification;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Decisions;
using MailAssist.Api.MailboxActions;
using MailAssist.Api.Messages;
using Npgsql;

namespace MailAssist.Api.Suggestions;

public sealed class SuggestionStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        s.id AS Id, s.mailbox_id AS MailboxId, s.action AS Action, s.unit_id AS UnitId, u.name AS UnitName,
        s.confidence AS Confidence, s.needs_review AS NeedsReview, s.explanation AS Explanation,
        s.reasons AS Reasons, s.flags AS Flags, s.classifier AS Classifier, s.created_at AS CreatedAt
        """;

    public async Task<StoredSuggestion?> FindAsync(Guid mailboxId, byte[] messageKey, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns}
            FROM suggestions s LEFT JOIN units u ON u.mailbox_id = s.mailbox_id AND u.id = s.unit_id
            WHERE s.mailbox_id = @MailboxId AND s.message_key = @MessageKey
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredSuggestion>(
            new CommandDefinition(sql, new { MailboxId = mailboxId, MessageKey = messageKey }, cancellationToken: cancellationToken));
    }

    public async Task<StoredSuggestion?> FindAsync(Guid suggestionId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns}
            FROM suggestions s LEFT JOIN units u ON u.mailbox_id = s.mailbox_id AND u.id = s.unit_id
            WHERE s.id = @SuggestionId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredSuggestion>(
            new CommandDefinition(sql, new { SuggestionId = suggestionId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// What is kept of the message, when it was classified before: its suggestion with the decision and mailbox action,
    /// if any, and the decided messages alike (from its stored text, so it is not cleaned again). One round trip, since
    /// the task pane asks whenever staff select a message.
    /// </summary>
    public async Task<KnownMessage?> FindKnownAsync(Guid mailboxId, byte[] messageKey, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns}
            FROM suggestions s LEFT JOIN units u ON u.mailbox_id = s.mailbox_id AND u.id = s.unit_id
            WHERE s.mailbox_id = @MailboxId AND s.message_key = @MessageKey;
            SELECT {DecisionStore.Columns}
            FROM decisions d LEFT JOIN units u ON u.mailbox_id = d.mailbox_id AND u.id = d.unit_id
            WHERE d.suggestion_id = (SELECT id FROM suggestions WHERE mailbox_id = @MailboxId AND message_key = @MessageKey);
            SELECT {MailboxActionStore.StateColumns}
            FROM mailbox_actions
            WHERE decision_id = (SELECT d.id FROM decisions d JOIN suggestions s ON s.id = d.suggestion_id
                                 WHERE s.mailbox_id = @MailboxId AND s.message_key = @MessageKey);
            {SimilarMessages.ForStoredMessage}
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql,
            new { MailboxId = mailboxId, MessageKey = messageKey, SimilarMessages.Limit }, cancellationToken: cancellationToken));
        var suggestion = await results.ReadSingleOrDefaultAsync<StoredSuggestion>();
        var decision = await results.ReadSingleOrDefaultAsync<StoredDecision>();
        var action = await results.ReadSingleOrDefaultAsync<MailboxActionState>();
        var similar = (await results.ReadAsync<SimilarDecision>()).ToList();
        return suggestion is null ? null : new KnownMessage(suggestion, decision, action, similar);
    }

    /// <summary>The decided messages of the mailbox that read alike a message not stored yet.</summary>
    public async Task<IReadOnlyList<SimilarDecision>> FindSimilarAsync(Guid mailboxId, CleanedMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SimilarDecision>(new CommandDefinition(SimilarMessages.ForNewMessage,
            new { MailboxId = mailboxId, message.Subject, Body = message.Text, SimilarMessages.Limit }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>
    /// Stores the suggestion and its redacted text in one statement, so both or neither are kept, and returns it as
    /// stored. Returns null when another request stored a suggestion for the same message first; that one stands.
    /// </summary>
    public async Task<StoredSuggestion?> AddAsync(NewSuggestion suggestion, CancellationToken cancellationToken)
    {
        const string sql = $"""
            WITH s AS (
                INSERT INTO suggestions (id, mailbox_id, message_key, sender_domain, received_at, action, unit_id, confidence,
                                         needs_review, explanation, reasons, flags, classifier, prompt_tokens, completion_tokens)
                VALUES (@Id, @MailboxId, @MessageKey, @SenderDomain, @ReceivedAt, @Action, @UnitId, @Confidence,
                        @NeedsReview, @Explanation, @Reasons, @Flags, @Classifier, @PromptTokens, @CompletionTokens)
                ON CONFLICT (mailbox_id, message_key) DO NOTHING
                RETURNING id, mailbox_id, action, unit_id, confidence, needs_review, explanation, reasons, flags, classifier, created_at
            ), text AS (
                INSERT INTO message_texts (suggestion_id, mailbox_id, subject, body, attachment_names, sender_domain, cues)
                SELECT id, mailbox_id, @Subject, @Body, @AttachmentNames, @SenderDomain, @Cues FROM s
            )
            SELECT {Columns}
            FROM s LEFT JOIN units u ON u.mailbox_id = s.mailbox_id AND u.id = s.unit_id
            """;
        var c = suggestion.Classification;
        var m = suggestion.Message;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredSuggestion>(new CommandDefinition(sql, new
        {
            suggestion.Id,
            suggestion.MailboxId,
            suggestion.MessageKey,
            m.SenderDomain,
            ReceivedAt = suggestion.ReceivedAt?.UtcDateTime,
            Action = c.Action.ToId(),
            UnitId = c.Unit,
            c.Confidence,
            c.NeedsReview,
            c.Explanation,
            Reasons = c.Reasons.ToArray(),
            Flags = c.Flags.ToArray(),
            c.Classifier,
            PromptTokens = c.Usage?.PromptTokens,
            CompletionTokens = c.Usage?.CompletionTokens,
            m.Subject,
            Body = m.Text,
            AttachmentNames = m.AttachmentNames.ToArray(),
            Cues = MessageCueNames.Of(m.Cues),
        }, cancellationToken: cancellationToken));
    }
}

/// <summary>What is kept of a message classified before (its decision and mailbox action, when any), and decided messages alike.</summary>
public sealed record KnownMessage(
    StoredSuggestion Suggestion, StoredDecision? Decision, MailboxActionState? Action, IReadOnlyList<SimilarDecision> Similar);

public sealed record NewSuggestion(
    Guid Id, Guid MailboxId, byte[] MessageKey, DateTimeOffset? ReceivedAt, CleanedMessage Message, ClassificationResult Classification);

/// <summary>A stored suggestion as read back (a property record, since Dapper cannot bind text[] to constructor parameters).</summary>
public sealed record StoredSuggestion
{
    public Guid Id { get; init; }
    public Guid MailboxId { get; init; }
    public string Action { get; init; } = "";
    public string? UnitId { get; init; }
    public string? UnitName { get; init; }
    public double Confidence { get; init; }
    public bool NeedsReview { get; init; }
    public string Explanation { get; init; } = "";
    public string[] Reasons { get; init; } = [];
    public string[] Flags { get; init; } = [];
    public string Classifier { get; init; } = "";
    public DateTime CreatedAt { get; init; }
}
