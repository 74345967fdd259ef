using Dapper;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using Npgsql;

namespace MailAssist.Benchmarks;

/// <summary>
/// Ten million decisions over four years (2022 to 2025) across four mailboxes, generated inside
/// PostgreSQL month by month with generate_series, through the real triggers that keep the rollups.
/// The demo mailbox gets half: 1.25 million decisions a year, a large municipality's volume.
/// </summary>
public static class StatsBenchmarkData
{
    public const long Decisions = 10_000_000;
    public static readonly DateTime Start = new(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public const int Months = 48;

    private static readonly Guid[] Mailboxes =
    [
        Guid.Parse("00000000-0000-0000-0000-00000000d3e0"), // the demo mailbox, from migration 0002
        Guid.Parse("00000000-0000-0000-0000-0000000be001"),
        Guid.Parse("00000000-0000-0000-0000-0000000be002"),
        Guid.Parse("00000000-0000-0000-0000-0000000be003"),
    ];

    /// <summary>True when the database exists and holds exactly the generated history (the rollups say so in a millisecond).</summary>
    public static async Task<bool> IsCompleteAsync(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            return await connection.ExecuteScalarAsync<long>("SELECT coalesce(sum(decisions), 0) FROM stats_daily") == Decisions;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    public static async Task GenerateAsync(NpgsqlDataSource dataSource, Action<string> log)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        const string mailboxes = """
            INSERT INTO mailboxes (id, address, display_name)
            SELECT id, 'postmottak' || n || '@benchmark.kommune.no', 'Benchmark ' || n
            FROM unnest(@Ids) WITH ORDINALITY AS m (id, n);
            INSERT INTO units (mailbox_id, id, name, address, owns, kind)
            SELECT m.id, u.id, u.name, u.address, u.owns, u.kind
            FROM unnest(@Ids) AS m (id) CROSS JOIN units u
            WHERE u.mailbox_id = @Demo;
            """;
        await connection.ExecuteAsync(mailboxes, new { Ids = Mailboxes[1..], Demo = Mailboxes[0] });

        var totalDays = (Start.AddMonths(Months) - Start).TotalDays;
        long first = 1;
        for (var month = 0; month < Months; month++)
        {
            var monthStart = Start.AddMonths(month);
            var days = (monthStart.AddMonths(1) - monthStart).TotalDays;
            var last = (long)Math.Round(Decisions * (monthStart.AddMonths(1) - Start).TotalDays / totalDays);
            var started = DateTime.UtcNow;
            await connection.ExecuteAsync(new CommandDefinition(GenerateMonth,
                new { First = first, Count = (int)(last - first + 1), MonthStart = monthStart, Days = days, Mailboxes, Units, Actions },
                commandTimeout: 3600));
            log($"{monthStart:yyyy-MM}: {last - first + 1} decisions in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
            first = last + 1;
        }
        await connection.ExecuteAsync(new CommandDefinition("VACUUM ANALYZE", commandTimeout: 3600));
    }

    private static readonly string[] Units = StandardUnits.Ids.ToArray();
    private static readonly string[] Actions = Enum.GetValues<MailAction>().Select(a => a.ToId()).ToArray();

    // Actions 0 journalfor, 1 videresend, 2 slett; units the 15 standard ids, the first ones more common.
    // A suggestion is confirmed with probability equal to its confidence; otherwise staff mostly keep the
    // action and pick a neighbouring unit. Seconds to decision are log-uniform from 1 s to 16 hours.
    private const string GenerateMonth = """
        WITH r AS MATERIALIZED (
            SELECT i, random() AS mailbox, random() AS action, random() AS unit, random() AS confidence, random() AS review,
                   random() AS fallback, random() AS model, random() AS tokens, random() AS delay, random() AS accept,
                   random() AS keep, random() AS other, random() AS shift, random() AS person
            FROM generate_series(@First, @First + @Count - 1) i
        ), s AS MATERIALIZED (
            SELECT r.*, lpad(to_hex(i), 32, '0')::uuid AS id,
                   (@Mailboxes::uuid[])[CASE WHEN mailbox < 0.5 THEN 1 WHEN mailbox < 0.8 THEN 2 WHEN mailbox < 0.95 THEN 3 ELSE 4 END] AS mailbox_id,
                   CASE WHEN action < 0.25 THEN 0 WHEN action < 0.85 THEN 1 ELSE 2 END AS action_index,
                   floor(15 * unit * unit)::int AS unit_index,
                   round((0.3 + 0.7 * sqrt(confidence))::numeric, 3)::float8 AS score,
                   @MonthStart::timestamptz + (i - @First)::float8 / @Count * @Days * interval '1 day' AS decided_at
            FROM r
        ), d AS MATERIALIZED (
            SELECT s.*, accept < score AS accepted,
                   CASE WHEN accept < score OR (action_index <> 2 AND keep < 0.7) THEN action_index
                        ELSE (action_index + 1 + floor(other * 2)::int) % 3 END AS chosen_index
            FROM s
        ), suggested AS (
            INSERT INTO suggestions (id, mailbox_id, message_key, sender_domain, action, unit_id, confidence, needs_review,
                                     explanation, reasons, flags, classifier, prompt_tokens, completion_tokens, created_at)
            SELECT id, mailbox_id, decode(md5(id::text), 'hex'), 'example.no',
                   (@Actions::text[])[action_index + 1],
                   CASE WHEN action_index <> 2 THEN (@Units::text[])[unit_index + 1] END,
                   score, score < 0.6 OR review < 0.03, 'Benchmark', '{}',
                   CASE WHEN fallback < 0.03 THEN '{fallback}' ELSE '{}' END::text[],
                   CASE WHEN model < 0.7 THEN 'azure-openai' ELSE 'local' END,
                   CASE WHEN model < 0.7 THEN 600 + floor(tokens * 2000)::int END,
                   CASE WHEN model < 0.7 THEN 40 + floor(tokens * 200)::int END,
                   decided_at - exp(delay * 11) * interval '1 second'
            FROM d
        )
        INSERT INTO decisions (id, suggestion_id, mailbox_id, action, unit_id, accepted, decided_by, decided_at)
        SELECT id, id, mailbox_id, (@Actions::text[])[chosen_index + 1],
               CASE WHEN chosen_index = 2 THEN NULL
                    ELSE (@Units::text[])[
                        CASE WHEN accepted THEN unit_index
                             WHEN action_index = 2 THEN floor(15 * other)::int
                             ELSE (unit_index + 1 + floor(shift * 3)::int) % 15 END + 1] END,
               accepted, 'saksbehandler' || (1 + floor(person * 25)::int) || '@eksempel.kommune.no', decided_at
        FROM d
        """;
}
