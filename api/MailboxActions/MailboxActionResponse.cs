namespace MailAssist.Api.MailboxActions;

/// <summary>
/// How far carrying out a decision in the mailbox got: pending, in_progress, done or action_failed with an
/// error code (see <see cref="MailboxErrors"/>). <see cref="MovedTo"/> is a folder's display name or "deleteditems".
/// </summary>
public sealed record MailboxActionResponse(
    string Status, int Attempts, string? Error, string? ForwardedTo, string? MovedTo, string? Category, string? PerformedBy,
    DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt)
{
    public static MailboxActionResponse From(MailboxActionState s) =>
        new(s.Status, s.Attempts, s.Error, s.ForwardedTo, s.MovedTo, s.Category, s.PerformedBy, new DateTimeOffset(s.UpdatedAt, TimeSpan.Zero),
            s.CompletedAt is { } completed ? new DateTimeOffset(completed, TimeSpan.Zero) : null);
}
