using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailAssist.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailAssist.Tests.Browser;

/// <summary>The team leads' dashboard at /stats in headless Chromium, over decisions stored through the API.</summary>
public sealed class StatsPageTests
{
    private DemoSite _site = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _site = await DemoSite.StartAsync();
        // Three suggestions confirmed and one changed: a confirmation rate of 75 %.
        for (var i = 0; i < 4; i++)
        {
            var suggestion = await (await _site.Client.ClassifyAsync(TestMessages.Message($"Faktura {i} fra leverandør", "Vedlagt faktura for oktober."))).ReadJsonAsync();
            var (action, unit) = (suggestion.GetProperty("action").GetString()!, suggestion.GetProperty("unit").GetString());
            if (i == 3) (action, unit) = action == "journalfor" ? ("videresend", "servicetorget") : ("journalfor", "arkiv");
            var decided = await _site.Client.DecideAsync(suggestion.GetProperty("suggestionId").GetString()!, action, unit, $"stats-page-{i}");
            Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Created), await decided.Content.ReadAsStringAsync());
        }
    }

    [OneTimeTearDown]
    public async Task Stop() => await _site.DisposeAsync();

    [Test]
    public async Task The_dashboard_shows_the_APIs_confirmation_rate_with_charts_and_tables_and_no_console_errors()
    {
        var stats = (await _site.Client.GetFromJsonAsync<JsonElement>("/api/stats"))!;
        var rate = stats.GetProperty("confirmationRate").GetDouble();
        Assert.That(rate, Is.EqualTo(0.75));

        var page = await _site.OpenAsync("/stats");
        var figure = page.GetByTestId("confirmation-rate");
        await Expect(figure).ToHaveAttributeAsync("data-value", rate.ToString(CultureInfo.InvariantCulture));
        var shown = (await figure.TextContentAsync())!.Replace('\u00a0', ' ').Replace('\u202f', ' ');
        Assert.That(shown, Is.EqualTo((rate * 100).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',') + " %"));
        await Expect(page.GetByTestId("decisions")).ToHaveTextAsync("4");
        await Expect(page.Locator("canvas[role=img]")).ToHaveCountAsync(4);
        await Expect(page.Locator("table.data caption")).ToHaveCountAsync(6);
        await Expect(page.GetByTestId("table-uker").Locator("tbody tr")).ToHaveCountAsync(stats.GetProperty("byWeek").GetArrayLength());
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas')].every(c => c.width > 0)");
        await DemoSite.ScreenshotAsync(page, "stats-page", paneOnly: false);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("table-terskler").Locator("xpath=../..").GetByRole(AriaRole.Button, new() { Name = "Last ned CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.That(download.SuggestedFilename, Does.StartWith("mailassist-terskler-").And.EndWith(".csv"));
        Assert.That(csv.Split("\r\n")[0], Is.EqualTo("Sikkerhet minst;Avgjort;Andel av alle (%);Bekreftelsesrate (%)"));
        Assert.That(_site.ConsoleErrorsOf(page), Is.Empty);
    }

    [Test]
    public async Task Someone_without_the_team_lead_role_is_told_so_in_Norwegian()
    {
        var page = await _site.OpenAsync("about:blank");
        await page.RouteAsync("**/api/stats?*", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 403,
            ContentType = "application/problem+json",
            Body = """{"title":"Forbidden","status":403}""",
        }));

        await page.GotoAsync("/stats");

        await Expect(page.GetByTestId("stats-error")).ToHaveTextAsync("Du har ikke tilgang til statistikken (krever rollen MailAssist.TeamLead).");
        await DemoSite.ScreenshotAsync(page, "stats-forbidden", paneOnly: false);
    }

    [Test]
    public async Task A_period_chosen_in_the_filters_is_asked_of_the_API_and_kept_in_the_address()
    {
        var page = await _site.OpenAsync("/stats");
        await Expect(page.GetByTestId("confirmation-rate")).ToBeVisibleAsync();

        await page.GetByLabel("Fra").FillAsync("2020-01-06");
        await page.GetByLabel("Til").FillAsync("2020-01-19");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();

        await Expect(page.GetByTestId("decisions")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("confirmation-rate")).ToHaveTextAsync("–");
        await Expect(page.GetByTestId("table-uker").Locator("tbody tr")).ToHaveCountAsync(2);
        Assert.That(page.Url, Does.EndWith("/stats?from=2020-01-06&to=2020-01-19"));
        Assert.That(_site.ConsoleErrorsOf(page), Is.Empty);
    }

    [Test]
    public async Task The_pane_shows_team_leads_the_way_to_the_dashboard()
    {
        var page = await _site.OpenDemoAsync();

        var link = page.Locator(".pane-footer a");
        await Expect(link).ToHaveTextAsync("Statistikk for teamledere");
        await Expect(link).ToHaveAttributeAsync("href", "/stats");
    }

    [Test]
    public async Task The_pane_shows_other_staff_no_link_to_the_dashboard()
    {
        var page = await _site.OpenAsync("about:blank");
        await page.RouteAsync("**/api/me", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = """{"userName":"kari@eksempel.kommune.no","displayName":"Kari","roles":[],"isTeamLead":false}""",
        }));

        await page.GotoAsync("/demo");
        await page.GetByTestId("message-item").First.ClickAsync();

        await Expect(page.GetByTestId("suggestion-action")).ToBeVisibleAsync();
        await Expect(page.Locator(".pane-footer")).ToHaveCountAsync(0);
    }
}
