namespace MailAssist.Api.MailboxActions;

/// <summary>
/// The shared mailbox a decision is carried out in: Exchange Online through Microsoft Graph
/// (<see cref="GraphMailbox"/>) or the demo mailbox kept in the database (<see cref="Demo.DemoMailboxActions"/>).
/// </summary>
public interface IMailbox
{
    /// <summary>Opens the message a decision is about, checking that it is that message; throws <see cref="MailboxActionException"/>.</summary>
    Task<IMailboxMessage> OpenAsync(MessageLocator locator, CancellationToken cancellationToken);
}

/// <summary>One message of the mailbox, as opened for carrying out a decision.</summary>
public interface IMailboxMessage
{
    /// <summary>An id that stays the same when the message moves to another folder of the mailbox.</summary>
    string Id { get; }

    IReadOnlyList<string> Categories { get; }

    /// <summary>
    /// Not idempotent. Throws <see cref="MailboxActionException"/> with <see cref="MailboxActionException.MaybeSent"/>
    /// when the forward may have gone out although it failed (a timeout after sending, a gateway error).
    /// </summary>
    Task ForwardAsync(string to, string comment, CancellationToken cancellationToken);

    Task SetCategoriesAsync(IReadOnlyList<string> categories, CancellationToken cancellationToken);

    /// <summary>Moves the message, creating a named folder that is missing; does nothing when the message is there already.</summary>
    Task MoveAsync(MoveTarget target, CancellationToken cancellationToken);
}

/// <summary>
/// Which message to open: by the id the task pane sent (or the stable id found earlier), checked against the
/// keyed hash of the message's Internet message id. Graph's request ids are collected in <paramref name="RequestIds"/>.
/// </summary>
public sealed record MessageLocator(
    Guid MailboxId, string MailboxAddress, byte[] MessageKey, string? MessageId, string? UserAccessToken, ICollection<string> RequestIds);

/// <summary>Where a handled message goes: Deleted Items (never a permanent delete) or a folder by its display name.</summary>
public sealed record MoveTarget(string Name, bool IsWellKnown)
{
    /// <summary>Graph's well-known name of the Deleted Items folder.</summary>
    public static MoveTarget DeletedItems { get; } = new("deleteditems", true);

    public static MoveTarget Folder(string displayName) => new(displayName, false);
}

/// <summary>An action the mailbox refused or could not finish; <see cref="Code"/> is one of <see cref="MailboxErrors"/>.</summary>
public sealed class MailboxActionException(string code, bool maybeSent = false)
    : Exception($"The mailbox action failed: {code}.")
{
    public string Code { get; } = code;

    /// <summary>For a forward: it may have gone out, so it must not be sent again without a person saying so.</summary>
    public bool MaybeSent { get; } = maybeSent;
}

/// <summary>Why an action failed, as stored and shown: codes, never message content.</summary>
public static class MailboxErrors
{
    public const string MessageIdMissing = "message_id_missing";
    public const string MessageNotFound = "message_not_found";
    public const string MessageMismatch = "message_mismatch";
    public const string Forbidden = "forbidden";
    public const string ConsentRequired = "consent_required";
    public const string SignInFailed = "sign_in_failed";
    public const string Throttled = "throttled";
    public const string Unavailable = "graph_unavailable";
    public const string Rejected = "rejected";
    public const string Uncertain = "uncertain";
    public const string Unexpected = "unexpected_error";
}
