using Dapper;
using Npgsql;

namespace MailAssist.Tests.Stats;

/// <summary>
/// Suggestions and decisions stored directly with SQL at chosen instants, so every figure of the
/// statistics can be worked out by hand. The period 2025-03-03 (Monday, week 10) to 2025-03-16
/// (Sunday, week 11) holds decisions 1 to 6; Oslo is at UTC+1 then.
/// </summary>
public static class KnownDecisions
{
    public static readonly Guid DemoMailboxId = Guid.Parse("00000000-0000-0000-0000-00000000d3e0");
    public const string From = "2025-03-03";
    public const string To = "2025-03-16";

    public sealed record Row(
        string Action, string? Unit, double Confidence, bool NeedsReview, string[] Flags, int? PromptTokens, int? CompletionTokens,
        DateTime CreatedAt, Decision? Decision);

    public sealed record Decision(string Action, string? Unit, string DecidedBy, DateTime DecidedAt);

    private static DateTime Utc(int month, int day, int hour, int minute = 0, int second = 0) => new(2025, month, day, hour, minute, second, DateTimeKind.Utc);

    public static readonly Row[] Rows =
    [
        // 1: confirmed a minute after the suggestion.
        new("videresend", "okonomi", 0.95, false, [], 1000, 100, Utc(3, 3, 8), new("videresend", "okonomi", "kari@eksempel.kommune.no", Utc(3, 3, 8, 1))),
        // 2: unit changed after two minutes.
        new("videresend", "okonomi", 0.90, false, [], 2000, 200, Utc(3, 4, 9), new("videresend", "hr", "kari@eksempel.kommune.no", Utc(3, 4, 9, 2))),
        // 3: answered by the fallback, confirmed after five minutes.
        new("journalfor", "arkiv", 0.70, false, ["fallback"], null, null, Utc(3, 5, 10), new("journalfor", "arkiv", "ola@eksempel.kommune.no", Utc(3, 5, 10, 5))),
        // 4: slett changed to journalfor after ten minutes (week 11).
        new("slett", null, 0.55, true, [], 500, 50, Utc(3, 10, 8), new("journalfor", "arkiv", "ola@eksempel.kommune.no", Utc(3, 10, 8, 10))),
        // 5: fallback, needs review, unit changed after an hour (week 11).
        new("videresend", "byggesak", 0.40, true, ["fallback", "deadline"], null, null, Utc(3, 11, 12), new("videresend", "plan", "kari@eksempel.kommune.no", Utc(3, 11, 13))),
        // 6: decided at 23:30 UTC on Sunday 2 March, which is 00:30 on Monday 3 March in Oslo: inside the period, week 10.
        new("journalfor", "arkiv", 0.65, false, [], null, null, Utc(3, 2, 23), new("journalfor", "arkiv", "per@eksempel.kommune.no", Utc(3, 2, 23, 30))),
        // 7: decided at 23:30 UTC on Sunday 16 March, which is Monday 17 March in Oslo: after the period, week 12.
        new("videresend", "okonomi", 0.99, false, [], 4000, 400, Utc(3, 16, 23), new("videresend", "okonomi", "kari@eksempel.kommune.no", Utc(3, 16, 23, 30))),
        // 8: never decided; its tokens still count.
        new("journalfor", "arkiv", 0.80, false, [], 300, 30, Utc(3, 12, 9), null),
    ];

    public static async Task InsertAsync(NpgsqlDataSource dataSource, IEnumerable<Row> rows, Guid? mailboxId = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var row in rows)
        {
            var suggestionId = Guid.NewGuid();
            await connection.ExecuteAsync("""
                INSERT INTO suggestions (id, mailbox_id, message_key, sender_domain, action, unit_id, confidence, needs_review,
                                         explanation, reasons, flags, classifier, prompt_tokens, completion_tokens, created_at)
                VALUES (@Id, @MailboxId, @MessageKey, 'example.no', @Action, @Unit, @Confidence, @NeedsReview,
                        '', '{}', @Flags, 'test', @PromptTokens, @CompletionTokens, @CreatedAt)
                """, new
            {
                Id = suggestionId, MailboxId = mailboxId ?? DemoMailboxId, MessageKey = suggestionId.ToByteArray(), row.Action, row.Unit,
                row.Confidence, row.NeedsReview, row.Flags, row.PromptTokens, row.CompletionTokens, row.CreatedAt,
            });
            if (row.Decision is not { } d) continue;
            await connection.ExecuteAsync("""
                INSERT INTO decisions (id, suggestion_id, mailbox_id, action, unit_id, accepted, decided_by, decided_at)
                VALUES (@Id, @SuggestionId, @MailboxId, @Action, @Unit, @Accepted, @DecidedBy, @DecidedAt)
                """, new
            {
                Id = Guid.NewGuid(), SuggestionId = suggestionId, MailboxId = mailboxId ?? DemoMailboxId, d.Action, d.Unit,
                Accepted = d.Action == row.Action && d.Unit == row.Unit, d.DecidedBy, d.DecidedAt,
            });
        }
    }
}
