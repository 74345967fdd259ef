using Dapper;
using Npgsql;

namespace MailAssist.Api.Mailboxes;

public sealed class MailboxStore(NpgsqlDataSource dataSource)
{
    /// <summary>The mailbox with this address, or the default mailbox when the address is left out.</summary>
    public Task<MailboxDirectory?> FindAsync(string? address, CancellationToken cancellationToken) =>
        LoadAsync("(@Address::text IS NULL AND mailboxes.is_default) OR lower(mailboxes.address) = lower(@Address::text)",
            new { Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim() }, cancellationToken);

    public Task<MailboxDirectory?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        LoadAsync("mailboxes.id = @Id", new { Id = id }, cancellationToken);

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

    /// <summary>The mailbox and its units in one round trip: every classification reads them.</summary>
    private async Task<MailboxDirectory?> LoadAsync(string mailboxCondition, object parameters, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT id AS Id, address AS Address, display_name AS DisplayName
            FROM mailboxes
            WHERE {mailboxCondition};
            SELECT u.id AS Id, u.name AS Name, u.address AS Address, u.owns AS Owns, u.kind AS Kind
            FROM units u JOIN mailboxes ON mailboxes.id = u.mailbox_id
            WHERE {mailboxCondition}
            ORDER BY u.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var mailbox = await results.ReadSingleOrDefaultAsync<MailboxRow>();
        var units = await results.ReadAsync<Unit>();
        return mailbox is null ? null : new MailboxDirectory(mailbox.Id, mailbox.Address, mailbox.DisplayName, units.ToList());
    }

    private sealed record MailboxRow(Guid Id, string Address, string DisplayName);
}
