using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.Mailboxes;

public static class UnitEndpoints
{
    public static RouteGroupBuilder MapUnits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").WithTags("Units").RequireAuthorization();
        group.MapGet("/", GetUnits).WithName("GetUnits").WithSummary("The unit directory of a mailbox.");
        return group;
    }

    public static async Task<Results<Ok<UnitResponse[]>, ValidationProblem>> GetUnits(
        string? mailbox, MailboxStore mailboxes, CancellationToken cancellationToken)
    {
        var directory = await mailboxes.FindAsync(mailbox, cancellationToken);
        if (directory is null) return Problems.UnknownMailbox();
        return TypedResults.Ok(directory.Units.Select(u => new UnitResponse(u.Id, u.Name, u.Address, u.Owns, u.Kind)).ToArray());
    }
}

public sealed record UnitResponse(string Id, string Name, string Address, string Owns, string Kind);
