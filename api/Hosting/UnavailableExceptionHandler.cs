using MailAssist.Api.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace MailAssist.Api;

/// <summary>Turns a database outage into 503 with Retry-After; the connection pool recovers on its own when it returns.</summary>
public sealed class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseErrors.IsUnavailable(exception)) return false;
        logger.LogWarning("Database unavailable: {ExceptionType}", exception.GetType().Name);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 503, Title = "Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt." },
        });
    }
}
