using MailAssist.Api.Classification.Local;
using MailAssist.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.Health;

public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapGet("/live", Live).WithName("Live");
        group.MapGet("/ready", Ready).WithName("Ready");
        return group;
    }

    public static Ok<HealthReport> Live() => TypedResults.Ok(new HealthReport("live", null));

    /// <summary>Ready when the database answers, migrations are applied and the local model is loaded, so no request waits for training.</summary>
    public static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Ready(Migrator migrator, LocalModelCache localModel, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            problem = !await migrator.IsUpToDateAsync(cancellationToken) ? "Databasemigreringer er ikke kjørt ennå."
                : !localModel.IsLoaded ? "Klassifiseringsmodellen lastes ennå."
                : null;
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            problem = "Databasen svarer ikke.";
        }
        return problem is null
            ? TypedResults.Ok(new HealthReport("ready", null))
            : TypedResults.Json(new HealthReport("not_ready", problem), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthReport(string Status, string? Reason);
