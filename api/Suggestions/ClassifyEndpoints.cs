using System.Security.Claims;
using MailAssist.Api.Auth;
using MailAssist.Api.Classification;
using MailAssist.Api.Classification.LanguageModel;
using MailAssist.Api.Classification.Signals;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Hardening;
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
        if (await suggestions.FindKnownAsync(directory.Id, key, cancellationToken) is { } known) return Stored(known);

        var cleaned = MessageCleaner.CleanAndRedact(message);
        var similar = await suggestions.FindSimilarAsync(directory.Id, cleaned, cancellationToken);
        var examples = similar.Take(PromptBuilder.MaxExamples).Select(s => s.ToExample()).ToList();
        var classification = await classifier.ClassifyAsync(new ClassificationInput(cleaned, directory, examples), cancellationToken);
        classification = SignalFlags.Apply(cleaned, classification, message.ReceivedAt);

        var added = await suggestions.AddAsync(new NewSuggestion(Guid.CreateVersion7(), directory.Id, key, message.ReceivedAt, cleaned, classification), cancellationToken);
        if (added is not null) return TypedResults.Ok(SuggestionResponse.From(added, cached: false, Shown(similar), decision: null));
        // Another request stored a suggestion for the message first; that one stands.
        return Stored(await suggestions.FindKnownAsync(directory.Id, key, cancellationToken)
            ?? throw new InvalidOperationException("A suggestion that conflicted on insert could not be read."));
    }

    private static Ok<SuggestionResponse> Stored(KnownMessage known) =>
        TypedResults.Ok(SuggestionResponse.From(known.Suggestion, cached: true, Shown(known.Similar), known.Decision, known.Action));

    private static List<SimilarMessage> Shown(IEnumerable<SimilarDecision> similar) => similar.Select(s => s.ToResponse()).ToList();
}
