using System.Net;
using System.Net.Http.Json;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Mailboxes;

public sealed class MailboxAdminEndpointTests : ApiTest
{
    [Test]
    public async Task A_municipalitys_own_directory_maps_each_unit_to_a_standard_kind()
    {
        var response = await Client.PutAsJsonAsync("/api/admin/mailboxes/post@vestby.kommune.no", new
        {
            displayName = "Postmottak, Vestby kommune",
            units = new[]
            {
                new { id = "plan-bygg", name = "Plan, bygg og geodata", address = "plan-bygg@vestby.kommune.no", owns = "byggesaker og planer", kind = "byggesak" },
                new { id = "skole", name = "Skole og barnehage", address = "skole@vestby.kommune.no", owns = "skoler og barnehager", kind = "oppvekst" },
            },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var units = await (await Client.GetAsync("/api/units?mailbox=post@vestby.kommune.no")).ReadJsonAsync();
        Assert.That(units.EnumerateArray().Select(u => (u.GetProperty("id").GetString(), u.GetProperty("kind").GetString())),
            Is.EquivalentTo(new[] { ("plan-bygg", "byggesak"), ("skole", "oppvekst") }));
    }

    [Test]
    public async Task Unit_of_an_unknown_kind_is_rejected_naming_the_field_and_nothing_is_saved()
    {
        var response = await Client.PutAsJsonAsync("/api/admin/mailboxes/post@feil.kommune.no", new
        {
            displayName = "Feil",
            units = new[] { new { id = "x", name = "X", address = "x@feil.kommune.no", owns = "alt", kind = "brannvesen" } },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("units[0].kind", out _), Is.True);
        Assert.That((await Client.GetAsync("/api/units?mailbox=post@feil.kommune.no")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Members_are_added_once_listed_and_removed()
    {
        var path = $"/api/admin/mailboxes/{TestMessages.DemoMailbox}/members/Kari.Nordmann@eksempel.kommune.no";

        var first = await Client.PutAsync(path, null);
        var again = await Client.PutAsync(path, null);
        var members = await (await Client.GetAsync($"/api/admin/mailboxes/{TestMessages.DemoMailbox}/members")).ReadJsonAsync();
        var removed = await Client.DeleteAsync(path);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(members.EnumerateArray().Select(m => m.GetProperty("userName").GetString()), Does.Contain("kari.nordmann@eksempel.kommune.no"));
        Assert.That(members[0].GetProperty("addedBy").GetString(), Is.EqualTo("utvikler@eksempel.kommune.no"));
        Assert.That(removed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }
    [Test]
    public async Task Journalforing_is_set_per_mailbox_and_shown_with_the_directory()
    {
        var before = await (await Client.GetAsync($"/api/admin/mailboxes/{TestMessages.DemoMailbox}")).ReadJsonAsync();
        var saved = await Client.PutAsJsonAsync("/api/admin/mailboxes/post@arkivby.kommune.no", new
        {
            displayName = "Postmottak, Arkivby kommune",
            units = new[] { new { id = "service", name = "Service", address = "service@arkivby.kommune.no", owns = "alt", kind = "servicetorget" } },
            journalMode = "forward",
            archiveImportAddress = "Import@Arkiv.Arkivby.kommune.no",
            forwardedFolder = "Sendt videre",
        });
        var renamed = await Client.PutAsJsonAsync("/api/admin/mailboxes/post@arkivby.kommune.no", new { displayName = "Postmottak, Arkivby", units = Array.Empty<object>() });

        var mailbox = await (await Client.GetAsync("/api/admin/mailboxes/post@arkivby.kommune.no")).ReadJsonAsync();

        Assert.That(before.GetProperty("journalMode").GetString(), Is.EqualTo("move"));
        Assert.That(before.GetProperty("journalFolder").GetString(), Is.EqualTo("Til journalføring"));
        Assert.That(before.GetProperty("forwardedFolder").GetString(), Is.EqualTo("Videresendt"));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(mailbox.GetProperty("displayName").GetString(), Is.EqualTo("Postmottak, Arkivby"));
        Assert.That(mailbox.GetProperty("journalMode").GetString(), Is.EqualTo("forward"), "settings left out are kept");
        Assert.That(mailbox.GetProperty("archiveImportAddress").GetString(), Is.EqualTo("import@arkiv.arkivby.kommune.no"));
        Assert.That(mailbox.GetProperty("forwardedFolder").GetString(), Is.EqualTo("Sendt videre"));
        Assert.That(mailbox.GetProperty("units").GetArrayLength(), Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> BadSettings()
    {
        yield return new TestCaseData(new { journalMode = "arkiver" }, "journalMode").SetName("Unknown_journal_mode_is_rejected");
        yield return new TestCaseData(new { journalMode = "forward" }, "archiveImportAddress").SetName("Forwarding_journalforing_needs_the_archive_import_address");
        yield return new TestCaseData(new { archiveImportAddress = "ikke en adresse" }, "archiveImportAddress").SetName("Archive_import_address_must_be_an_address");
        yield return new TestCaseData(new { journalFolder = " " }, "journalFolder").SetName("Journal_folder_needs_a_name");
        yield return new TestCaseData(new { forwardedFolder = "Innboks/Ferdig" }, "forwardedFolder").SetName("Folder_name_has_no_slash");
    }

    [TestCaseSource(nameof(BadSettings))]
    public async Task Bad_action_settings_are_rejected_naming_the_field_and_nothing_changes(object settings, string field)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(settings)!.AsObject();
        body["displayName"] = "Postmottak, Eksempel kommune";
        body["units"] = new System.Text.Json.Nodes.JsonArray();

        var response = await Client.PutAsJsonAsync($"/api/admin/mailboxes/{TestMessages.DemoMailbox}", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), Is.True);
        var mailbox = await (await Client.GetAsync($"/api/admin/mailboxes/{TestMessages.DemoMailbox}")).ReadJsonAsync();
        Assert.That(mailbox.GetProperty("journalMode").GetString(), Is.EqualTo("move"));
        Assert.That(mailbox.GetProperty("journalFolder").GetString(), Is.EqualTo("Til journalføring"));
    }
}
