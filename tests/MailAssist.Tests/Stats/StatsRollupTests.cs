using Dapper;
using MailAssist.Api.Data;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Stats;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MailAssist.Tests.Stats;

/// <summary>
/// The rollups the triggers keep must always equal the statistics computed from scratch from the
/// suggestions and decisions, whatever mix of bulk and concurrent single writes, updates and deletes made them.
/// </summary>
public sealed class StatsRollupTests
{
    private static readonly Guid OtherMailboxId = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    [OneTimeSetUp]
    public async Task StoreRandomHistory()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = _database.CreateDataSource();
        await new Migrator(_dataSource, NullLogger<Migrator>.Instance).ApplyAsync(CancellationToken.None);
        await using var connection = await _dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO mailboxes (id, address, display_name) VALUES (@Id, 'postmottak@nabo.kommune.no', 'Nabo');
            INSERT INTO units (mailbox_id, id, name, address, owns, kind)
            SELECT @Id, id, name, address, owns, kind FROM units WHERE mailbox_id = @Demo;
            """, new { Id = OtherMailboxId, Demo = KnownDecisions.DemoMailboxId });
        await connection.ExecuteAsync("SELECT setseed(0.42)");
        await connection.ExecuteAsync(RandomSuggestions, new { Count = 3000, Other = OtherMailboxId, Demo = KnownDecisions.DemoMailboxId });

        var ids = (await connection.QueryAsync<Guid>("SELECT id FROM suggestions ORDER BY id")).ToList();
        await connection.ExecuteAsync(RandomDecisions, new { Ids = ids.Take(2000).ToArray() });
        await Parallel.ForEachAsync(ids.Skip(2000).Take(700), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, token) =>
        {
            await using var single = await _dataSource.OpenConnectionAsync(token);
            await single.ExecuteAsync(new CommandDefinition(RandomDecisions, new { Ids = new[] { id } }, cancellationToken: token));
        });

        await connection.ExecuteAsync("""
            UPDATE decisions SET decided_by = 'ny@eksempel.kommune.no' WHERE random() < 0.1;
            UPDATE decisions SET decided_at = decided_at + interval '5 days 3 hours' WHERE random() < 0.05;
            DELETE FROM decisions WHERE random() < 0.05;
            DELETE FROM suggestions s WHERE random() < 0.1 AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.suggestion_id = s.id);
            """);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }

    // Half the confidences are whole hundredths, so many lie exactly on a threshold.
    private const string RandomSuggestions = """
        WITH r AS (
            SELECT i, random() AS mailbox, random() AS action, random() AS unit, random() AS exact, random() AS confidence,
                   random() AS review, random() AS flags, random() AS tokens, random() AS at
            FROM generate_series(1, @Count) i
        )
        INSERT INTO suggestions (id, mailbox_id, message_key, sender_domain, action, unit_id, confidence, needs_review,
                                 explanation, reasons, flags, classifier, prompt_tokens, completion_tokens, created_at)
        SELECT gen_random_uuid(), CASE WHEN mailbox < 0.7 THEN @Demo ELSE @Other END, decode(md5(i::text), 'hex'), 'example.no',
               a.action, CASE WHEN a.action = 'slett' THEN NULL ELSE (SELECT array_agg(id ORDER BY id) FROM units WHERE mailbox_id = @Demo)[1 + floor(unit * 15)::int] END,
               CASE WHEN exact < 0.5 THEN round(confidence::numeric, 2)::float8 ELSE confidence END,
               review < 0.2, '', '{}', CASE WHEN flags < 0.1 THEN '{fallback}' WHEN flags < 0.2 THEN '{deadline,fallback}' ELSE '{}' END::text[],
               'test', CASE WHEN tokens < 0.6 THEN floor(tokens * 5000)::int END, CASE WHEN tokens < 0.6 THEN floor(tokens * 500)::int END,
               timestamptz '2024-01-01 00:00Z' + at * interval '800 days'
        FROM r, LATERAL (SELECT (ARRAY['journalfor', 'videresend', 'slett'])[1 + floor(r.action * 3)::int] AS action) a
        """;

    private const string RandomDecisions = """
        WITH r AS (
            SELECT s.*, random() AS keep, random() AS other_action, random() AS other_unit, random() AS delay, random() AS person
            FROM suggestions s WHERE s.id = ANY(@Ids)
        ), choice AS (
            SELECT r.*, CASE WHEN keep < 0.7 THEN r.action ELSE (ARRAY['journalfor', 'videresend', 'slett'])[1 + floor(other_action * 3)::int] END AS chosen_action
            FROM r
        ), chosen AS (
            SELECT c.*, CASE WHEN c.chosen_action = 'slett' THEN NULL
                             WHEN c.keep < 0.7 AND c.unit_id IS NOT NULL THEN c.unit_id
                             ELSE (SELECT array_agg(id ORDER BY id) FROM units WHERE mailbox_id = c.mailbox_id)[1 + floor(other_unit * 15)::int] END AS chosen_unit
            FROM choice c
        )
        INSERT INTO decisions (id, suggestion_id, mailbox_id, action, unit_id, accepted, decided_by, decided_at)
        SELECT gen_random_uuid(), id, mailbox_id, chosen_action, chosen_unit,
               chosen_action = action AND chosen_unit IS NOT DISTINCT FROM unit_id,
               (ARRAY['kari', 'ola', 'per', 'lise', 'anne'])[1 + floor(person * 5)::int] || '@eksempel.kommune.no',
               created_at + delay * delay * interval '3 days'
        FROM chosen
        """;

    // Every decision with its day and its month, each as the rollups' "monthly" rows count it.
    private const string Facts = """
        WITH facts AS (
            SELECT d.mailbox_id, g.monthly,
                   CASE WHEN g.monthly THEN date_trunc('month', d.decided_at AT TIME ZONE 'Europe/Oslo')::date
                        ELSE (d.decided_at AT TIME ZONE 'Europe/Oslo')::date END AS day,
                   s.action AS suggested_action, s.unit_id AS suggested_unit, d.action AS chosen_action, d.unit_id AS chosen_unit,
                   d.accepted, d.decided_by,
                   (SELECT max(k) FROM generate_series(0, 20) k WHERE s.confidence >= k / 20.0) AS confidence_bucket,
                   stats_seconds_bucket(extract(epoch FROM d.decided_at - s.created_at)::float8) AS seconds_bucket
            FROM decisions d JOIN suggestions s ON s.id = d.suggestion_id CROSS JOIN (VALUES (false), (true)) AS g (monthly)
        )
        """;

    private static readonly (string Name, string Rollup, string FromScratch)[] Comparisons =
    [
        ("decisions per day", """
         SELECT concat_ws('|', mailbox_id, day, decisions, accepted, needs_review, fallback) FROM stats_daily
         WHERE (decisions, accepted, needs_review, fallback) <> (0, 0, 0, 0)
         """,
         """
         SELECT concat_ws('|', d.mailbox_id, (d.decided_at AT TIME ZONE 'Europe/Oslo')::date, count(*), count(*) FILTER (WHERE d.accepted),
                          count(*) FILTER (WHERE s.needs_review), count(*) FILTER (WHERE 'fallback' = ANY (s.flags)))
         FROM decisions d JOIN suggestions s ON s.id = d.suggestion_id GROUP BY d.mailbox_id, (d.decided_at AT TIME ZONE 'Europe/Oslo')::date
         """),
        ("tokens per day", """
         SELECT concat_ws('|', mailbox_id, day, sum(suggestions), sum(prompt_tokens), sum(completion_tokens)) FROM stats_suggestion_days
         GROUP BY mailbox_id, day HAVING (sum(suggestions), sum(prompt_tokens), sum(completion_tokens)) <> (0, 0, 0)
         """,
         """
         SELECT concat_ws('|', mailbox_id, (created_at AT TIME ZONE 'Europe/Oslo')::date, count(*), coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0))
         FROM suggestions GROUP BY mailbox_id, (created_at AT TIME ZONE 'Europe/Oslo')::date
         """),
        ("outcomes", """
         SELECT concat_ws('|', mailbox_id, monthly, day, suggested_action, suggested_unit, chosen_action, chosen_unit, decisions, accepted)
         FROM stats_outcomes WHERE (decisions, accepted) <> (0, 0)
         """,
         Facts + """
         SELECT concat_ws('|', mailbox_id, monthly, day, suggested_action, suggested_unit, chosen_action, chosen_unit, count(*), count(*) FILTER (WHERE accepted))
         FROM facts GROUP BY mailbox_id, monthly, day, suggested_action, suggested_unit, chosen_action, chosen_unit
         """),
        ("confidence", """
         SELECT concat_ws('|', mailbox_id, monthly, day, confidence_bucket, decisions, accepted) FROM stats_confidence WHERE (decisions, accepted) <> (0, 0)
         """,
         Facts + """
         SELECT concat_ws('|', mailbox_id, monthly, day, confidence_bucket, count(*), count(*) FILTER (WHERE accepted))
         FROM facts GROUP BY mailbox_id, monthly, day, confidence_bucket
         """),
        ("timing", """
         SELECT concat_ws('|', mailbox_id, monthly, day, seconds_bucket, decisions) FROM stats_timing WHERE decisions <> 0
         """,
         Facts + """
         SELECT concat_ws('|', mailbox_id, monthly, day, seconds_bucket, count(*)) FROM facts GROUP BY mailbox_id, monthly, day, seconds_bucket
         """),
        ("employees", """
         SELECT concat_ws('|', mailbox_id, monthly, day, decided_by, decisions, accepted) FROM stats_employees WHERE (decisions, accepted) <> (0, 0)
         """,
         Facts + """
         SELECT concat_ws('|', mailbox_id, monthly, day, decided_by, count(*), count(*) FILTER (WHERE accepted))
         FROM facts GROUP BY mailbox_id, monthly, day, decided_by
         """),
    ];

    [TestCaseSource(nameof(ComparisonCases))]
    public async Task Rollup_equals_the_computation_from_scratch(string rollup, string fromScratch)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();

        var kept = (await connection.QueryAsync<string>(rollup)).Order(StringComparer.Ordinal).ToList();
        var computed = (await connection.QueryAsync<string>(fromScratch)).Order(StringComparer.Ordinal).ToList();

        Assert.That(computed, Has.Count.GreaterThan(10));
        Assert.That(kept, Is.EqualTo(computed));
    }

    private static IEnumerable<TestCaseData> ComparisonCases() =>
        Comparisons.Select(c => new TestCaseData(c.Rollup, c.FromScratch).SetArgDisplayNames(c.Name));

    [TestCase("2024-01-01", "2026-06-30", TestName = "Whole months only")]
    [TestCase("2024-02-10", "2025-11-20", TestName = "Whole months and days at both edges")]
    [TestCase("2025-03-05", "2025-03-25", TestName = "Days within one month")]
    [TestCase("2024-12-31", "2025-02-01", TestName = "One day either side of a whole month")]
    public async Task Figures_equal_counting_the_decisions_of_the_period_themselves(string fromDay, string toDay)
    {
        var from = DateOnly.Parse(fromDay, System.Globalization.CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(toDay, System.Globalization.CultureInfo.InvariantCulture);
        var mailbox = (await new MailboxStore(_dataSource).FindByIdAsync(KnownDecisions.DemoMailboxId, CancellationToken.None))!;
        var period = new StatsPeriod(from, to);
        var rollup = await new StatsStore(_dataSource).LoadAsync(mailbox.Id, period, perEmployee: true, CancellationToken.None);

        var stats = StatsReport.Build(mailbox, period, rollup, new StatsOptions());

        await using var connection = await _dataSource.OpenConnectionAsync();
        const string decidedInPeriod = """
            FROM decisions d JOIN suggestions s ON s.id = d.suggestion_id
            WHERE d.mailbox_id = @Mailbox AND (d.decided_at AT TIME ZONE 'Europe/Oslo')::date BETWEEN @From AND @To
            """;
        var parameters = new { Mailbox = mailbox.Id, From = from, To = to };
        var all = await connection.QuerySingleAsync<(long, long)>($"SELECT count(*), count(*) FILTER (WHERE d.accepted) {decidedInPeriod}", parameters);
        Assert.That(all.Item1, Is.GreaterThan(20));
        Assert.That((stats.Decisions, stats.Accepted), Is.EqualTo(all));
        Assert.That(rollup.Timing.Sum(t => t.Decisions), Is.EqualTo(all.Item1), "decisions in the timing histogram");

        var thresholds = await connection.QueryAsync<(double, long, long)>($"""
            SELECT t, count(*) FILTER (WHERE confidence >= t), count(*) FILTER (WHERE confidence >= t AND accepted)
            FROM unnest(ARRAY[0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]::float8[]) AS t
            CROSS JOIN ({"SELECT d.accepted, s.confidence " + decidedInPeriod}) AS x (accepted, confidence)
            GROUP BY t ORDER BY t
            """, parameters);
        Assert.That(stats.Thresholds.Select(t => (t.Threshold, t.Decisions, t.ConfirmationRate)),
            Is.EqualTo(thresholds.Select(t => (t.Item1, t.Item2, t.Item2 == 0 ? (double?)null : (double)t.Item3 / t.Item2))));

        var units = await connection.QueryAsync<(string, long, long)>(
            $"SELECT s.unit_id, count(*), count(*) FILTER (WHERE d.accepted) {decidedInPeriod} AND s.unit_id IS NOT NULL GROUP BY s.unit_id", parameters);
        Assert.That(stats.ByUnit.Where(u => u.Decisions > 0).Select(u => (u.Unit, u.Decisions, u.Accepted)), Is.EquivalentTo(units));

        var employees = await connection.QueryAsync<(string, long, long)>(
            $"SELECT d.decided_by, count(*), count(*) FILTER (WHERE d.accepted) {decidedInPeriod} GROUP BY d.decided_by ORDER BY d.decided_by", parameters);
        Assert.That(stats.ByEmployee!.Select(e => (e.Employee, e.Decisions, e.Accepted)), Is.EqualTo(employees));
    }
}
