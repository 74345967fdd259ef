using System.Net;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Mailboxes;

public sealed class UnitEndpointTests : ApiTest
{
    [Test]
    public async Task Demo_mailbox_has_the_fifteen_units_of_the_guide_with_their_addresses()
    {
        var units = await (await Client.GetAsync($"/api/units?mailbox={TestMessages.DemoMailbox}")).ReadJsonAsync();

        var ids = units.EnumerateArray().Select(u => u.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Is.EquivalentTo(new[] { "byggesak", "plan", "landbruk", "oppvekst", "helse", "barnevern", "nav", "teknisk",
            "eiendomsskatt", "okonomi", "hr", "politikk", "kultur", "servicetorget", "arkiv" }));
        foreach (var unit in units.EnumerateArray())
        {
            Assert.That(unit.GetProperty("address").GetString(), Is.EqualTo($"{unit.GetProperty("id").GetString()}@eksempel.kommune.no"));
            Assert.That(unit.GetProperty("name").GetString(), Is.Not.Empty);
            Assert.That(unit.GetProperty("owns").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task Unknown_mailbox_is_rejected_naming_the_field()
    {
        var response = await Client.GetAsync("/api/units?mailbox=ingen@eksempel.kommune.no");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
