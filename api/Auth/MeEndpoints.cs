using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.Auth;

public static class MeEndpoints
{
    public static RouteGroupBuilder MapMe(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Sign-in").RequireAuthorization();
        group.MapGet("/", GetMe).WithName("GetMe")
            .WithSummary("The signed-in person and their MailAssist roles, so the task pane shows team leads the way to /stats.");
        return group;
    }

    public static Ok<Me> GetMe(ClaimsPrincipal user)
    {
        var roles = user.FindAll(EntraClaims.Roles).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal).ToList();
        var userName = user.UserId();
        return TypedResults.Ok(new Me(userName, user.FindFirstValue(EntraClaims.Name) ?? userName, roles, roles.Contains(Roles.TeamLead)));
    }
}

public sealed record Me(string UserName, string DisplayName, IReadOnlyList<string> Roles, bool IsTeamLead);
