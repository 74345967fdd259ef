using MailAssist.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MailAssist.Tests.Browser;

/// <summary>
/// The API on a real loopback port with the built task pane, its own database, and Debian's Chromium
/// driven by Playwright (no browser download).
/// </summary>
public sealed class DemoSite : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly TestDatabase _database;
    private readonly ApiFactory _api;
    private readonly IPlaywright _playwright;

    private DemoSite(TestDatabase database, ApiFactory api, HttpClient client, IPlaywright playwright, IBrowser browser)
    {
        _database = database;
        _api = api;
        Client = client;
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>Talks to the same API over HTTP, to check what the pages did.</summary>
    public HttpClient Client { get; }

    public IBrowser Browser { get; }

    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<DemoSite> StartAsync()
    {
        if (!File.Exists(Path.Combine(RepoPaths.TaskpaneDist, "demo.html")))
            throw new InvalidOperationException(
                $"The task pane is not built ({RepoPaths.TaskpaneDist}): run `npm ci && npm run build` in web-taskpane, as test.sh does.");
        var database = await TestDatabase.CreateAsync();
        var api = new ApiFactory(database, new Dictionary<string, string?> { ["Taskpane:DistPath"] = RepoPaths.TaskpaneDist });
        api.UseKestrel(0);
        var client = await api.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
        return new DemoSite(database, api, client, playwright, browser);
    }

    /// <summary>Forgets every suggestion, decision and mailbox action, so that the demo messages are new again and back in the inbox.</summary>
    public async Task ForgetSuggestionsAsync()
    {
        await using var dataSource = _database.CreateDataSource();
        await using var command = dataSource.CreateCommand("TRUNCATE suggestions, demo_message_state CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> _consoleErrors = new();

    /// <summary>What the page wrote to the console as errors (content-security-policy violations among them) and its uncaught exceptions.</summary>
    public IReadOnlyList<string> ConsoleErrorsOf(IPage page) => _consoleErrors.TryGetValue(page, out var errors) ? errors : [];

    /// <summary>Opens /demo in a fresh browser context at a desktop size and waits for the inbox.</summary>
    public async Task<IPage> OpenDemoAsync(string query = "")
    {
        var page = await OpenAsync("/demo" + query);
        await Assertions.Expect(page.GetByTestId("message-item").First).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Opens a page of the site in a fresh browser context at a desktop size, recording its console errors.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
            Locale = "nb-NO",
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        _consoleErrors.Add(page, errors);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Saves a screenshot of the task pane (or the whole page, scrolled to its end) under the artefacts folder.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, bool paneOnly = true)
    {
        var path = Path.Combine(RepoPaths.Artifacts("screenshots"), name + ".png");
        if (paneOnly) await page.Locator(".taskpane-frame").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        else await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        Client.Dispose();
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }
}
