using System.Xml.Linq;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Manifest;

public sealed class ManifestTests
{
    private static readonly XNamespace App = "http://schemas.microsoft.com/office/appforoffice/1.1";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace V1_0 = "http://schemas.microsoft.com/office/mailappversionoverrides";
    private static readonly XNamespace V1_1 = "http://schemas.microsoft.com/office/mailappversionoverrides/1.1";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

    [Test]
    public void Committed_manifest_is_valid_against_the_Office_schemas()
    {
        Assert.That(ManifestFiles.Validate(ManifestFiles.Committed), Is.Empty);
    }

    [Test]
    public void Schema_validation_reports_an_element_out_of_place()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.xml");
        var document = ManifestFiles.Load(ManifestFiles.Committed);
        document.Root!.Element(App + "Permissions")!.AddBeforeSelf(new XElement(App + "Unknown"));
        document.Save(broken);

        Assert.That(ManifestFiles.Validate(broken), Has.Some.Contains("Unknown"));
        File.Delete(broken);
    }

    [Test]
    public async Task Committed_manifest_is_what_the_generator_writes_for_localhost()
    {
        var output = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.xml");
        var (exitCode, log) = await ManifestFiles.GenerateAsync("--base-url", "https://localhost:5080", "--out", output);

        Assert.That(exitCode, Is.Zero, log);
        Assert.That(await File.ReadAllTextAsync(output), Is.EqualTo(await File.ReadAllTextAsync(ManifestFiles.Committed)),
            "regenerate with: node addin-manifest/generate.mjs --base-url https://localhost:5080 --out addin-manifest/manifest.xml");
        File.Delete(output);
    }

    [Test]
    public void Manifest_opens_a_pinnable_task_pane_from_the_message_read_surface()
    {
        var root = ManifestFiles.Load(ManifestFiles.Committed).Root!;

        Assert.That(root.Attribute(Xsi + "type")?.Value, Is.EqualTo("MailApp"));
        var rules = root.Element(App + "Rule")!.DescendantsAndSelf(App + "Rule").Where(r => r.Attribute(Xsi + "type")?.Value == "ItemIs").ToList();
        Assert.That(rules.Select(r => (r.Attribute("ItemType")?.Value, r.Attribute("FormType")?.Value)), Is.EqualTo(new[] { ("Message", "Read") }));
        Assert.That(root.Element(App + "FormSettings")!.Elements(App + "Form").Select(f => f.Attribute(Xsi + "type")?.Value), Is.EqualTo(new[] { "ItemRead" }));

        var overrides = root.Element(V1_0 + "VersionOverrides")!.Element(V1_1 + "VersionOverrides")!;
        Assert.That(overrides.Attribute(Xsi + "type")?.Value, Is.EqualTo("VersionOverridesV1_1"));
        var extensionPoint = overrides.Descendants(V1_1 + "ExtensionPoint").Single();
        Assert.That(extensionPoint.Attribute(Xsi + "type")?.Value, Is.EqualTo("MessageReadCommandSurface"));
        var action = extensionPoint.Descendants(V1_1 + "Control").Single(c => c.Attribute(Xsi + "type")?.Value == "Button").Element(V1_1 + "Action")!;
        Assert.That(action.Attribute(Xsi + "type")?.Value, Is.EqualTo("ShowTaskpane"));
        Assert.That(action.Element(V1_1 + "SupportsPinning")?.Value, Is.EqualTo("true"));
        var paneUrl = overrides.Descendants(Bt + "Url").Single(u => u.Attribute("id")?.Value == action.Element(V1_1 + "SourceLocation")!.Attribute("resid")!.Value);
        Assert.That(paneUrl.Attribute("DefaultValue")?.Value, Is.EqualTo("https://localhost:5080/taskpane/"));
    }

    [Test]
    public void Manifest_asks_for_the_least_permission_and_declares_single_sign_on_and_its_domain()
    {
        var root = ManifestFiles.Load(ManifestFiles.Committed).Root!;

        Assert.That(root.Element(App + "Permissions")?.Value, Is.EqualTo("ReadItem"));
        Assert.That(root.Element(App + "AppDomains")!.Elements(App + "AppDomain").Select(d => d.Value), Is.EqualTo(new[] { "https://localhost:5080" }));
        var sso = root.Descendants(V1_1 + "WebApplicationInfo").Single();
        var clientId = sso.Element(V1_1 + "Id")!.Value;
        Assert.That(Guid.TryParse(clientId, out _), Is.True);
        Assert.That(sso.Element(V1_1 + "Resource")?.Value, Is.EqualTo($"api://localhost:5080/{clientId}"));
        Assert.That(sso.Descendants(V1_1 + "Scope").Select(s => s.Value), Is.SupersetOf(new[] { "openid", "profile" }));
    }

    [Test]
    public void Every_url_of_the_manifest_is_https_on_the_base_url_and_its_files_are_built()
    {
        var urls = Urls(ManifestFiles.Load(ManifestFiles.Committed));

        Assert.That(urls, Has.Count.GreaterThan(5));
        Assert.That(urls, Has.All.Matches<string>(u => OnOrigin(u, "https://localhost:5080")));
        foreach (var file in urls.Where(u => u.EndsWith(".png", StringComparison.Ordinal)).Select(u => u["https://localhost:5080/taskpane/".Length..]))
            Assert.That(Path.Combine(RepoPaths.Root, "web-taskpane", "public", file), Does.Exist);
    }

    [Test]
    public async Task Generator_points_every_url_at_the_given_base_url_and_stays_valid()
    {
        var output = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.xml");
        var clientId = Guid.NewGuid().ToString();

        var (exitCode, log) = await ManifestFiles.GenerateAsync("--base-url", "https://mailassist.eksempel.kommune.no", "--client-id", clientId, "--out", output);

        Assert.That(exitCode, Is.Zero, log);
        Assert.That(ManifestFiles.Validate(output), Is.Empty);
        var document = ManifestFiles.Load(output);
        Assert.That(Urls(document), Has.All.Matches<string>(u => OnOrigin(u, "https://mailassist.eksempel.kommune.no")));
        Assert.That(document.Descendants(V1_1 + "Resource").Single().Value, Is.EqualTo($"api://mailassist.eksempel.kommune.no/{clientId}"));
        Assert.That(await File.ReadAllTextAsync(output), Does.Not.Contain("localhost").And.Not.Contain("{{"));
        File.Delete(output);
    }

    [Test]
    public async Task Generator_adds_shared_mailbox_support_only_when_asked()
    {
        var output = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.xml");

        var (exitCode, log) = await ManifestFiles.GenerateAsync("--base-url", "https://localhost:5080", "--shared-mailboxes", "--out", output);

        Assert.That(exitCode, Is.Zero, log);
        var desktop = ManifestFiles.Load(output).Descendants(V1_1 + "DesktopFormFactor").Single();
        Assert.That(desktop.Elements().First().Name, Is.EqualTo(V1_1 + "SupportsSharedFolders"));
        Assert.That(desktop.Elements().First().Value, Is.EqualTo("true"));
        Assert.That(ManifestFiles.Load(ManifestFiles.Committed).Descendants(V1_1 + "SupportsSharedFolders"), Is.Empty);
        File.Delete(output);
    }

    [TestCase("http://mailassist.eksempel.kommune.no", "must use https")]
    [TestCase("https://mailassist.eksempel.kommune.no/app", "without a path")]
    [TestCase("not a url", "is not a URL")]
    public async Task Generator_refuses_a_base_url_Outlook_cannot_load(string baseUrl, string reason)
    {
        var (exitCode, log) = await ManifestFiles.GenerateAsync("--base-url", baseUrl, "--out", Path.Combine(Path.GetTempPath(), "never.xml"));

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(log, Does.Contain(reason));
    }

    private static bool OnOrigin(string url, string origin) => new Uri(url).GetLeftPart(UriPartial.Authority) == origin;

    private static List<string> Urls(XDocument document) =>
        document.Descendants()
            .SelectMany(e => e.Attributes("DefaultValue").Select(a => a.Value).Append(e.HasElements ? "" : e.Value))
            .Where(v => v.Contains("://", StringComparison.Ordinal) && !v.StartsWith("api://", StringComparison.Ordinal))
            .ToList();
}
