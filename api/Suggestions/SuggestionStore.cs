using Dapper;
using MailAssist.Api.Classification;
using MailAssist.Api.Cleaning;
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
    /// Stores the suggestion and its redacted text in one transaction. Returns false when another
    /// request stored a suggestion for the same message first; that one stands.
    /// </summary>
    public async Task<bool> TryAddAsync(NewSuggestion suggestion, CancellationToken cancellationToken)
    {
        const string insertSuggestion = """
            INSERT INTO suggestions (id, mailbox_id, message_key, sender_domain, received_at, action, unit_id, confidence,
                                     needs_review, explanation, reasons, flags, classifier, prompt_tokens, completion_tokens)
            VALUES (@Id, @MailboxId, @MessageKey, @SenderDomain, @ReceivedAt, @Action, @UnitId, @Confidence,
                    @NeedsReview, @Explanation, @Reasons, @Flags, @Classifier, @PromptTokens, @CompletionTokens)
            ON CONFLICT (mailbox_id, message_key) DO NOTHING
            """;
        const string insertText = """
            INSERT INTO message_texts (suggestion_id, mailbox_id, subject, body, attachment_names, sender_domain, cues)
            VALUES (@Id, @MailboxId, @Subject, @Body, @AttachmentNames, @SenderDomain, @Cues)
            """;
        var c = suggestion.Classification;
        var m = suggestion.Message;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(insertSuggestion, new
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
        }, transaction, cancellationToken: cancellationToken));
        if (inserted == 0) return false;
        await connection.ExecuteAsync(new CommandDefinition(insertText, new
        {
            suggestion.Id,
            suggestion.MailboxId,
            m.Subject,
            Body = m.Text,
            AttachmentNames = m.AttachmentNames.ToArray(),
            m.SenderDomain,
            Cues = MessageCueNames.Of(m.Cues),
        }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

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
