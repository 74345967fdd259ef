using MailAssist.Api.Classification.Evaluation;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.Local;

/// <summary>A labelled message to learn from. <see cref="Kind"/> is a standard unit kind, null for slett; <see cref="Key"/> fixes its fold.</summary>
public sealed record TrainingExample(string Key, CleanedMessage Message, MailAction Action, string? Kind);

public sealed record TrainedModel(LocalModel Model, int TrainingExamples, EvaluationSummary CrossValidation);

/// <summary>
/// Trains the local model deterministically: the heads on every example, and the same heads on
/// K folds so that each example gets a held-out prediction; those fit the calibration and the
/// thresholds and give the cross-validated figures.
/// </summary>
public static class LocalTrainer
{
    public const int Folds = 5;

    private const ulong Seed = 20261014;

    public static TrainedModel Train(IReadOnlyList<TrainingExample> examples, TrainingSettings? settings = null)
    {
        settings ??= TrainingSettings.Default;
        var units = StandardUnits.Ids;
        var features = examples.Select(e => Features.Extract(e.Message, keepSignals: false)).ToArray();
        var folds = examples.Select(e => (int)(Hash.Of('f', e.Key) % Folds)).ToArray();

        var heldOut = new (float[] Actions, float[] Units)[examples.Count];
        var heads = new (SoftmaxHead Actions, SoftmaxHead Units)[Folds + 1];
        Parallel.For(0, Folds + 1, new ParallelOptions { MaxDegreeOfParallelism = 2 }, fold =>
        {
            var train = Enumerable.Range(0, examples.Count).Where(i => folds[i] != fold).ToList();
            heads[fold] = TrainHeads(examples, features, train, units, settings);
            if (fold == Folds) return;
            foreach (var i in Enumerable.Range(0, examples.Count).Where(i => folds[i] == fold))
                heldOut[i] = (heads[fold].Actions.Scores(features[i]), heads[fold].Units.Scores(features[i]));
        });

        var actionLabels = examples.Select(e => LocalModel.ActionIndex(e.Action)).ToArray();
        var actionTemperature = Calibration.FitTemperature(Enumerable.Range(0, examples.Count).Select(i => (heldOut[i].Actions, actionLabels[i])).ToList());
        var unitTemperature = Calibration.FitTemperature(Enumerable.Range(0, examples.Count)
            .Where(i => examples[i].Kind is not null).Select(i => (heldOut[i].Units, SoftmaxHead.IndexOf(units, examples[i].Kind!))).ToList());
        var actionProbabilities = heldOut.Select(h => SoftmaxHead.Softmax(h.Actions, actionTemperature)).ToArray();
        var unitProbabilities = heldOut.Select(h => SoftmaxHead.Softmax(h.Units, unitTemperature)).ToArray();

        var slettThreshold = ChooseSlettThreshold(examples, actionProbabilities, settings.CriticalErrorBudget);
        var raw = Enumerable.Range(0, examples.Count)
            .Select(i => LocalModel.Decide(features[i], actionProbabilities[i], unitProbabilities[i], units, _ => true, slettThreshold, null, 0))
            .ToArray();
        var confidence = IsotonicMap.Fit(raw.Select((p, i) => (p.RawScore, IsRight(examples[i], p))).ToList());
        var calibrated = raw.Select(p => confidence.Apply(p.RawScore)).ToArray();
        var reviewThreshold = ChooseReviewThreshold(examples, raw, calibrated, settings.AtAGlancePrecision);

        var outcomes = Enumerable.Range(0, examples.Count).Select(i => new Outcome(examples[i].Action, examples[i].Kind, raw[i].Action, raw[i].Kind,
            calibrated[i], raw[i].SlettWithheld || calibrated[i] < reviewThreshold)).ToList();
        var final = heads[Folds];
        var model = new LocalModel(final.Actions.Rounded().WithTemperature(actionTemperature), final.Units.Rounded().WithTemperature(unitTemperature),
            confidence, slettThreshold, reviewThreshold);
        return new TrainedModel(model, examples.Count, EvaluationReport.Summarise(outcomes));
    }

    /// <summary>
    /// The action head on every example; the unit head on the examples that have a unit, each unit
    /// weighted by its rarity so the head leans on the words rather than on how common a unit was.
    /// </summary>
    private static (SoftmaxHead Actions, SoftmaxHead Units) TrainHeads(IReadOnlyList<TrainingExample> examples, FeatureVector[] features,
        List<int> train, IReadOnlyList<string> units, TrainingSettings settings)
    {
        var actionExamples = train.Select(i => (features[i], LocalModel.ActionIndex(examples[i].Action), 1f)).ToList();
        var withUnit = train.Where(i => examples[i].Kind is not null).Select(i => (X: features[i], Label: SoftmaxHead.IndexOf(units, examples[i].Kind!))).ToList();
        var perUnit = withUnit.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count());
        var unitExamples = withUnit.Select(e => (e.X, e.Label, (float)withUnit.Count / (perUnit.Count * perUnit[e.Label]))).ToList();
        return (SoftmaxHead.Train(LocalModel.ActionLabels, actionExamples, settings.Epochs, settings.ActionLearningRate, settings.L2, Seed),
            SoftmaxHead.Train(units, unitExamples, settings.Epochs, settings.UnitLearningRate, settings.L2, Seed + 1));
    }

    private static bool IsRight(TrainingExample example, LocalPrediction prediction) =>
        prediction.Action == example.Action && prediction.Kind == example.Kind;

    /// <summary>The lowest slett probability that keeps wrongly suggested slett within the budget on the held-out folds.</summary>
    private static float ChooseSlettThreshold(IReadOnlyList<TrainingExample> examples, float[][] actionProbabilities, double budget)
    {
        var slett = LocalModel.ActionIndex(MailAction.Slett);
        var keepScores = Enumerable.Range(0, examples.Count)
            .Where(i => examples[i].Action != MailAction.Slett && actionProbabilities[i][slett] == actionProbabilities[i].Max())
            .Select(i => actionProbabilities[i][slett]).OrderDescending().ToList();
        var allowed = (int)Math.Floor(budget * examples.Count);
        var threshold = keepScores.Count > allowed ? keepScores[allowed] + 1e-4f : 0f;
        return Math.Max(threshold, 0.5f);
    }

    /// <summary>The lowest confidence at which the suggestions at or above it were right often enough to be taken at a glance.</summary>
    private static float ChooseReviewThreshold(IReadOnlyList<TrainingExample> examples, LocalPrediction[] predictions, float[] calibrated, double precision)
    {
        var order = Enumerable.Range(0, examples.Count).OrderByDescending(i => calibrated[i]).ToList();
        var threshold = 1f;
        var right = 0;
        for (var n = 0; n < order.Count; n++)
        {
            var i = order[n];
            if (IsRight(examples[i], predictions[i])) right++;
            var atThreshold = n + 1 == order.Count || calibrated[order[n + 1]] < calibrated[i];
            if (atThreshold && right >= precision * (n + 1)) threshold = calibrated[i];
        }
        return threshold;
    }
}
