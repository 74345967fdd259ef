using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MailAssist.Api.MailboxActions;

/// <summary>
/// Retries for Graph: throttling (429) and 503 always, since Graph refused the request before carrying it out,
/// waiting as long as Retry-After says; other 5xx, per-attempt timeouts and broken connections only for
/// requests that are safe to repeat; exponential backoff with jitter otherwise. The action's budget bounds it:
/// a Retry-After that reaches past the deadline ends the retries at once.
/// </summary>
public static class GraphResilience
{
    /// <summary>False for a forward: repeating it when it may have been carried out could send it twice.</summary>
    public static readonly ResiliencePropertyKey<bool> Repeatable = new("graph.repeatable");

    public static readonly ResiliencePropertyKey<DateTimeOffset> Deadline = new("graph.deadline");

    public static ResiliencePipeline<HttpResponseMessage> Build(GraphOptions options, TimeProvider time, ILogger logger) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 50,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(400),
                MaxDelay = TimeSpan.FromSeconds(8),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, time)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    logger.LogInformation("Graph request retried in {Delay} after {Outcome} (attempt {Attempt})", args.RetryDelay,
                        args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    /// <summary>True when Graph refused the request without carrying it out.</summary>
    private static bool IsRefused(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>True when the request never reached Graph.</summary>
    public static bool NeverSent(Exception? exception) => exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time)
    {
        var repeatable = context.Properties.GetValue(Repeatable, true);
        if (outcome.Exception is not null)
            return NeverSent(outcome.Exception)
                || (repeatable && outcome.Exception is HttpRequestException or TimeoutRejectedException);
        var status = outcome.Result!.StatusCode;
        var transient = IsRefused(status) || (repeatable && (int)status >= 500);
        if (!transient) return false;
        var wait = RetryAfter(outcome.Result, time);
        return wait is null || time.GetUtcNow() + wait < context.Properties.GetValue(Deadline, DateTimeOffset.MaxValue);
    }

    /// <summary>The wait Graph asks for in Retry-After, in seconds or as an HTTP date; null when it asks for none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
