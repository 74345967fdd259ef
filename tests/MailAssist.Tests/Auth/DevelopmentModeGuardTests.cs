using MailAssist.Api.Auth;
using MailAssist.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace MailAssist.Tests.Auth;

public sealed class DevelopmentModeGuardTests
{
    [TestCase("http://127.0.0.1:5080", true)]
    [TestCase("http://localhost:5080", true)]
    [TestCase("http://[::1]:5080", true)]
    [TestCase("http://0.0.0.0:5080", false)]
    [TestCase("http://+:80", false)]
    [TestCase("http://*:5080", false)]
    [TestCase("http://10.0.0.12:5080", false)]
    public void Only_loopback_addresses_count_as_loopback(string address, bool loopback)
    {
        Assert.That(DevelopmentModeGuard.IsLoopback(address), Is.EqualTo(loopback));
    }

    [Test]
    public async Task Development_sign_in_outside_the_Development_environment_refuses_to_start()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var api = new ProductionApi(database);

        var error = Assert.Throws<InvalidOperationException>(() => api.CreateClient());

        Assert.That(error!.Message, Does.Contain("Auth__Mode=Development"));
    }

    [Test]
    public async Task Unknown_auth_mode_refuses_to_start_naming_the_key()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var api = new ApiFactory(database, new Dictionary<string, string?> { ["Auth:Mode"] = "Anonymous" });

        var error = Assert.Throws<InvalidOperationException>(() => api.CreateClient());

        Assert.That(error!.Message, Does.Contain("Auth__Mode must be Development or EntraId"));
    }

    [Test]
    public async Task EntraId_mode_without_tenant_and_client_refuses_to_start_naming_the_keys()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var api = new ApiFactory(database, new Dictionary<string, string?> { ["Auth:Mode"] = "EntraId" });

        var error = Assert.Catch(() => api.CreateClient());

        Assert.That(error!.ToString(), Does.Contain("AzureAd__TenantId").And.Contain("AzureAd__ClientId"));
    }

    private sealed class ProductionApi(TestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:MailAssist", database.ConnectionString);
            builder.UseSetting("Privacy:MessageKeySecret", new string('s', 40));
        }
    }
}
