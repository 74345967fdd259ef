using Dapper;
using Npgsql;

namespace MailAssist.Api.Mailboxes;

public sealed class MailboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>The mailbox with this address, or the default mailbox when the address is left out.</summary>
    public Task<MailboxDirectory?> FindAsync(string? address, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, address AS Address, display_name AS DisplayName
            FROM mailboxes
            WHERE (@Address::text IS NULL AND is_default) OR lower(address) = lower(@Address::text)
            """;
        return LoadAsync(sql, new { Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim() }, cancellationToken);
    }

    public Task<MailboxDirectory?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, address AS Address, display_name AS DisplayName
            FROM mailboxes
            WHERE id = @Id
            """;
        return LoadAsync(sql, new { Id = id }, cancellationToken);
    }

    public async Task<MailboxActionSettings?> FindSettingsAsync(string address, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT journal_mode AS JournalMode, journal_folder AS JournalFolder,
                   archive_import_address AS ArchiveImportAddress, forwarded_folder AS ForwardedFolder
            FROM mailboxes
            WHERE lower(address) = lower(@Address)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<MailboxActionSettings>(
            new CommandDefinition(sql, new { Address = address.Trim() }, cancellationToken: cancellationToken));
    }

    private async Task<MailboxDirectory?> LoadAsync(string mailboxSql, object parameters, CancellationToken cancellationToken)
    {
        const string unitsSql = """
            SELECT id AS Id, name AS Name, address AS Address, owns AS Owns, kind AS Kind
            FROM units
            WHERE mailbox_id = @MailboxId
            ORDER BY name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var mailbox = await connection.QuerySingleOrDefaultAsync<MailboxRow>(new CommandDefinition(mailboxSql, parameters, cancellationToken: cancellationToken));
        if (mailbox is null) return null;
        var units = await connection.QueryAsync<Unit>(new CommandDefinition(unitsSql, new { MailboxId = mailbox.Id }, cancellationToken: cancellationToken));
        return new MailboxDirectory(mailbox.Id, mailbox.Address, mailbox.DisplayName, units.ToList());
    }

    private sealed record MailboxRow(Guid Id, string Address, string DisplayName);
}
