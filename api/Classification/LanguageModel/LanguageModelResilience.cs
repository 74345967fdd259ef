using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MailAssist.Api.Classification.LanguageModel;

/// <summary>
/// Total time budget, then retries (backoff with jitter, honouring Retry-After and retry-after-ms),
/// then the circuit breaker, then the per-attempt timeout. The breaker's state lives in this
/// process: each API instance learns on its own that the model is down, which is all a
/// protective cache needs.
/// </summary>
public sealed class LanguageModelResilience
{
    public LanguageModelResilience(IOptions<ClassifierOptions> options, ILogger<LanguageModelResilience> logger)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder().AddTimeout(o.TotalTimeout);
        // A wait the budget cannot afford (time for one more attempt after it) is not waited for.
        var affordable = o.TotalTimeout - o.AttemptTimeout;
        if (o.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception) && !(RetryAfter(args.Outcome.Exception) > affordable)),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.TotalTimeout,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    logger.LogWarning("Language model attempt {Attempt} failed ({Failure}); retrying in {Delay}.",
                        args.AttemptNumber + 1, Describe(args.Outcome.Exception), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        Pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerBreakDuration,
                OnOpened = args =>
                {
                    logger.LogError("Language model circuit opened for {BreakDuration} after {Failure}; the local classifier answers meanwhile.",
                        args.BreakDuration, Describe(args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Language model circuit closed: the model answers again.");
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }

    public static bool IsTransient(int status) => status is 0 or 408 or 429 or >= 500;

    /// <summary>Worth another attempt: 408, 429, 5xx, network errors and attempt timeouts.</summary>
    private static bool IsTransient(Exception? exception) => exception switch
    {
        ClientResultException e => IsTransient(e.Status),
        TimeoutRejectedException or HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>The wait the server asked for, if any; otherwise null, and the backoff decides.</summary>
    public static TimeSpan? RetryAfter(Exception? exception)
    {
        var headers = (exception as ClientResultException)?.GetRawResponse()?.Headers;
        if (headers is null) return null;
        if (headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        if (!headers.TryGetValue("Retry-After", out var value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - DateTimeOffset.UtcNow).Ticks))
            : null;
    }

    /// <summary>A failure for the logs: its kind and status, never content.</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        null => "no exception",
        ClientResultException { Status: 0 } => "network error",
        ClientResultException e => $"HTTP {e.Status}",
        TimeoutRejectedException => "attempt timeout",
        _ => exception.GetType().Name,
    };
}
