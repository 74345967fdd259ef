using System.Security.Claims;
using System.Text.Json;
using MailAssist.Api.Auth;
using MailAssist.Api.MailboxActions;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using MailAssist.Api.Suggestions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MailAssist.Api.Decisions;

public static class DecisionEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxKeyLength = 200;

    public static RouteGroupBuilder MapDecisions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/suggestions").WithTags("Decisions").RequireAuthorization();
        group.MapPost("/{suggestionId:guid}/decision", Decide)
            .WithName("Decide")
            .WithSummary("Confirm or change a suggestion and carry it out in the mailbox (give the message's \"messageRestId\"). " +
                "Repeat with the same Idempotency-Key to get the same decision; the mailbox action runs once.");
        return group;
    }

    public static async Task<Results<Created<DecisionResponse>, Ok<DecisionResponse>, Conflict<DecisionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Decide(
        Guid suggestionId,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context,
        ClaimsPrincipal user,
        SuggestionStore suggestions,
        MailboxStore mailboxes,
        MailboxAccess access,
        DecisionStore decisions,
        MailboxActionStore actions,
        MailboxActionRunner runner,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxKeyLength)
            return Problems.Field("Idempotency-Key", $"Headeren Idempotency-Key er påkrevd (høyst {MaxKeyLength} tegn).");

        var body = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.IsTooLarge) return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Forespørselen er for stor.");
        if (body.Error is not null) return Problems.Field("", body.Error);

        var suggestion = await suggestions.FindAsync(suggestionId, cancellationToken);
        if (suggestion is null || !await access.CanUseAsync(user, suggestion.MailboxId, cancellationToken)) return TypedResults.NotFound();

        var directory = await mailboxes.FindByIdAsync(suggestion.MailboxId, cancellationToken);
        var (choice, errors) = ReadChoice(body.Json, directory!);
        if (choice is null) return Problems.Fields(errors);

        var accepted = choice.Action == suggestion.Action && choice.UnitId == suggestion.UnitId;
        var outcome = await decisions.DecideAsync(
            new NewDecision(suggestionId, suggestion.MailboxId, choice.Action, choice.UnitId, accepted, user.UserId(), idempotencyKey.Trim()),
            cancellationToken);

        if (outcome.Kind == DecisionOutcomeKind.KeyReused)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key er allerede brukt for en annen beslutning.");

        var stored = outcome.Decision!;
        var action = outcome.Kind == DecisionOutcomeKind.Conflict
            ? await actions.FindAsync(stored.Id, cancellationToken)
            : await runner.RunAsync(suggestion.MailboxId,
                new ActionRun(stored.Id, choice.MessageRestId, await context.GetTokenAsync("access_token"), user.UserId(), RetryFailed: false, Resend: false));
        var response = DecisionResponse.From(stored, action);
        return outcome.Kind switch
        {
            DecisionOutcomeKind.Created => TypedResults.Created($"/api/suggestions/{suggestionId}/decision", response),
            DecisionOutcomeKind.Repeated => TypedResults.Ok(response),
            _ => TypedResults.Conflict(response),
        };
    }

    private static (Choice? Choice, Dictionary<string, string[]> Errors) ReadChoice(JsonElement json, MailboxDirectory directory)
    {
        var errors = new Dictionary<string, string[]>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors[""] = ["Forventet et JSON-objekt med action og unit."];
            return (null, errors);
        }
        var restId = MessageRestIds.Read(json, errors);
        string? actionId = json.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (!MailActions.TryParse(actionId, out var action))
            errors["action"] = ["Handlingen må være journalfor, videresend eller slett."];

        string? unit = null;
        if (json.TryGetProperty("unit", out var u) && u.ValueKind != JsonValueKind.Null)
        {
            if (u.ValueKind != JsonValueKind.String) errors["unit"] = ["Enheten må være en tekst eller null."];
            else unit = u.GetString();
        }
        if (!errors.ContainsKey("action") && !errors.ContainsKey("unit"))
        {
            if (action == MailAction.Slett && unit is not null)
                errors["unit"] = ["Slett har ingen enhet; unit må være null."];
            else if (action != MailAction.Slett && directory.Find(unit) is null)
                errors["unit"] = [unit is null ? "Velg en enhet." : $"Enheten '{unit}' finnes ikke i postkassens katalog."];
        }
        return errors.Count == 0 ? (new Choice(action.ToId(), unit, restId), errors) : (null, errors);
    }

    private sealed record Choice(string Action, string? UnitId, string? MessageRestId);
}

/// <summary>A decision; <see cref="MailboxAction"/> is how far carrying it out in the mailbox got (null before it started).</summary>
public sealed record DecisionResponse(
    Guid DecisionId, Guid SuggestionId, string Action, string? Unit, string? UnitName, bool Accepted, string DecidedBy, DateTimeOffset DecidedAt,
    MailboxActionResponse? MailboxAction)
{
    public static DecisionResponse From(StoredDecision d, MailboxActionState? action) =>
        new(d.Id, d.SuggestionId, d.Action, d.UnitId, d.UnitName, d.Accepted, d.DecidedBy, new DateTimeOffset(d.DecidedAt, TimeSpan.Zero),
            action is null ? null : MailboxActionResponse.From(action));
}
