using MailAssist.Api.Decisions;
using MailAssist.Api.MailboxActions;

namespace MailAssist.Api.Suggestions;

public sealed record SuggestionResponse(
    Guid SuggestionId,
    string Action,
    string? Unit,
    string? UnitName,
    double Confidence,
    bool NeedsReview,
    string Explanation,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Flags,
    IReadOnlyList<SimilarMessage> Similar,
    string Classifier,
    bool Cached,
    DateTimeOffset CreatedAt,
    DecisionResponse? Decision)
{
    public static SuggestionResponse From(StoredSuggestion s, bool cached, IReadOnlyList<SimilarMessage> similar, StoredDecision? decision,
        MailboxActionState? action = null) =>
        new(s.Id, s.Action, s.UnitId, s.UnitName, s.Confidence, s.NeedsReview, s.Explanation, s.Reasons, s.Flags, similar,
            s.Classifier, cached, new DateTimeOffset(s.CreatedAt, TimeSpan.Zero), decision is null ? null : DecisionResponse.From(decision, action));
}

/// <summary>An earlier message of the mailbox that reads alike, with what staff decided for it.</summary>
public sealed record SimilarMessage(Guid SuggestionId, string Subject, string Action, string? Unit, string? UnitName, DateTimeOffset DecidedAt);
