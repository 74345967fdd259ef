using System.ComponentModel;
using System.Security.Claims;
using MailAssist.Api.Auth;
using MailAssist.Api.Mailboxes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MailAssist.Api.Stats;

public static class StatsEndpoints
{
    public static RouteGroupBuilder MapStats(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stats").WithTags("Statistics").RequireAuthorization(Policies.TeamLead);
        group.MapGet("/", GetStats)
            .WithName("GetStats")
            .WithSummary("Confirmation rates, overrides, trends and model cost of a mailbox for team leads.")
            .WithDescription("from and to are calendar days (yyyy-MM-dd) in Europe/Oslo, both inclusive, at most five years apart; "
                + "a decision counts on the day it was made. Left out: the last twelve weeks up to today, and the default mailbox.");
        return group;
    }

    public static async Task<Results<Ok<StatsResponse>, NotFound, ValidationProblem>> GetStats(
        [Description("The mailbox's address; the default mailbox when left out.")] string? mailbox,
        [Description("First day, yyyy-MM-dd, inclusive.")] string? from,
        [Description("Last day, yyyy-MM-dd, inclusive.")] string? to,
        ClaimsPrincipal user,
        MailboxStore mailboxes,
        MailboxAccess access,
        StatsStore stats,
        IOptions<StatsOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (period, errors) = StatsPeriod.Read(from, to, time);
        if (period is null) return Problems.Fields(errors);
        var directory = await mailboxes.FindAsync(mailbox, cancellationToken);
        if (directory is null) return Problems.UnknownMailbox();
        if (!await access.CanUseAsync(user, directory.Id, cancellationToken)) return TypedResults.NotFound();

        var rollup = await stats.LoadAsync(directory.Id, period, options.Value.PerEmployee, cancellationToken);
        return TypedResults.Ok(StatsReport.Build(directory, period, rollup, options.Value));
    }
}
