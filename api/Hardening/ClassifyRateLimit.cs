using System.Security.Claims;
using Dapper;
using MailAssist.Api.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MailAssist.Api.Hardening;

/// <summary>
/// A per-person fixed-window limit on classification, counted in PostgreSQL so that every instance
/// behind a load balancer enforces the same limit. Over the limit: 429 with Retry-After.
/// </summary>
public sealed class ClassifyRateLimit(NpgsqlDataSource dataSource, IOptions<RateLimitOptions> options, TimeProvider time) : IEndpointFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var now = time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.Ticks - now.Ticks % Window.Ticks, TimeSpan.Zero);
        // The window is counted on eight stripes of an unlogged table (migration 0009), so one person's concurrent
        // requests do not queue on a single row, nor wait for the disk. Each request adds the other stripes' committed
        // counts: a burst may let a few more through, and no request under the limit is ever refused.
        const string sql = """
            WITH expired AS (
                DELETE FROM rate_limit_windows WHERE subject = @Subject AND window_start < @WindowStart
            ), counted AS (
                INSERT INTO rate_limit_windows (subject, window_start, stripe, count)
                VALUES (@Subject, @WindowStart, floor(random() * 8)::smallint, 1)
                ON CONFLICT (subject, window_start, stripe) DO UPDATE SET count = rate_limit_windows.count + 1
                RETURNING stripe, count
            )
            SELECT counted.count + coalesce((
                SELECT sum(w.count) FROM rate_limit_windows w
                WHERE w.subject = @Subject AND w.window_start = @WindowStart AND w.stripe <> counted.stripe), 0)::integer
            FROM counted
            """;
        await using var connection = await dataSource.OpenConnectionAsync(http.RequestAborted);
        var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql,
            new { Subject = $"classify:{http.User.UserId()}", WindowStart = windowStart.UtcDateTime }, cancellationToken: http.RequestAborted));
        if (count <= options.Value.ClassifyPerMinute) return await next(context);

        var retryAfter = (int)Math.Ceiling((windowStart + Window - now).TotalSeconds);
        http.Response.Headers.RetryAfter = Math.Max(retryAfter, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            title: "For mange forespørsler. Vent litt og prøv igjen.");
    }
}
