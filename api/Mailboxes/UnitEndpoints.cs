using System.Security.Claims;
using MailAssist.Api.Auth;
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

    public static async Task<Results<Ok<UnitResponse[]>, NotFound, ValidationProblem>> GetUnits(
        string? mailbox, ClaimsPrincipal user, MailboxStore mailboxes, MailboxAccess access, CancellationToken cancellationToken)
    {
        var directory = await mailboxes.FindAsync(mailbox, cancellationToken);
        if (directory is null) return Problems.UnknownMailbox();
        if (!await access.CanUseAsync(user, directory.Id, cancellationToken)) return TypedResults.NotFound();
        return TypedResults.Ok(directory.Units.Select(UnitResponse.From).ToArray());
    }
}

public sealed record UnitResponse(string Id, string Name, string Address, string Owns, string Kind)
{
    public static UnitResponse From(Unit unit) => new(unit.Id, unit.Name, unit.Address, unit.Owns, unit.Kind);
}
