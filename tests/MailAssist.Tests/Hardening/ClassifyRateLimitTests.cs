using System.Net;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MailAssist.Tests.Hardening;

public sealed class ClassifyRateLimitTests
{
    [Test]
    public async Task Classification_over_the_rate_limit_gets_429_with_Retry_After()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = new DateTimeOffset(2026, 11, 21, 10, 15, 40, TimeSpan.Zero);
        await using var api = new ApiFactory(database, new Dictionary<string, string?> { ["RateLimits:ClassifyPerMinute"] = "3" },
            services => services.AddSingleton<TimeProvider>(new FixedTime(now)));
        var client = await api.StartAsync();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) responses.Add(await client.ClassifyAsync(TestMessages.Message()));

        Assert.That(responses.Take(3).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(responses[3].StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(responses[3].Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task Limit_is_shared_by_every_instance_on_one_database()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = new DateTimeOffset(2026, 11, 21, 10, 15, 0, TimeSpan.Zero);
        var settings = new Dictionary<string, string?> { ["RateLimits:ClassifyPerMinute"] = "2" };
        await using var first = new ApiFactory(database, settings, services => services.AddSingleton<TimeProvider>(new FixedTime(now)));
        await using var second = new ApiFactory(database, settings, services => services.AddSingleton<TimeProvider>(new FixedTime(now)));
        var a = await first.StartAsync();
        var b = await second.StartAsync();

        await a.ClassifyAsync(TestMessages.Message());
        await b.ClassifyAsync(TestMessages.Message());
        var third = await a.ClassifyAsync(TestMessages.Message());

        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task Concurrent_requests_of_one_person_are_counted_and_never_refused_under_the_limit()
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = new DateTimeOffset(2026, 11, 21, 10, 15, 0, TimeSpan.Zero);
        await using var api = new ApiFactory(database, new Dictionary<string, string?> { ["RateLimits:ClassifyPerMinute"] = "20" },
            services => services.AddSingleton<TimeProvider>(new FixedTime(now)));
        var client = await api.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.ClassifyAsync(TestMessages.Message())));

        // Striped counting may let a few through at the very same moment (each sees the others' committed counts),
        // but never refuses a request under the limit.
        var ok = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.That(ok, Is.InRange(20, 25));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests), Is.EqualTo(30 - ok));
    }
}
