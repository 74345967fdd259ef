using System.Net.Http.Json;
using System.Text.Json;
using MailAssist.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailAssist.Tests.Browser;

/// <summary>The demo page in headless Chromium: the real task pane beside an Outlook-like inbox.</summary>
public sealed class DemoPageTests
{
    private static readonly System.Text.RegularExpressions.Regex DoneInTheMailbox =
        new("^(Videresendt til .+|Flyttet til .+|Sendt til arkivet for journalføring)$");

    private DemoSite _site = null!;

    [OneTimeSetUp]
    public async Task Start() => _site = await DemoSite.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _site.DisposeAsync();

    [Test]
    public async Task Selected_messages_are_suggested_and_a_confirmed_and_a_changed_decision_survive_a_reload()
    {
        var inbox = await InboxAsync();
        var page = await _site.OpenDemoAsync();
        Assert.That(await page.GetByTestId("message-item").CountAsync(), Is.EqualTo(inbox.Length).And.AtLeast(30));
        var (confirmed, changed) = (Id(inbox[1]), Id(inbox[2]));

        foreach (var (id, index) in new[] { Id(inbox[0]), confirmed, changed, Id(inbox[3]) }.Select((id, i) => (id, i)))
        {
            await SelectAsync(page, id);
            await Expect(page.GetByTestId("suggestion-action")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Journalfør|Videresend|Slett)$"));
            await Expect(page.GetByTestId("suggestion-unit")).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId("suggestion-explanation")).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId("confirm-button")).ToBeEnabledAsync();
            await DemoSite.ScreenshotAsync(page, $"pane-suggestion-{index + 1}");
        }
        await DemoSite.ScreenshotAsync(page, "demo-page", paneOnly: false);

        await SelectAsync(page, confirmed);
        await page.GetByTestId("confirm-button").ClickAsync();
        await Expect(page.GetByTestId("history").Locator("li")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(DoneInTheMailbox);
        await DemoSite.ScreenshotAsync(page, "pane-confirmed");

        await SelectAsync(page, changed);
        var suggested = await page.GetByTestId("suggestion-action").TextContentAsync();
        var (action, actionWord, unit, unitName) = suggested == "Journalfør"
            ? ("videresend", "Videresend", "servicetorget", "Servicetorget")
            : ("journalfor", "Journalfør", "arkiv", "Arkiv og innsyn");
        await page.GetByTestId("change-button").ClickAsync();
        await page.GetByLabel(actionWord, new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByLabel("Enhet").SelectOptionAsync(unit);
        await DemoSite.ScreenshotAsync(page, "pane-change-pickers");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Lagre endring" }).ClickAsync();
        await Expect(page.GetByTestId("history").Locator("li").Nth(1)).ToContainTextAsync($"Endret av utvikler@eksempel.kommune.no til: {actionWord} til {unitName}");
        await DemoSite.ScreenshotAsync(page, "pane-changed");

        await page.ReloadAsync();
        await Expect(page.Locator($"[data-testid=message-item][data-message-id='{confirmed}']")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Behandlet" }).ClickAsync();
        await SelectAsync(page, confirmed);
        await Expect(page.GetByTestId("history").Locator("li")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("history").Locator("li").Nth(1)).ToContainTextAsync("Bekreftet av utvikler@eksempel.kommune.no");
        await Expect(page.GetByTestId("history").Locator("li").Last).ToContainTextAsync("I postkassen: ");
        await Expect(page.GetByTestId("confirm-button")).ToHaveCountAsync(0);
        await SelectAsync(page, changed);
        await Expect(page.GetByTestId("history").Locator("li").Nth(1)).ToContainTextAsync($"Endret av utvikler@eksempel.kommune.no til: {actionWord} til {unitName}");
        await Expect(page.GetByTestId("decided-by")).ToContainTextAsync("utvikler@eksempel.kommune.no");
        await DemoSite.ScreenshotAsync(page, "pane-history-after-reload");
        Assert.That(_site.ConsoleErrorsOf(page), Is.Empty);

        var confirmedLog = await HistoryAsync(confirmed);
        Assert.That(confirmedLog.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "suggestion", "decision", "action" }));
        Assert.That(confirmedLog[2].GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(confirmedLog[1].GetProperty("accepted").GetBoolean(), Is.True);
        Assert.That(confirmedLog[1].GetProperty("action").GetString(), Is.EqualTo(confirmedLog[0].GetProperty("action").GetString()));
        var changedLog = await HistoryAsync(changed);
        Assert.That(changedLog[1].GetProperty("accepted").GetBoolean(), Is.False);
        Assert.That(changedLog[1].GetProperty("action").GetString(), Is.EqualTo(action));
        Assert.That(changedLog[1].GetProperty("unit").GetString(), Is.EqualTo(unit));
        Assert.That(changedLog[1].GetProperty("decidedBy").GetString(), Is.EqualTo("utvikler@eksempel.kommune.no"));
    }

    [Test]
    public async Task A_confirmed_message_leaves_the_inbox_and_shows_its_category_under_Behandlet()
    {
        var page = await _site.OpenDemoAsync();
        var inbox = page.GetByTestId("message-item");
        var before = await inbox.CountAsync();
        var id = await inbox.First.GetAttributeAsync("data-message-id");
        await SelectAsync(page, id!);

        await page.GetByTestId("confirm-button").ClickAsync();

        await Expect(page.Locator($"[data-testid=message-item][data-message-id='{id}']")).ToHaveCountAsync(0);
        await Expect(inbox).ToHaveCountAsync(before - 1);
        await Expect(page.GetByTestId("status")).ToHaveTextAsync(DoneInTheMailbox);
        await Expect(page.GetByTestId("demo-toast")).ToContainTextAsync("E-posten er flyttet ut av innboksen.");
        await Expect(page.GetByTestId("mailbox-category")).ToContainTextAsync("Kategori i Outlook: MailAssist: ");
        await DemoSite.ScreenshotAsync(page, "demo-message-left-the-inbox", paneOnly: false);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Behandlet" }).ClickAsync();
        var handled = page.Locator($"[data-testid=message-item][data-message-id='{id}']");
        await Expect(handled).ToBeVisibleAsync();
        await Expect(handled.GetByTestId("message-category")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^MailAssist: "));
        await DemoSite.ScreenshotAsync(page, "demo-handled-folder", paneOnly: false);
        Assert.That(_site.ConsoleErrorsOf(page), Is.Empty);
    }

    [Test]
    public async Task Markup_in_a_subject_or_explanation_shows_as_text()
    {
        var page = await _site.OpenDemoAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        var message = (await InboxAsync()).Single(m => m.GetProperty("subject").GetString()!.Contains("<script>"));
        const string explanation = "<img src=x onerror=\"alert('explanation')\"><script>alert('explanation')</script>";
        await page.RouteAsync("**/api/classify", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await response.TextAsync())!;
            body["explanation"] = JsonSerializer.SerializeToElement(explanation);
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = JsonSerializer.Serialize(body) });
        });

        await SelectAsync(page, Id(message));

        await Expect(page.Locator(".reading-subject")).ToHaveTextAsync(message.GetProperty("subject").GetString()!);
        await Expect(page.GetByTestId("suggestion-explanation")).ToHaveTextAsync(explanation);
        Assert.That(await page.Locator("#reading-pane script, #reading-pane img, #reading-pane b, #pane script, #pane img").CountAsync(), Is.Zero);
        Assert.That(dialogs, Is.Zero);
        await DemoSite.ScreenshotAsync(page, "safe-rendering", paneOnly: false);
    }

    [Test]
    public async Task A_failed_request_is_explained_in_Norwegian_and_retried_on_request()
    {
        var page = await _site.OpenDemoAsync();
        await page.RouteAsync("**/api/classify", route => route.AbortAsync("connectionrefused"));

        await page.GetByTestId("message-item").Nth(5).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Får ikke kontakt med MailAssist. Sjekk nettforbindelsen og prøv igjen.");
        await DemoSite.ScreenshotAsync(page, "pane-error");
        await page.UnrouteAllAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Prøv igjen" }).ClickAsync();

        await Expect(page.GetByTestId("suggestion-action")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Prøv igjen" })).ToHaveCountAsync(0);
    }

    [Test]
    public async Task The_pane_speaks_English_when_the_display_language_is_English()
    {
        var page = await _site.OpenDemoAsync("?lang=en");

        await page.GetByTestId("message-item").Nth(6).ClickAsync();

        await Expect(page.GetByTestId("confirm-button")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Confirm"));
        await Expect(page.GetByTestId("change-button")).ToHaveTextAsync("Change");
        await Expect(page.GetByTestId("suggestion-action")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Register|Forward|Delete)$"));
        await DemoSite.ScreenshotAsync(page, "pane-english");
    }

    [Test]
    public async Task The_pane_works_from_the_keyboard_with_visible_focus_within_320_pixels()
    {
        var page = await _site.OpenDemoAsync();
        var items = page.GetByTestId("message-item");

        await items.First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#pane[data-state=suggested]")).ToBeVisibleAsync();
        for (var i = 0; i < 3; i++) await page.Keyboard.PressAsync("ArrowDown");
        await Expect(items.Nth(3)).ToHaveAttributeAsync("aria-current", "true");
        await Expect(items.Nth(3)).ToBeFocusedAsync();
        await Expect(page.Locator("#pane[data-state=suggested]")).ToBeVisibleAsync();

        var focused = "";
        for (var i = 0; i < 10 && focused != "confirm-button"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string>("() => document.activeElement?.dataset.testid ?? ''");
        }
        Assert.That(focused, Is.EqualTo("confirm-button"), "Tab reaches the confirm button");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.That(outline, Is.EqualTo("solid"), "the focused button shows a focus outline");
        await DemoSite.ScreenshotAsync(page, "pane-keyboard-focus");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("history")).ToBeVisibleAsync();
        Assert.That(await page.EvaluateAsync<string>("() => document.activeElement?.id"), Is.EqualTo("decision-heading"));

        var pane = await page.Locator(".taskpane-frame").BoundingBoxAsync();
        Assert.That(pane!.Width, Is.EqualTo(320).Within(1));
        var overflow = await page.EvaluateAsync<bool>("() => { const p = document.getElementById('pane'); return p.scrollWidth > p.clientWidth; }");
        Assert.That(overflow, Is.False, "nothing in the pane is wider than 320 px");
    }

    private static string Id(JsonElement message) => message.GetProperty("internetMessageId").GetString()!;

    /// <summary>Selects a message and waits until the pane shows its suggestion (or its decision).</summary>
    private static async Task SelectAsync(IPage page, string internetMessageId)
    {
        await page.Locator($"[data-testid=message-item][data-message-id='{internetMessageId}']").ClickAsync();
        await Expect(page.Locator("#pane[data-state=suggested], #pane[data-state=decided]")).ToBeVisibleAsync();
    }

    /// <summary>The demo messages still in the inbox: a confirmed one has left it.</summary>
    private async Task<JsonElement[]> InboxAsync() =>
        (await _site.Client.GetFromJsonAsync<JsonElement[]>("/api/demo/messages"))!.Where(m => m.GetProperty("folder").GetString() == "inbox").ToArray();

    private async Task<JsonElement[]> HistoryAsync(string internetMessageId) =>
        (await _site.Client.GetFromJsonAsync<JsonElement[]>(
            $"/api/messages/history?mailbox={TestMessages.DemoMailbox}&internetMessageId={Uri.EscapeDataString(internetMessageId)}"))!;
}
