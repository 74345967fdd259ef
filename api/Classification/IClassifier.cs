using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification;

/// <summary>The seam between the product and whatever suggests an action: the local model or a language model.</summary>
public interface IClassifier
{
    Task<ClassificationResult> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken);
}

public sealed record ClassificationInput(
    CleanedMessage Message,
    MailboxDirectory Directory,
    IReadOnlyList<ConfirmedExample> Examples);

/// <summary>An earlier message of the same mailbox with the decision staff made, redacted.</summary>
public sealed record ConfirmedExample(string Subject, string Text, MailAction Action, string? Unit);

/// <summary>A suggestion before it is stored. <see cref="Unit"/> is an id of the mailbox's directory, null for slett.</summary>
public sealed record ClassificationResult(
    MailAction Action,
    string? Unit,
    double Confidence,
    bool NeedsReview,
    string Explanation,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Flags,
    string Classifier,
    TokenUsage? Usage = null);

public sealed record TokenUsage(int PromptTokens, int CompletionTokens);

public static class SuggestionFlags
{
    public const string Sensitive = "sensitive";
    public const string Deadline = "deadline";
    public const string PossibleManipulation = "possible_manipulation";
    public const string Fallback = "fallback";
}
