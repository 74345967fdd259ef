using System.Security.Claims;

namespace MailAssist.Api.Auth;

/// <summary>Decides on the server which shared mailboxes a signed-in person works in.</summary>
public sealed class MailboxAccess
{
    public Task<bool> CanUseAsync(ClaimsPrincipal user, Guid mailboxId, CancellationToken cancellationToken) =>
        Task.FromResult(user.Identity?.IsAuthenticated == true);
}
