using Dapper;
using Npgsql;

namespace MailAssist.Api.MailboxActions;

/// <summary>
/// One mailbox action per decision and how far it got. An attempt claims the action with a lease and a claim
/// id; status changes are fenced by the claim id, while facts about the mailbox (the forward went out, the
/// message moved) are recorded whoever learns them.
/// </summary>
public sealed class MailboxActionStore(NpgsqlDataSource dataSource)
{
    public const string StateColumns = """
        decision_id AS DecisionId, status AS Status, attempts AS Attempts, last_error AS Error, forwarded_to AS ForwardedTo,
        moved_to AS MovedTo, category AS Category, performed_by AS PerformedBy, updated_at AS UpdatedAt, completed_at AS CompletedAt
        """;

    /// <summary>Creates the decision's action, pending, unless it exists.</summary>
    public async Task EnsureAsync(Guid decisionId, Guid mailboxId, string? messageId, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mailbox_actions (decision_id, mailbox_id, message_id) VALUES (@DecisionId, @MailboxId, @MessageId)
            ON CONFLICT (decision_id) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { DecisionId = decisionId, MailboxId = mailboxId, MessageId = messageId },
            cancellationToken: cancellationToken));
    }

    public async Task<MailboxActionState?> FindAsync(Guid? decisionId, CancellationToken cancellationToken)
    {
        if (decisionId is null) return null;
        const string sql = $"SELECT {StateColumns} FROM mailbox_actions WHERE decision_id = @DecisionId";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MailboxActionState>(
            new CommandDefinition(sql, new { DecisionId = decisionId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Claims the action for one attempt when it is pending, failed (on a retry) or in progress under a lease that
    /// ran out (its instance died). The row lock makes concurrent claims, on any instance, take turns: one wins.
    /// </summary>
    public async Task<ClaimedAction?> TryClaimAsync(ActionRun run, TimeSpan lease, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH claimed AS (
                UPDATE mailbox_actions a
                SET status = 'in_progress', attempts = a.attempts + 1, claim_id = @ClaimId, claimed_until = now() + @Lease,
                    performed_by = @PerformedBy, message_id = coalesce(@MessageId, a.message_id), last_error = NULL, updated_at = now()
                WHERE a.decision_id = @DecisionId
                  AND (a.status = 'pending'
                       OR (@RetryFailed AND a.status = 'action_failed')
                       OR (a.status = 'in_progress' AND a.claimed_until < now()))
                RETURNING a.decision_id, a.claim_id, a.message_id, a.attempts, a.forward_started_at, a.forwarded_at
            )
            SELECT c.decision_id AS DecisionId, c.claim_id AS ClaimId, m.id AS MailboxId, m.address AS MailboxAddress,
                   s.message_key AS MessageKey, c.message_id AS MessageId, c.attempts AS Attempts,
                   d.action AS Action, u.name AS UnitName, u.address AS UnitAddress, d.accepted AS Accepted,
                   s.explanation AS Explanation, d.decided_by AS DecidedBy,
                   m.journal_mode AS JournalMode, m.journal_folder AS JournalFolder,
                   m.archive_import_address AS ArchiveImportAddress, m.forwarded_folder AS ForwardedFolder,
                   c.forward_started_at AS ForwardStartedAt, c.forwarded_at AS ForwardedAt
            FROM claimed c
            JOIN decisions d ON d.id = c.decision_id
            JOIN suggestions s ON s.id = d.suggestion_id
            JOIN mailboxes m ON m.id = d.mailbox_id
            LEFT JOIN units u ON u.mailbox_id = d.mailbox_id AND u.id = d.unit_id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ClaimedAction>(new CommandDefinition(sql, new
        {
            run.DecisionId,
            ClaimId = Guid.NewGuid(),
            Lease = lease,
            run.PerformedBy,
            run.MessageId,
            run.RetryFailed,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>Records facts learnt about the message; a field left null keeps its value. Not fenced: a fact stays true.</summary>
    public async Task RecordAsync(Guid decisionId, ActionProgress progress, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE mailbox_actions
            SET message_id = coalesce(@MessageId, message_id),
                forwarded_at = CASE WHEN @ForwardedTo::text IS NULL THEN forwarded_at ELSE now() END,
                forwarded_to = coalesce(@ForwardedTo, forwarded_to),
                category = coalesce(@Category, category),
                moved_to = coalesce(@MovedTo, moved_to),
                updated_at = now()
            WHERE decision_id = @DecisionId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            DecisionId = decisionId,
            progress.MessageId,
            progress.ForwardedTo,
            progress.Category,
            progress.MovedTo,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records that the forward is about to be sent, committed before it is: false when the claim was lost or the
    /// forward was already sent, and then it must not be sent.
    /// </summary>
    public async Task<bool> BeginForwardAsync(ClaimedAction claim, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE mailbox_actions SET forward_started_at = now(), updated_at = now()
            WHERE decision_id = @DecisionId AND claim_id = @ClaimId AND claimed_until > now() AND forwarded_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { claim.DecisionId, claim.ClaimId }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The forward was refused for certain (throttled, rejected, never connected): it may be sent on a later attempt.</summary>
    public async Task ForwardNotSentAsync(ClaimedAction claim, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE mailbox_actions SET forward_started_at = NULL, updated_at = now()
            WHERE decision_id = @DecisionId AND claim_id = @ClaimId AND forwarded_at IS NULL
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { claim.DecisionId, claim.ClaimId }, cancellationToken: cancellationToken));
    }

    /// <summary>Ends the attempt: done when <paramref name="error"/> is null, else action_failed with that code.</summary>
    public async Task<MailboxActionState> FinishAsync(ClaimedAction claim, string? error, IReadOnlyCollection<string> requestIds,
        CancellationToken cancellationToken)
    {
        const string sql = $"""
            UPDATE mailbox_actions
            SET status = CASE WHEN @Error::text IS NULL THEN 'done' ELSE 'action_failed' END,
                last_error = @Error,
                completed_at = CASE WHEN @Error::text IS NULL THEN now() END,
                claim_id = NULL, claimed_until = NULL, updated_at = now(),
                graph_request_ids = (graph_request_ids || @RequestIds)[greatest(cardinality(graph_request_ids || @RequestIds) - 49, 1):]
            WHERE decision_id = @DecisionId AND claim_id = @ClaimId
            RETURNING {StateColumns}
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var state = await connection.QuerySingleOrDefaultAsync<MailboxActionState>(new CommandDefinition(sql,
            new { claim.DecisionId, claim.ClaimId, Error = error, RequestIds = requestIds.ToArray() }, cancellationToken: cancellationToken));
        return state ?? (await FindAsync(claim.DecisionId, cancellationToken))!;
    }
}

/// <summary>An attempt at a decision's action, on behalf of the signed-in person.</summary>
public sealed record ActionRun(Guid DecisionId, string? MessageId, string? UserAccessToken, string PerformedBy, bool RetryFailed, bool Resend);

/// <summary>A claimed action with everything needed to carry it out.</summary>
public sealed record ClaimedAction(
    Guid DecisionId, Guid ClaimId, Guid MailboxId, string MailboxAddress, byte[] MessageKey, string? MessageId, int Attempts,
    string Action, string? UnitName, string? UnitAddress, bool Accepted, string Explanation, string DecidedBy,
    string JournalMode, string JournalFolder, string? ArchiveImportAddress, string ForwardedFolder,
    DateTime? ForwardStartedAt, DateTime? ForwardedAt);

public sealed record ActionProgress(string? MessageId = null, string? ForwardedTo = null, string? Category = null, string? MovedTo = null);

public sealed record MailboxActionState(
    Guid DecisionId, string Status, int Attempts, string? Error, string? ForwardedTo, string? MovedTo, string? Category,
    string? PerformedBy, DateTime UpdatedAt, DateTime? CompletedAt);
