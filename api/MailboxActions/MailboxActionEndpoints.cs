using System.Security.Claims;
using System.Text.Json;
using MailAssist.Api.Auth;
using MailAssist.Api.Decisions;
using MailAssist.Api.Suggestions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.MailboxActions;

public static class MailboxActionEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapMailboxActions(this WebApplication app)
    {
        var mailbox = app.Services.GetRequiredService<IMailbox>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MailboxActionEndpoints).FullName!);
        if (mailbox is GraphMailbox)
            logger.LogInformation("Decisions are carried out in the mailbox through Microsoft Graph");
        else if (SignInRegistration.ReadMode(app.Configuration) == AuthMode.EntraId)
            logger.LogWarning("Decisions are carried out only in MailAssist's database (the demo mailbox): set AzureAd__ClientSecret or " +
                "AzureAd__ClientCertificatePath to act in Exchange Online through Microsoft Graph");
        else
            logger.LogInformation("Decisions are carried out in the demo mailbox (MailAssist's database)");

        var group = app.MapGroup("/api/suggestions").WithTags("Mailbox actions").RequireAuthorization();
        group.MapPost("/{suggestionId:guid}/decision/action/retry", Retry)
            .WithName("RetryMailboxAction")
            .WithSummary("Carry out a decision's failed mailbox action again. Body (optional): {\"messageRestId\", \"resend\"}; " +
                "a forward that may already have gone out is sent again only with \"resend\": true.");
        return group;
    }

    public static async Task<Results<Ok<DecisionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Retry(
        Guid suggestionId,
        HttpContext context,
        ClaimsPrincipal user,
        SuggestionStore suggestions,
        MailboxAccess access,
        DecisionStore decisions,
        MailboxActionStore actions,
        MailboxActionRunner runner,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        string? restId = null;
        var resend = false;
        if (context.Request.HasJsonContentType())
        {
            var body = await JsonBody.ReadAsync(context.Request, MaxBodyBytes, cancellationToken);
            if (body.IsTooLarge) return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Forespørselen er for stor.");
            if (body.Error is not null) return Problems.Field("", body.Error);
            if (body.Json.ValueKind != JsonValueKind.Object) return Problems.Field("", "Forventet et JSON-objekt.");
            restId = MessageRestIds.Read(body.Json, errors);
            if (body.Json.TryGetProperty("resend", out var r) && r.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
                errors["resend"] = ["Feltet må være true eller false."];
            resend = r.ValueKind == JsonValueKind.True;
        }
        if (errors.Count > 0) return Problems.Fields(errors);

        var suggestion = await suggestions.FindAsync(suggestionId, cancellationToken);
        if (suggestion is null || !await access.CanUseAsync(user, suggestion.MailboxId, cancellationToken)) return TypedResults.NotFound();
        if (await decisions.FindBySuggestionAsync(suggestionId, cancellationToken) is not { } decision) return TypedResults.NotFound();

        if (!resend && (await actions.FindAsync(decision.Id, cancellationToken))?.Error == MailboxErrors.Uncertain)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Videresendingen kan allerede ha gått ut. Kontroller det før du sender på nytt, og send da med \"resend\": true.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["resend"] = ["Bekreft at e-posten skal sendes på nytt."] } });

        var state = await runner.RunAsync(suggestion.MailboxId,
            new ActionRun(decision.Id, restId, await context.GetTokenAsync("access_token"), user.UserId(), RetryFailed: true, Resend: resend));
        return TypedResults.Ok(DecisionResponse.From(decision, state));
    }
}
