using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.Local;

/// <summary>
/// The trained local model: an action head, a unit head over the standard unit kinds, and what was
/// fitted on held-out folds (temperatures, the confidence map, the slett and review thresholds).
/// </summary>
public sealed class LocalModel(SoftmaxHead actions, SoftmaxHead units, IsotonicMap confidence, float slettThreshold, float reviewThreshold)
{
    public static readonly IReadOnlyList<string> ActionLabels = [MailAction.Journalfor.ToId(), MailAction.Videresend.ToId(), MailAction.Slett.ToId()];
    private const int Slett = 2;

    public static int ActionIndex(MailAction action) => action switch
    {
        MailAction.Journalfor => 0,
        MailAction.Videresend => 1,
        _ => Slett,
    };

    public SoftmaxHead Actions { get; } = actions;
    public SoftmaxHead Units { get; } = units;
    public IsotonicMap Confidence { get; } = confidence;

    /// <summary>Slett is suggested only when its probability reaches this: deleting a case costs far more than registering junk.</summary>
    public float SlettThreshold { get; } = slettThreshold;

    /// <summary>Below this confidence a suggestion needs review.</summary>
    public float ReviewThreshold { get; } = reviewThreshold;

    public LocalPrediction Predict(CleanedMessage message, Func<string, bool> kindAvailable, bool keepSignals)
    {
        var x = Features.Extract(message, keepSignals);
        return Decide(x, Actions.Probabilities(x), Units.Probabilities(x), Units.Labels, kindAvailable, SlettThreshold, Confidence, ReviewThreshold);
    }

    /// <summary>The rule that turns the two heads' probabilities into one suggestion; training applies the same rule to held-out folds.</summary>
    public static LocalPrediction Decide(FeatureVector x, float[] actionProbabilities, float[] unitProbabilities, IReadOnlyList<string> kinds,
        Func<string, bool> kindAvailable, float slettThreshold, IsotonicMap? confidence, float reviewThreshold)
    {
        var action = ArgMax(actionProbabilities, _ => true);
        var withheld = false;
        if (action == Slett && actionProbabilities[Slett] < slettThreshold)
        {
            action = ArgMax(actionProbabilities, c => c != Slett);
            withheld = true;
        }
        var unit = ArgMax(unitProbabilities, c => kindAvailable(kinds[c]));
        var raw = action == Slett ? actionProbabilities[Slett] : actionProbabilities[action] * (unit < 0 ? 0 : unitProbabilities[unit]);
        var calibrated = confidence?.Apply(raw) ?? raw;
        return new LocalPrediction(
            x, MailActions.Parse(ActionLabels[action]), action == Slett || unit < 0 ? null : kinds[unit],
            raw, calibrated, withheld || calibrated < reviewThreshold, withheld, actionProbabilities, unitProbabilities);
    }

    private static int ArgMax(float[] values, Func<int, bool> allowed)
    {
        var best = -1;
        for (var c = 0; c < values.Length; c++)
            if (allowed(c) && (best < 0 || values[c] > values[best])) best = c;
        return best;
    }
}

/// <summary>A suggestion from the local model. <see cref="Kind"/> is a standard unit kind, null for slett.</summary>
public sealed record LocalPrediction(
    FeatureVector Features,
    MailAction Action,
    string? Kind,
    float RawScore,
    float Confidence,
    bool NeedsReview,
    bool SlettWithheld,
    float[] ActionProbabilities,
    float[] UnitProbabilities);
