using System.Net;
using System.Text.Json;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Stats;

public sealed class StatsEndpointTests : ApiTest
{
    protected override Task<IReadOnlyDictionary<string, string?>> SettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Stats:PricePerThousandPromptTokens"] = "0.25",
            ["Stats:PricePerThousandCompletionTokens"] = "1.0",
        });

    [OneTimeSetUp]
    public async Task StoreKnownDecisions()
    {
        await using var dataSource = Api.Database.CreateDataSource();
        await KnownDecisions.InsertAsync(dataSource, KnownDecisions.Rows);
    }

    private async Task<JsonElement> StatsAsync(string query)
    {
        var response = await Client.GetAsync($"/api/stats?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    [Test]
    public async Task Totals_rates_and_shares_of_a_known_period_are_exact()
    {
        var stats = await StatsAsync($"mailbox={TestMessages.DemoMailbox}&from={KnownDecisions.From}&to={KnownDecisions.To}");

        Assert.That(stats.GetProperty("mailbox").GetString(), Is.EqualTo(TestMessages.DemoMailbox));
        Assert.That(stats.GetProperty("from").GetString(), Is.EqualTo("2025-03-03"));
        Assert.That(stats.GetProperty("to").GetString(), Is.EqualTo("2025-03-16"));
        Assert.That(stats.GetProperty("timeZone").GetString(), Is.EqualTo("Europe/Oslo"));
        Assert.That(stats.GetProperty("decisions").GetInt64(), Is.EqualTo(6));
        Assert.That(stats.GetProperty("accepted").GetInt64(), Is.EqualTo(3));
        Assert.That(stats.GetProperty("confirmationRate").GetDouble(), Is.EqualTo(0.5));
        Assert.That(stats.GetProperty("needsReviewShare").GetDouble(), Is.EqualTo(2.0 / 6));
        Assert.That(stats.GetProperty("fallbackShare").GetDouble(), Is.EqualTo(2.0 / 6));
    }

    [Test]
    public async Task Median_time_to_decision_is_interpolated_in_the_histogram_bucket_of_the_middle_decision()
    {
        var stats = await StatsAsync($"from={KnownDecisions.From}&to={KnownDecisions.To}");

        // Seconds: 60, 120, 300, 600, 1800, 3600. The third lies in bucket floor(8 * log2(301)) = 65, which
        // spans 2^(65/8) - 1 to 2^(66/8) - 1 and holds the third decision alone: the interpolation reaches its end.
        var median = stats.GetProperty("medianSecondsToDecision").GetDouble();
        Assert.That(median, Is.EqualTo(Math.Pow(2, 66 / 8.0) - 1).Within(1e-9));
        Assert.That(median, Is.EqualTo(300).Within(9).Percent);
    }

    [Test]
    public async Task By_action_lists_every_action_with_its_suggested_accepted_and_chosen_counts()
    {
        var stats = await StatsAsync($"from={KnownDecisions.From}&to={KnownDecisions.To}");

        var byAction = stats.GetProperty("byAction").EnumerateArray()
            .Select(a => (a.GetProperty("action").GetString(), a.GetProperty("decisions").GetInt64(), a.GetProperty("accepted").GetInt64(),
                Rate(a.GetProperty("confirmationRate")), a.GetProperty("chosen").GetInt64()));
        Assert.That(byAction, Is.EqualTo(new (string?, long, long, double?, long)[]
        {
            ("journalfor", 2, 2, 1.0, 3),
            ("videresend", 3, 1, 1.0 / 3, 3),
            ("slett", 1, 0, 0.0, 0),
        }));
    }

    [Test]
    public async Task By_unit_lists_every_unit_of_the_directory_with_null_rates_where_nothing_was_suggested()
    {
        var stats = await StatsAsync($"from={KnownDecisions.From}&to={KnownDecisions.To}");

        var byUnit = stats.GetProperty("byUnit").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!,
            u => (u.GetProperty("decisions").GetInt64(), u.GetProperty("accepted").GetInt64(), Rate(u.GetProperty("confirmationRate")), u.GetProperty("chosen").GetInt64()));
        Assert.That(byUnit, Has.Count.EqualTo(15));
        Assert.That(byUnit["okonomi"], Is.EqualTo((2L, 1L, (double?)0.5, 1L)));
        Assert.That(byUnit["arkiv"], Is.EqualTo((2L, 2L, (double?)1.0, 3L)));
        Assert.That(byUnit["byggesak"], Is.EqualTo((1L, 0L, (double?)0.0, 0L)));
        Assert.That(byUnit["hr"], Is.EqualTo((0L, 0L, (double?)null, 1L)));
        Assert.That(byUnit["plan"], Is.EqualTo((0L, 0L, (double?)null, 1L)));
        Assert.That(byUnit.Where(u => u.Key is not ("okonomi" or "arkiv" or "byggesak" or "hr" or "plan")).Select(u => u.Value),
            Is.All.EqualTo((0L, 0L, (double?)null, 0L)));
        var okonomi = stats.GetProperty("byUnit").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "okonomi");
        Assert.That(okonomi.GetProperty("unitName").GetString(), Is.EqualTo("Økonomi og fakturamottak"));
    }

    [Test]
    public async Task Overrides_pair_what_was_suggested_with_what_was_chosen()
    {
        var stats = await StatsAsync($"from={KnownDecisions.From}&to={KnownDecisions.To}");

        var overrides = stats.GetProperty("overrides");
        var actions = overrides.GetProperty("actions").EnumerateArray()
            .Select(o => (o.GetProperty("suggested").GetString(), o.GetProperty("chosen").GetString(), o.GetProperty("count").GetInt64()));
        var units = overrides.GetProperty("units").EnumerateArray()
            .Select(o => (o.GetProperty("suggested").GetString(), o.GetProperty("suggestedName").GetString(),
                o.GetProperty("chosen").GetString(), o.GetProperty("chosenName").GetString(), o.GetProperty("count").GetInt64()));
        Assert.That(actions, Is.EqualTo(new (string?, string?, long)[] { ("slett", "journalfor", 1) }));
        Assert.That(units, Is.EqualTo(new (string?, string?, string?, string?, long)[]
        {
            ("byggesak", "Byggesak og oppmåling", "plan", "Plan og miljø", 1),
            ("okonomi", "Økonomi og fakturamottak", "hr", "HR og lønn", 1),
        }));
    }

    [Test]
    public async Task Thresholds_count_confidences_exactly_at_the_threshold_as_reaching_it()
    {
        var stats = await StatsAsync($"from={KnownDecisions.From}&to={KnownDecisions.To}");

        // Confidences decided in the period: 0.95 (confirmed), 0.90, 0.70 (confirmed), 0.55, 0.40, 0.65 (confirmed).
        var thresholds = stats.GetProperty("thresholds").EnumerateArray()
            .Select(t => (t.GetProperty("threshold").GetDouble(), t.GetProperty("decisions").GetInt64(),
                Rate(t.GetProperty("share")), Rate(t.GetProperty("confirmationRate"))));
        Assert.That(thresholds, Is.EqualTo(new (double, long, double?, double?)[]
        {
            (0.50, 5, 5.0 / 6, 3.0 / 5),
            (0.55, 5, 5.0 / 6, 3.0 / 5),
            (0.60, 4, 4.0 / 6, 3.0 / 4),
            (0.65, 4, 4.0 / 6, 3.0 / 4),
            (0.70, 3, 3.0 / 6, 2.0 / 3),
            (0.75, 2, 2.0 / 6, 1.0 / 2),
            (0.80, 2, 2.0 / 6, 1.0 / 2),
            (0.85, 2, 2.0 / 6, 1.0 / 2),
            (0.90, 2, 2.0 / 6, 1.0 / 2),
            (0.95, 1, 1.0 / 6, 1.0),
        }));
    }

    [Test]
    public async Task Tokens_count_every_suggestion_made_in_the_period_with_the_cost_at_the_configured_prices()
    {
        var stats = await StatsAsync($"from={KnownDecisions.From}&to={KnownDecisions.To}");

        var tokens = stats.GetProperty("tokens");
        Assert.That(tokens.GetProperty("suggestions").GetInt64(), Is.EqualTo(7));
        Assert.That(tokens.GetProperty("prompt").GetInt64(), Is.EqualTo(3800));
        Assert.That(tokens.GetProperty("completion").GetInt64(), Is.EqualTo(380));
        Assert.That(tokens.GetProperty("estimatedCost").GetDecimal(), Is.EqualTo(3.8m * 0.25m + 0.38m * 1.0m));
        Assert.That(tokens.GetProperty("currency").GetString(), Is.EqualTo("NOK"));
    }

    [Test]
    public async Task Decisions_count_in_the_Oslo_week_they_were_made()
    {
        var stats = await StatsAsync($"from={KnownDecisions.From}&to=2025-03-23");

        Assert.That(Weeks(stats), Is.EqualTo(new (string?, string?, long, long, double?)[]
        {
            ("2025-W10", "2025-03-03", 4, 3, 0.75),
            ("2025-W11", "2025-03-10", 2, 0, 0.0),
            ("2025-W12", "2025-03-17", 1, 1, 1.0),
        }));
    }

    [Test]
    public async Task Decision_at_23_30_UTC_on_a_summer_Sunday_belongs_to_Mondays_week()
    {
        await using (var dataSource = Api.Database.CreateDataSource())
            await KnownDecisions.InsertAsync(dataSource,
            [
                new("slett", null, 0.9, false, [], null, null, new DateTime(2025, 6, 15, 21, 0, 0, DateTimeKind.Utc),
                    new KnownDecisions.Decision("slett", null, "kari@eksempel.kommune.no", new DateTime(2025, 6, 15, 21, 29, 0, DateTimeKind.Utc))),
                new("slett", null, 0.9, false, [], null, null, new DateTime(2025, 6, 15, 21, 0, 0, DateTimeKind.Utc),
                    new KnownDecisions.Decision("slett", null, "kari@eksempel.kommune.no", new DateTime(2025, 6, 15, 22, 30, 0, DateTimeKind.Utc))),
            ]);

        var stats = await StatsAsync("from=2025-06-09&to=2025-06-22");

        // Oslo is at UTC+2 in summer: 21:29 UTC is Sunday 23:29, 22:30 UTC is Monday 00:30.
        Assert.That(Weeks(stats), Is.EqualTo(new (string?, string?, long, long, double?)[]
        {
            ("2025-W24", "2025-06-09", 1, 1, 1.0),
            ("2025-W25", "2025-06-16", 1, 1, 1.0),
        }));
    }

    [Test]
    public async Task Empty_period_has_zeros_null_rates_and_every_week_listed()
    {
        var stats = await StatsAsync("from=2020-12-30&to=2021-01-12");

        Assert.That(stats.GetProperty("decisions").GetInt64(), Is.Zero);
        Assert.That(stats.GetProperty("accepted").GetInt64(), Is.Zero);
        foreach (var figure in new[] { "confirmationRate", "needsReviewShare", "fallbackShare", "medianSecondsToDecision" })
            Assert.That(stats.GetProperty(figure).ValueKind, Is.EqualTo(JsonValueKind.Null), figure);
        Assert.That(Weeks(stats), Is.EqualTo(new (string?, string?, long, long, double?)[]
        {
            ("2020-W53", "2020-12-28", 0, 0, null),
            ("2021-W01", "2021-01-04", 0, 0, null),
            ("2021-W02", "2021-01-11", 0, 0, null),
        }));
        Assert.That(stats.GetProperty("byAction").EnumerateArray().Select(a => (a.GetProperty("decisions").GetInt64(), Rate(a.GetProperty("confirmationRate")))),
            Is.EqualTo(new (long, double?)[] { (0, null), (0, null), (0, null) }));
        Assert.That(stats.GetProperty("overrides").GetProperty("actions").GetArrayLength(), Is.Zero);
        Assert.That(stats.GetProperty("overrides").GetProperty("units").GetArrayLength(), Is.Zero);
        Assert.That(stats.GetProperty("thresholds").EnumerateArray().Select(t => (t.GetProperty("decisions").GetInt64(), Rate(t.GetProperty("share")), Rate(t.GetProperty("confirmationRate")))),
            Is.All.EqualTo((0L, (double?)null, (double?)null)));
        Assert.That(stats.GetProperty("tokens").GetProperty("estimatedCost").GetDecimal(), Is.Zero);
    }

    [Test]
    public async Task Per_employee_figures_are_absent_by_default()
    {
        var stats = await StatsAsync($"from={KnownDecisions.From}&to={KnownDecisions.To}");

        Assert.That(stats.TryGetProperty("byEmployee", out _), Is.False);
    }

    [Test]
    public async Task Decision_made_through_the_api_counts_today()
    {
        var suggestion = await (await Client.ClassifyAsync(TestMessages.Message())).ReadJsonAsync();
        var id = suggestion.GetProperty("suggestionId").GetString()!;
        var unit = suggestion.GetProperty("unit");
        var decided = await Client.DecideAsync(id, suggestion.GetProperty("action").GetString()!,
            unit.ValueKind == JsonValueKind.Null ? null : unit.GetString(), "stats-today");
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var stats = await StatsAsync("");

        Assert.That(stats.GetProperty("decisions").GetInt64(), Is.EqualTo(1));
        Assert.That(stats.GetProperty("accepted").GetInt64(), Is.EqualTo(1));
        Assert.That(stats.GetProperty("byWeek").GetArrayLength(), Is.EqualTo(12));
        Assert.That(stats.GetProperty("byWeek")[11].GetProperty("decisions").GetInt64(), Is.EqualTo(1));
        Assert.That(stats.GetProperty("tokens").GetProperty("suggestions").GetInt64(), Is.EqualTo(1));
    }

    [TestCase("from=2025-13-01", "from")]
    [TestCase("from=03.03.2025", "from")]
    [TestCase("to=i-dag", "to")]
    [TestCase("from=2025-03-16&to=2025-03-03", "from")]
    [TestCase("from=2020-01-01&to=2025-01-02", "to")]
    [TestCase("mailbox=finnes.ikke@eksempel.kommune.no", "mailbox")]
    public async Task Invalid_query_is_rejected_naming_the_field(string query, string field)
    {
        var response = await Client.GetAsync($"/api/stats?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), Is.True);
    }

    [Test]
    public async Task Five_whole_years_are_allowed()
    {
        var response = await Client.GetAsync("/api/stats?from=2020-01-01&to=2024-12-31");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static IEnumerable<(string?, string?, long, long, double?)> Weeks(JsonElement stats) =>
        stats.GetProperty("byWeek").EnumerateArray().Select(w => (w.GetProperty("week").GetString(), w.GetProperty("weekStart").GetString(),
            w.GetProperty("decisions").GetInt64(), w.GetProperty("accepted").GetInt64(), Rate(w.GetProperty("confirmationRate")))).ToList();

    private static double? Rate(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();
}
