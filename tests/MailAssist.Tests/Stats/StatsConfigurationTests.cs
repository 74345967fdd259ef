using System.Net;
using System.Text.Json;
using MailAssist.Tests.Infrastructure;
using MailAssist.Api.Stats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MailAssist.Tests.Stats;

public sealed class StatsConfigurationTests
{
    [Test]
    public async Task Per_employee_figures_are_present_when_switched_on_and_cost_is_null_without_prices()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var api = new ApiFactory(database, new Dictionary<string, string?> { ["Stats:PerEmployee"] = "true" });
        using var client = await api.StartAsync();
        await using (var dataSource = database.CreateDataSource())
            await KnownDecisions.InsertAsync(dataSource, KnownDecisions.Rows);

        var stats = await (await client.GetAsync($"/api/stats?from={KnownDecisions.From}&to={KnownDecisions.To}")).ReadJsonAsync();

        var employees = stats.GetProperty("byEmployee").EnumerateArray().Select(e => (e.GetProperty("employee").GetString(),
            e.GetProperty("decisions").GetInt64(), e.GetProperty("accepted").GetInt64(), e.GetProperty("confirmationRate").GetDouble()));
        Assert.That(employees, Is.EqualTo(new (string?, long, long, double)[]
        {
            ("kari@eksempel.kommune.no", 3, 1, 1.0 / 3),
            ("ola@eksempel.kommune.no", 2, 1, 0.5),
            ("per@eksempel.kommune.no", 1, 1, 1.0),
        }));
        Assert.That(stats.GetProperty("tokens").GetProperty("estimatedCost").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("Stats:Currency", "kroner", "Stats__Currency")]
    [TestCase("Stats:PricePerThousandPromptTokens", "0.1", "Stats__PricePerThousandCompletionTokens")]
    [TestCase("Stats:PricePerThousandPromptTokens", "-1", "Stats__PricePerThousandPromptTokens cannot be negative")]
    public void Invalid_configuration_stops_the_start_naming_the_key(string key, string value, string message)
    {
        // The registration alone, as the API's start validates it: a failing WebApplicationFactory start races its own disposal.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.AddStats();
        using var host = builder.Build();

        var failure = Assert.Catch(() => host.Services.GetRequiredService<IOptions<StatsOptions>>().Value.ToString());

        Assert.That(failure, Is.InstanceOf<OptionsValidationException>());
        Assert.That(failure!.Message, Does.Contain(message));
    }
}
