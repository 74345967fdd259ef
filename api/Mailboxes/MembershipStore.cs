using Dapper;
using Npgsql;

namespace MailAssist.Api.Mailboxes;

/// <summary>Who works in which shared mailbox, and the directories admins maintain.</summary>
public sealed class MembershipStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Member>> MembersAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT user_name AS UserName, added_by AS AddedBy, added_at AS AddedAt
            FROM mailbox_members WHERE mailbox_id = @MailboxId ORDER BY user_name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Member>(new CommandDefinition(sql, new { MailboxId = mailboxId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Adds a member; false when they already were one.</summary>
    public async Task<bool> AddAsync(Guid mailboxId, string userName, string addedBy, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO mailbox_members (mailbox_id, user_name, added_by) VALUES (@MailboxId, @UserName, @AddedBy)
            ON CONFLICT (mailbox_id, user_name) DO NOTHING
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { MailboxId = mailboxId, UserName = userName, AddedBy = addedBy }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> RemoveAsync(Guid mailboxId, string userName, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM mailbox_members WHERE mailbox_id = @MailboxId AND user_name = @UserName";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { MailboxId = mailboxId, UserName = userName }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Creates the mailbox or renames it, changes the action settings given, and adds or updates the given units;
    /// units and settings not named are kept.
    /// </summary>
    public async Task<Guid> SaveDirectoryAsync(string address, string displayName, IReadOnlyList<Unit> units, MailboxActionSettingsChange settings,
        CancellationToken cancellationToken)
    {
        const string upsertMailbox = """
            INSERT INTO mailboxes (id, address, display_name) VALUES (@Id, lower(@Address), @DisplayName)
            ON CONFLICT (address) DO UPDATE SET display_name = excluded.display_name
            RETURNING id
            """;
        const string updateSettings = """
            UPDATE mailboxes
            SET journal_mode = coalesce(@JournalMode, journal_mode),
                journal_folder = coalesce(@JournalFolder, journal_folder),
                archive_import_address = coalesce(@ArchiveImportAddress, archive_import_address),
                forwarded_folder = coalesce(@ForwardedFolder, forwarded_folder)
            WHERE id = @MailboxId
            """;
        const string upsertUnit = """
            INSERT INTO units (mailbox_id, id, name, address, owns, kind) VALUES (@MailboxId, @Id, @Name, @Address, @Owns, @Kind)
            ON CONFLICT (mailbox_id, id) DO UPDATE
            SET name = excluded.name, address = excluded.address, owns = excluded.owns, kind = excluded.kind
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var mailboxId = await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(upsertMailbox,
            new { Id = Guid.CreateVersion7(), Address = address, DisplayName = displayName }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(updateSettings, new
        {
            MailboxId = mailboxId,
            settings.JournalMode,
            settings.JournalFolder,
            settings.ArchiveImportAddress,
            settings.ForwardedFolder,
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(upsertUnit,
            units.Select(u => new { MailboxId = mailboxId, u.Id, u.Name, u.Address, u.Owns, u.Kind }), transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return mailboxId;
    }
}

public sealed record Member(string UserName, string AddedBy, DateTime AddedAt);
