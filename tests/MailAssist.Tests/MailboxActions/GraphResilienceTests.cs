using System.Net;
using System.Net.Http.Headers;
using MailAssist.Api.MailboxActions;

namespace MailAssist.Tests.MailboxActions;

public sealed class GraphResilienceTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateTimeOffset Now = new(2026, 10, 14, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Retry_After_in_seconds_is_the_wait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)) } };

        Assert.That(GraphResilience.RetryAfter(response, new FixedTime(Now)), Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void Retry_After_as_an_HTTP_date_is_the_time_until_then()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", Now.AddSeconds(12).ToString("R"));

        Assert.That(GraphResilience.RetryAfter(response, new FixedTime(Now)), Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(GraphResilience.RetryAfter(response, new FixedTime(Now.AddMinutes(1))), Is.EqualTo(TimeSpan.Zero), "a date passed means now");
    }

    [Test]
    public void Without_Retry_After_the_backoff_decides()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.That(GraphResilience.RetryAfter(response, new FixedTime(Now)), Is.Null);
    }
}
