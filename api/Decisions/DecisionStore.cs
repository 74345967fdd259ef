using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace MailAssist.Api.Decisions;

public sealed class DecisionStore(NpgsqlDataSource dataSource)
{
    /// <summary>A decision's columns, from <c>decisions d</c> joined to <c>units u</c>.</summary>
    public const string Columns = """
        d.id AS Id, d.suggestion_id AS SuggestionId, d.action AS Action, d.unit_id AS UnitId, u.name AS UnitName,
        d.accepted AS Accepted, d.decided_by AS DecidedBy, d.decided_at AS DecidedAt
        """;

    public async Task<StoredDecision?> FindBySuggestionAsync(Guid suggestionId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns}
            FROM decisions d LEFT JOIN units u ON u.mailbox_id = d.mailbox_id AND u.id = d.unit_id
            WHERE d.suggestion_id = @SuggestionId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredDecision>(
            new CommandDefinition(sql, new { SuggestionId = suggestionId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records a decision exactly once per suggestion. A repeated request with the same
    /// idempotency key gets the decision it made; a different decision gets the existing one back.
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(NewDecision decision, CancellationToken cancellationToken)
    {
        const string findKey = """
            SELECT request_hash AS RequestHash, decision_id AS DecisionId
            FROM idempotency_keys WHERE decided_by = @DecidedBy AND key = @Key
            """;
        const string insertDecision = """
            INSERT INTO decisions (id, suggestion_id, mailbox_id, action, unit_id, accepted, decided_by)
            VALUES (@Id, @SuggestionId, @MailboxId, @Action, @UnitId, @Accepted, @DecidedBy)
            ON CONFLICT (suggestion_id) DO NOTHING
            """;
        const string insertKey = """
            INSERT INTO idempotency_keys (decided_by, key, request_hash, decision_id)
            VALUES (@DecidedBy, @Key, @RequestHash, @DecisionId)
            ON CONFLICT (decided_by, key) DO NOTHING
            """;
        const string findDecision = $"""
            SELECT {Columns}
            FROM decisions d LEFT JOIN units u ON u.mailbox_id = d.mailbox_id AND u.id = d.unit_id
            WHERE d.suggestion_id = @SuggestionId
            """;

        var requestHash = SHA256.HashData(Encoding.UTF8.GetBytes($"{decision.SuggestionId}\n{decision.Action}\n{decision.UnitId}"));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var previous = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(findKey,
            new { decision.DecidedBy, decision.Key }, transaction, cancellationToken: cancellationToken));
        if (previous is not null && !previous.RequestHash.AsSpan().SequenceEqual(requestHash))
            return new DecisionOutcome(DecisionOutcomeKind.KeyReused, null);

        var inserted = previous is null && await connection.ExecuteAsync(new CommandDefinition(insertDecision, new
        {
            Id = Guid.CreateVersion7(),
            decision.SuggestionId,
            decision.MailboxId,
            decision.Action,
            decision.UnitId,
            decision.Accepted,
            decision.DecidedBy,
        }, transaction, cancellationToken: cancellationToken)) == 1;

        var stored = await connection.QuerySingleAsync<StoredDecision>(new CommandDefinition(findDecision,
            new { decision.SuggestionId }, transaction, cancellationToken: cancellationToken));
        var same = stored.Action == decision.Action && stored.UnitId == decision.UnitId;
        if (same)
            await connection.ExecuteAsync(new CommandDefinition(insertKey,
                new { decision.DecidedBy, decision.Key, RequestHash = requestHash, DecisionId = stored.Id },
                transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);

        var kind = inserted ? DecisionOutcomeKind.Created : same ? DecisionOutcomeKind.Repeated : DecisionOutcomeKind.Conflict;
        return new DecisionOutcome(kind, stored);
    }

    private sealed record KeyRow(byte[] RequestHash, Guid DecisionId);
}

public sealed record NewDecision(Guid SuggestionId, Guid MailboxId, string Action, string? UnitId, bool Accepted, string DecidedBy, string Key);

public sealed record StoredDecision(
    Guid Id, Guid SuggestionId, string Action, string? UnitId, string? UnitName, bool Accepted, string DecidedBy, DateTime DecidedAt);

public enum DecisionOutcomeKind { Created, Repeated, Conflict, KeyReused }

public sealed record DecisionOutcome(DecisionOutcomeKind Kind, StoredDecision? Decision);
