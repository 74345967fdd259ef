using System.Net;
using MailAssist.Tests.Infrastructure;
using Npgsql;

namespace MailAssist.Tests.Health;

public sealed class DatabaseOutageTests
{
    [Test]
    public async Task Requests_get_503_while_the_database_is_down_and_succeed_again_without_a_restart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(target.Host!, target.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var api = new ApiFactory(database, new Dictionary<string, string?> { ["ConnectionStrings:MailAssist"] = throughProxy });
        var client = await api.StartAsync();

        proxy.Cut();
        var duringOutage = await client.ClassifyAsync(TestMessages.Message());
        var readyDuringOutage = await client.GetAsync("/health/ready");
        var liveDuringOutage = await client.GetAsync("/health/live");

        proxy.Restore();
        var afterOutage = await client.ClassifyAsync(TestMessages.Message());
        var readyAfterOutage = await client.GetAsync("/health/ready");

        Assert.That(duringOutage.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(duringOutage.Headers.RetryAfter, Is.Not.Null);
        Assert.That(readyDuringOutage.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(liveDuringOutage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(afterOutage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(readyAfterOutage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
