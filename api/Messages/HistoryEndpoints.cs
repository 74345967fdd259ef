using System.Security.Claims;
using MailAssist.Api.Auth;
using MailAssist.Api.Decisions;
using MailAssist.Api.MailboxActions;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Suggestions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.Messages;

public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages").WithTags("Messages").RequireAuthorization();
        group.MapGet("/history", GetHistory)
            .WithName("GetHistory")
            .WithSummary("The message's suggestions, decisions and mailbox actions, oldest first: the transparency log.");
        return group;
    }

    public static async Task<Results<Ok<HistoryEntry[]>, NotFound, ValidationProblem>> GetHistory(
        string? mailbox,
        string? internetMessageId,
        ClaimsPrincipal user,
        MailboxStore mailboxes,
        MailboxAccess access,
        MessageKeys keys,
        SuggestionStore suggestions,
        DecisionStore decisions,
        MailboxActionStore actions,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(internetMessageId) || internetMessageId.Length > MessageReader.MaxIdLength)
            return Problems.Field("internetMessageId", "Feltet er påkrevd.");
        var directory = await mailboxes.FindAsync(mailbox, cancellationToken);
        if (directory is null) return Problems.UnknownMailbox();
        if (!await access.CanUseAsync(user, directory.Id, cancellationToken)) return TypedResults.NotFound();

        var suggestion = await suggestions.FindAsync(directory.Id, keys.For(directory.Id, internetMessageId), cancellationToken);
        if (suggestion is null) return TypedResults.Ok(Array.Empty<HistoryEntry>());

        var entries = new List<HistoryEntry> { HistoryEntry.Suggested(suggestion) };
        if (await decisions.FindBySuggestionAsync(suggestion.Id, cancellationToken) is { } decision)
        {
            entries.Add(HistoryEntry.Decided(decision));
            if (await actions.FindAsync(decision.Id, cancellationToken) is { } action)
                entries.Add(HistoryEntry.Acted(decision, action));
        }
        return TypedResults.Ok(entries.OrderBy(e => e.At).ToArray());
    }
}

/// <summary>
/// One line of a message's log: what was suggested, what a person decided, or how carrying the decision out in
/// the mailbox went (type "action", with its status, error code, attempts and what it did).
/// </summary>
public sealed record HistoryEntry(
    string Type,
    DateTimeOffset At,
    Guid SuggestionId,
    string Action,
    string? Unit,
    string? UnitName,
    double? Confidence,
    string? Explanation,
    string? Classifier,
    Guid? DecisionId,
    bool? Accepted,
    string? DecidedBy,
    string? Status = null,
    string? Error = null,
    int? Attempts = null,
    string? ForwardedTo = null,
    string? MovedTo = null,
    string? Category = null,
    string? PerformedBy = null)
{
    public static HistoryEntry Suggested(StoredSuggestion s) =>
        new("suggestion", new DateTimeOffset(s.CreatedAt, TimeSpan.Zero), s.Id, s.Action, s.UnitId, s.UnitName, s.Confidence,
            s.Explanation, s.Classifier, null, null, null);

    public static HistoryEntry Decided(StoredDecision d) =>
        new("decision", new DateTimeOffset(d.DecidedAt, TimeSpan.Zero), d.SuggestionId, d.Action, d.UnitId, d.UnitName, null,
            null, null, d.Id, d.Accepted, d.DecidedBy);

    public static HistoryEntry Acted(StoredDecision d, MailboxActionState a) =>
        new("action", new DateTimeOffset(a.CompletedAt ?? a.UpdatedAt, TimeSpan.Zero), d.SuggestionId, d.Action, d.UnitId, d.UnitName, null,
            null, null, d.Id, null, null, a.Status, a.Error, a.Attempts, a.ForwardedTo, a.MovedTo, a.Category, a.PerformedBy);
}
