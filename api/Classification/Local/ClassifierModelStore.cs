using Dapper;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;
using Npgsql;

namespace MailAssist.Api.Classification.Local;

/// <summary>The local model's versions in classifier_models, and the confirmed decisions it learns from.</summary>
public sealed class ClassifierModelStore(NpgsqlDataSource dataSource)
{
    private const long AdvisoryLockKey = 0x4D61_696C_4D6F_646C; // "MailModl"

    public async Task<int?> LatestVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT max(version) FROM classifier_models", cancellationToken: cancellationToken));
    }

    public async Task<LocalModel> LoadAsync(int version, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var payload = await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(
            "SELECT payload FROM classifier_models WHERE version = @Version", new { Version = version }, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Classifier model version {version} is not stored.");
        return ModelSerializer.Read(payload);
    }

    /// <summary>
    /// Stores version 1 when no model is stored yet and returns the latest version. Instances starting
    /// together queue on an advisory lock, so only the first trains and inserts.
    /// </summary>
    public Task<int> EnsureFirstAsync(Func<StoredModelDraft> train, CancellationToken cancellationToken) =>
        UnderLockAsync(async (connection, transaction) =>
        {
            var latest = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT max(version) FROM classifier_models", transaction: transaction, cancellationToken: cancellationToken));
            return latest ?? await InsertAsync(connection, transaction, 1, await Task.Run(train, cancellationToken), cancellationToken);
        }, cancellationToken);

    /// <summary>Stores the model as the next version and returns that version.</summary>
    public Task<int> AddAsync(StoredModelDraft model, CancellationToken cancellationToken) =>
        UnderLockAsync(async (connection, transaction) =>
        {
            var latest = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT max(version) FROM classifier_models", transaction: transaction, cancellationToken: cancellationToken));
            return await InsertAsync(connection, transaction, (latest ?? 0) + 1, model, cancellationToken);
        }, cancellationToken);

    /// <summary>Every confirmed decision whose redacted text is still retained, oldest first, with its unit's standard kind.</summary>
    public async Task<List<TrainingExample>> ConfirmedExamplesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.suggestion_id AS SuggestionId, t.subject AS Subject, t.body AS Body, t.attachment_names AS AttachmentNames,
                   t.sender_domain AS SenderDomain, t.cues AS Cues, d.action AS Action, u.kind AS Kind
            FROM decisions d
            JOIN message_texts t ON t.suggestion_id = d.suggestion_id
            LEFT JOIN units u ON u.mailbox_id = d.mailbox_id AND u.id = d.unit_id
            ORDER BY d.decided_at, d.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.Select(r => new TrainingExample(
            r.SuggestionId.ToString(),
            new CleanedMessage(r.Subject, r.Body, r.SenderDomain, Senders.KindOf(r.SenderDomain), r.AttachmentNames, MessageCueNames.Parse(r.Cues)),
            MailActions.Parse(r.Action),
            r.Kind)).ToList();
    }

    private async Task<int> UnderLockAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, transaction, cancellationToken: cancellationToken));
        var version = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return version;
    }

    private static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int version, StoredModelDraft model, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO classifier_models (version, training_examples, metrics, payload)
            VALUES (@Version, @TrainingExamples, @Metrics::jsonb, @Payload)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { Version = version, model.TrainingExamples, model.Metrics, model.Payload }, transaction, cancellationToken: cancellationToken));
        return version;
    }

    /// <summary>A property record: Dapper cannot bind text[] to constructor parameters.</summary>
    private sealed record DecisionRow
    {
        public Guid SuggestionId { get; init; }
        public string Subject { get; init; } = "";
        public string Body { get; init; } = "";
        public string[] AttachmentNames { get; init; } = [];
        public string SenderDomain { get; init; } = "";
        public string[] Cues { get; init; } = [];
        public string Action { get; init; } = "";
        public string? Kind { get; init; }
    }
}

/// <summary>A trained model ready to store: its serialized payload, how many examples it learned from, and its figures as JSON.</summary>
public sealed record StoredModelDraft(byte[] Payload, int TrainingExamples, string Metrics);
