using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.Guards;

/// <summary>
/// Rules that hold whichever classifier answered, the local one included: a message that tries to
/// steer the classifier is flagged, needs review and is never suggested deleted; a forward target
/// is always a unit of the mailbox's directory.
/// </summary>
public sealed class GuardedClassifier(IClassifier inner) : IClassifier
{
    public const string ManipulationReason = "Meldingen ser ut til å prøve å styre den automatiske sorteringen.";
    public const string NotDeletedExplanation =
        "Meldingen ser ut til å prøve å styre den automatiske sorteringen, og foreslås derfor ikke slettet. Les den selv før du avgjør.";
    public const string UnknownUnitReason = "Enheten i forslaget finnes ikke i postmottakets enhetsliste.";

    public async Task<ClassificationResult> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken) =>
        Apply(input, await inner.ClassifyAsync(input, cancellationToken));

    public static ClassificationResult Apply(ClassificationInput input, ClassificationResult result)
    {
        var directory = input.Directory;
        if (result.Action == MailAction.Slett && result.Unit is not null) result = result with { Unit = null };
        if (result.Action != MailAction.Slett && directory.Find(result.Unit) is null)
            result = result with { Unit = SafeUnit(directory).Id, NeedsReview = true, Reasons = [UnknownUnitReason, .. result.Reasons] };

        var suspicious = (input.Message.Cues & MessageCues.PossibleManipulation) != 0
            || result.Flags.Contains(SuggestionFlags.PossibleManipulation);
        if (!suspicious) return result;

        result = result with
        {
            NeedsReview = true,
            Flags = result.Flags.Contains(SuggestionFlags.PossibleManipulation) ? result.Flags : [.. result.Flags, SuggestionFlags.PossibleManipulation],
            Reasons = result.Reasons.Contains(ManipulationReason) ? result.Reasons : [ManipulationReason, .. result.Reasons],
        };
        return result.Action != MailAction.Slett ? result : result with
        {
            Action = MailAction.Videresend,
            Unit = SafeUnit(directory).Id,
            Explanation = NotDeletedExplanation,
        };
    }

    /// <summary>Where a suggestion goes when the classifier's own target cannot stand: the unit for anything without a clearer owner.</summary>
    private static Unit SafeUnit(MailboxDirectory directory) =>
        directory.OfKind("servicetorget") ?? directory.Units.FirstOrDefault()
        ?? throw new InvalidOperationException($"Mailbox {directory.Id} has no units to forward to.");
}
