using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;
using Azure.Identity;
using MailAssist.Api.Messages;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MailAssist.Api.Classification.LanguageModel;

/// <summary>
/// Asks a language model (Azure OpenAI or an OpenAI-compatible server) for a suggestion with a
/// strict JSON schema, and checks the answer again here. Whenever the model fails or its answer
/// cannot be used, the local classifier answers, flagged <c>fallback</c>.
/// </summary>
public sealed class LanguageModelClassifier(
    ChatClient chat,
    [FromKeyedServices(ClassificationRegistration.LocalKey)] IClassifier local,
    LanguageModelResilience resilience,
    IOptions<ClassifierOptions> options,
    ILogger<LanguageModelClassifier> logger) : IClassifier
{
    public async Task<ClassificationResult> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var prompt = PromptBuilder.Build(input, o.MaxInputTokens);
        var request = new ChatCompletionOptions
        {
            Temperature = 0,
            MaxOutputTokenCount = o.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(ModelAnswer.SchemaName, ModelAnswer.Schema(input.Directory), jsonSchemaIsStrict: true),
        };
        // Self-hosted servers (llama.cpp, Ollama) know the older max_tokens, not max_completion_tokens.
#pragma warning disable SCME0001 // JsonPatch is marked for evaluation; it is the library's way to add a request field.
        if (o.Provider == ClassifierOptions.OpenAiCompatible) request.Patch.Set("$.max_tokens"u8, o.MaxOutputTokens);
#pragma warning restore SCME0001

        var started = Stopwatch.GetTimestamp();
        ChatCompletion completion;
        try
        {
            completion = await resilience.Pipeline.ExecuteAsync(
                async token => (ChatCompletion)await chat.CompleteChatAsync(prompt.Messages, request, token), cancellationToken);
        }
        catch (Exception e) when (Unavailable(e) is { } reason && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Language model {Classifier} unavailable ({Failure}); the local classifier answers.",
                o.ClassifierName, LanguageModelResilience.Describe(e));
            return await FallbackAsync(input, reason, needsReview: e is ClientResultException { Status: 400 }, null, cancellationToken);
        }

        var usage = completion.Usage is { } u ? new TokenUsage(u.InputTokenCount, u.OutputTokenCount) : null;
        logger.LogInformation("Language model {Classifier} answered in {ElapsedMs:F0} ms using {PromptTokens} prompt and {CompletionTokens} completion tokens.",
            o.ClassifierName, Stopwatch.GetElapsedTime(started).TotalMilliseconds, usage?.PromptTokens, usage?.CompletionTokens);
        var (answer, problem) = Read(completion, input);
        if (answer is null)
        {
            logger.LogWarning("Language model {Classifier} gave an unusable answer ({Problem}); the local classifier answers.", o.ClassifierName, problem!.Code);
            return await FallbackAsync(input, $"Språkmodellen ga et svar som ikke kunne brukes ({problem.Text})", needsReview: true, usage, cancellationToken);
        }

        var result = new ClassificationResult(answer.Action, answer.Unit, answer.Confidence, answer.Confidence < o.ReviewBelowConfidence,
            answer.Explanation, answer.Reasons, answer.Flags, o.ClassifierName, usage);
        if (answer.Action != MailAction.Slett) return result;

        var second = await local.ClassifyAsync(input, cancellationToken);
        return second.Action == MailAction.Slett ? result : result with
        {
            NeedsReview = true,
            Reasons = [.. result.Reasons, $"Den lokale modellen er uenig i sletting og foreslår {second.Action.ToId()}."],
        };
    }

    private static (ModelAnswer? Answer, AnswerProblem? Problem) Read(ChatCompletion completion, ClassificationInput input)
    {
        if (completion.FinishReason == ChatFinishReason.Length) return (null, new("truncated", "svaret ble avkortet"));
        if (completion.FinishReason == ChatFinishReason.ContentFilter) return (null, new("content-filter", "innholdsfilteret stoppet svaret"));
        if (!string.IsNullOrEmpty(completion.Refusal)) return (null, new("refusal", "modellen avslo å vurdere meldingen"));
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return ModelAnswer.Parse(text, input.Directory);
    }

    /// <summary>The staff-facing reason when the model could not be asked, or null for a failure that is not the model's.</summary>
    private static string? Unavailable(Exception e) => e switch
    {
        BrokenCircuitException => "Språkmodellen er midlertidig koblet ut etter gjentatte feil",
        TimeoutRejectedException => "Språkmodellen svarte ikke i tide",
        ClientResultException { Status: 400 } c when IsContentFilter(c) => "Språkmodellens innholdsfilter stoppet meldingen",
        ClientResultException { Status: 0 } or HttpRequestException or IOException => "Språkmodellen kunne ikke nås",
        ClientResultException c when LanguageModelResilience.IsTransient(c.Status) => "Språkmodellen var ikke tilgjengelig",
        ClientResultException c => $"Språkmodellen avviste forespørselen (HTTP {c.Status})",
        AuthenticationFailedException or CredentialUnavailableException => "Innloggingen mot språkmodellen feilet",
        _ => null,
    };

    private static bool IsContentFilter(ClientResultException e)
    {
        try
        {
            using var body = JsonDocument.Parse(e.GetRawResponse()?.Content ?? BinaryData.Empty);
            return body.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString() == "content_filter";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<ClassificationResult> FallbackAsync(
        ClassificationInput input, string reason, bool needsReview, TokenUsage? usage, CancellationToken cancellationToken)
    {
        var result = await local.ClassifyAsync(input, cancellationToken);
        return result with
        {
            NeedsReview = result.NeedsReview || needsReview,
            Reasons = [$"{reason}; forslaget er fra den lokale modellen.", .. result.Reasons],
            Flags = [.. result.Flags, SuggestionFlags.Fallback],
            Usage = usage,
        };
    }
}
