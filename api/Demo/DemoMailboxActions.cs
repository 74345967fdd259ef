using Dapper;
using MailAssist.Api.MailboxActions;
using Npgsql;

namespace MailAssist.Api.Demo;

/// <summary>
/// The demo mailbox: carries out decisions in MailAssist's own database (demo_message_state) instead of Exchange,
/// so /demo shows messages leaving the inbox with their category. Nothing is sent: a forward is only recorded.
/// A message is found by its keyed hash, so the pane needs to send no id.
/// </summary>
public sealed class DemoMailboxActions(NpgsqlDataSource dataSource) : IMailbox
{
    public const string Inbox = "inbox";

    public async Task<IMailboxMessage> OpenAsync(MessageLocator locator, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH added AS (
                INSERT INTO demo_message_state (mailbox_id, message_key) VALUES (@MailboxId, @MessageKey)
                ON CONFLICT (mailbox_id, message_key) DO NOTHING
                RETURNING categories
            )
            SELECT categories FROM added
            UNION ALL
            SELECT categories FROM demo_message_state WHERE mailbox_id = @MailboxId AND message_key = @MessageKey
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var categories = await connection.QueryFirstAsync<string[]>(new CommandDefinition(sql,
            new { locator.MailboxId, locator.MessageKey }, cancellationToken: cancellationToken));
        return new Message(this, locator.MailboxId, locator.MessageKey, categories);
    }

    /// <summary>The folder and categories of every message of the mailbox that a decision has touched, by key.</summary>
    public async Task<IReadOnlyList<DemoMessageState>> StatesAsync(Guid mailboxId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT message_key AS MessageKey, folder AS Folder, categories AS Categories
            FROM demo_message_state WHERE mailbox_id = @MailboxId
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<DemoMessageState>(new CommandDefinition(sql, new { MailboxId = mailboxId },
            cancellationToken: cancellationToken))).ToList();
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private sealed class Message(DemoMailboxActions mailbox, Guid mailboxId, byte[] messageKey, IReadOnlyList<string> categories) : IMailboxMessage
    {
        public string Id { get; } = "demo:" + Convert.ToHexStringLower(messageKey);
        public IReadOnlyList<string> Categories { get; private set; } = categories;

        public Task ForwardAsync(string to, string comment, CancellationToken cancellationToken)
        {
            const string sql = """
                UPDATE demo_message_state SET forwarded_to = forwarded_to || @To, updated_at = now()
                WHERE mailbox_id = @MailboxId AND message_key = @MessageKey
                """;
            return mailbox.ExecuteAsync(sql, new { MailboxId = mailboxId, MessageKey = messageKey, To = to }, cancellationToken);
        }

        public async Task SetCategoriesAsync(IReadOnlyList<string> categories, CancellationToken cancellationToken)
        {
            const string sql = """
                UPDATE demo_message_state SET categories = @Categories, updated_at = now()
                WHERE mailbox_id = @MailboxId AND message_key = @MessageKey
                """;
            await mailbox.ExecuteAsync(sql, new { MailboxId = mailboxId, MessageKey = messageKey, Categories = categories.ToArray() }, cancellationToken);
            Categories = categories;
        }

        public Task MoveAsync(MoveTarget target, CancellationToken cancellationToken)
        {
            const string sql = """
                UPDATE demo_message_state SET folder = @Folder, updated_at = now()
                WHERE mailbox_id = @MailboxId AND message_key = @MessageKey
                """;
            return mailbox.ExecuteAsync(sql, new { MailboxId = mailboxId, MessageKey = messageKey, Folder = target.Name }, cancellationToken);
        }
    }
}

/// <summary>A demo message's place: "inbox", "deleteditems" or a folder's display name, and its categories (a property record for text[]).</summary>
public sealed record DemoMessageState
{
    public byte[] MessageKey { get; init; } = [];
    public string Folder { get; init; } = DemoMailboxActions.Inbox;
    public string[] Categories { get; init; } = [];
}
