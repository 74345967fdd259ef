using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MailAssist.Tests.Infrastructure;

/// <summary>The real API in process, on its own PostgreSQL database, with settings a test may override.</summary>
public sealed class ApiFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:MailAssist", database.ConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>Starts the API and waits until migrations are applied.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        // The first API of a test process trains the corpus model before it is ready: seconds on a quiet machine, up to a minute on a busy one.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK) return client;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The API did not become ready within 180 s.");
            await Task.Delay(100);
        }
    }
}
