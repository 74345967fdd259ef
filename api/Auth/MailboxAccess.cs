using System.Security.Claims;
using Dapper;
using Npgsql;

namespace MailAssist.Api.Auth;

/// <summary>
/// Decides on the server, from the membership admins manage, which shared mailboxes a signed-in
/// person works in; never from what the client says. The development user works in every mailbox.
/// </summary>
public sealed class MailboxAccess(NpgsqlDataSource dataSource)
{
    public async Task<bool> CanUseAsync(ClaimsPrincipal user, Guid mailboxId, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.Identity.AuthenticationType == DevelopmentAuthenticationHandler.SchemeName) return true;
        const string sql = """
            SELECT EXISTS (SELECT 1 FROM mailbox_members WHERE mailbox_id = @MailboxId AND user_name = @UserName)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { MailboxId = mailboxId, UserName = user.UserId() }, cancellationToken: cancellationToken));
    }
}
