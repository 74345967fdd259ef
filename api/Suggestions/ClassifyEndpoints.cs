using System.Security.Claims;
using MailAssist.Api.Auth;
using MailAssist.Api.Classification;
using MailAssist.Api.Classification.LanguageModel;
using MailAssist.Api.Classification.Signals;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Decisions;
using MailAssist.Api.Hardening;
using MailAssist.Api.MailboxActions;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MailAssist.Api.Suggestions;

public static class ClassifyEndpoints
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static RouteGroupBuilder MapClassify(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/classify").WithTags("Suggestions").RequireAuthorization();
        group.MapPost("/", Classify)
            .WithName("Classify")
            .WithSummary("Suggest an action and unit for a message; a message already classified gets its stored suggestion.")
            .Accepts<IncomingMessage>("application/json")
            .AddEndpointFilter<ClassifyRateLimit>();
        return group;
    }

    public static async Task<Results<Ok<SuggestionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Classify(
        HttpRequest request,
        ClaimsPrincipal user,
        MailboxStore mailboxes,
        MailboxAccess access,
        MessageKeys keys,
        SuggestionStore suggestions,
        DecisionStore decisions,
        SimilarMessages similarMessages,
        MailboxActionStore actions,
        IClassifier classifier,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.IsTooLarge) return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Meldingen er for stor (høyst 1 MB).");
        if (body.Error is not null) return Problems.Field("", body.Error);

        var read = MessageReader.Read(body.Json);
        if (read.Message is not { } message) return Problems.Fields(read.Errors);

        var directory = await mailboxes.FindAsync(message.Mailbox, cancellationToken);
        if (directory is null) return Problems.UnknownMailbox();
        if (!await access.CanUseAsync(user, directory.Id, cancellationToken)) return TypedResults.NotFound();

        var key = keys.For(directory.Id, message.InternetMessageId);
        var cleaned = MessageCleaner.CleanAndRedact(message);
        if (await suggestions.FindAsync(directory.Id, key, cancellationToken) is { } existing)
        {
            var alike = await similarMessages.FindAsync(directory.Id, cleaned, existing.Id, cancellationToken);
            var decided = await decisions.FindBySuggestionAsync(existing.Id, cancellationToken);
            return TypedResults.Ok(SuggestionResponse.From(existing, cached: true, alike.Select(s => s.ToResponse()).ToList(),
                decided, await actions.FindAsync(decided?.Id, cancellationToken)));
        }

        var similar = await similarMessages.FindAsync(directory.Id, cleaned, null, cancellationToken);
        var examples = similar.Take(PromptBuilder.MaxExamples).Select(s => s.ToExample()).ToList();
        var classification = await classifier.ClassifyAsync(new ClassificationInput(cleaned, directory, examples), cancellationToken);
        classification = SignalFlags.Apply(cleaned, classification, message.ReceivedAt);

        var id = Guid.CreateVersion7();
        var added = await suggestions.TryAddAsync(new NewSuggestion(id, directory.Id, key, message.ReceivedAt, cleaned, classification), cancellationToken);
        var stored = await suggestions.FindAsync(directory.Id, key, cancellationToken)
            ?? throw new InvalidOperationException("A stored suggestion could not be read back.");
        var decision = added ? null : await decisions.FindBySuggestionAsync(stored.Id, cancellationToken);
        var shown = similar.Where(s => s.SuggestionId != stored.Id).Select(s => s.ToResponse()).ToList();
        return TypedResults.Ok(SuggestionResponse.From(stored, cached: !added, shown, decision, await actions.FindAsync(decision?.Id, cancellationToken)));
    }
}
