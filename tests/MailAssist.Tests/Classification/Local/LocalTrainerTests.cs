using MailAssist.Api.Classification.Evaluation;
using MailAssist.Api.Classification.Local;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;

namespace MailAssist.Tests.Classification.Local;

public sealed class LocalTrainerTests
{
    private static List<TrainingExample> Sample() => CorpusModel.Examples(EvaluationFile.ReadCorpus("train").Where((_, i) => i % 4 == 0));

    [Test]
    public void Training_is_deterministic_to_the_byte()
    {
        var examples = Sample();

        var first = ModelSerializer.Write(LocalTrainer.Train(examples).Model);
        var second = ModelSerializer.Write(LocalTrainer.Train(examples).Model);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Stored_model_reads_back_to_the_same_model()
    {
        var model = CorpusModel.Get().Model;
        var payload = ModelSerializer.Write(model);

        var read = ModelSerializer.Read(payload);

        Assert.That(ModelSerializer.Write(read), Is.EqualTo(payload));
        Assert.That(payload.Length, Is.LessThan(4 * 1024 * 1024), "the stored model should stay compact");
    }

    [Test]
    public void Confidence_is_calibrated_on_held_out_lines()
    {
        var model = CorpusModel.Get().Model;
        var predictions = EvaluationFile.ReadCorpus("test").Select(line =>
        {
            var p = model.Predict(MessageCleaner.CleanAndRedact(line.Message), _ => true, keepSignals: false);
            return (p.Confidence, Right: p.Action == line.ExpectedAction && p.Kind == line.ExpectedUnit);
        }).ToList();

        var buckets = predictions.GroupBy(p => p.Confidence switch { < 0.5f => 0, < 0.8f => 1, < 0.95f => 2, _ => 3 })
            .Where(b => b.Count() >= 30).ToList();
        Assert.That(buckets, Has.Count.GreaterThanOrEqualTo(2), "too few confident buckets to judge calibration");
        foreach (var bucket in buckets)
        {
            var stated = bucket.Average(p => p.Confidence);
            var observed = bucket.Average(p => p.Right ? 1.0 : 0.0);
            Assert.That(observed, Is.EqualTo(stated).Within(0.12), $"bucket {bucket.Key}: stated {stated:0.00}, observed {observed:0.00} over {bucket.Count()} lines");
        }
    }

    [Test]
    public void Held_out_figures_meet_the_targets()
    {
        var summary = CorpusModel.Evaluate(CorpusModel.Get().Model, EvaluationFile.ReadCorpus("test"));

        Assert.That(summary.ActionMacroF1, Is.GreaterThanOrEqualTo(0.85));
        Assert.That(summary.UnitAccuracy, Is.GreaterThanOrEqualTo(0.75));
        Assert.That(summary.CriticalErrors, Is.LessThanOrEqualTo(summary.N / 100));
    }

    [Test]
    public void Slett_is_withheld_unless_its_probability_clears_the_threshold()
    {
        var model = CorpusModel.Get().Model;
        var x = Features.Extract(new CleanedMessage("", "", "", SenderKind.Unknown, [], MessageCues.None), keepSignals: false);
        float[] justUnder = [0.05f, 0.1f, model.SlettThreshold - 0.01f];
        var units = model.Units.Labels.Select(_ => 1f / model.Units.Classes).ToArray();

        var prediction = LocalModel.Decide(x, justUnder, units, model.Units.Labels, _ => true, model.SlettThreshold, model.Confidence, model.ReviewThreshold);

        Assert.That(prediction.Action, Is.EqualTo(MailAction.Videresend));
        Assert.That(prediction.SlettWithheld, Is.True);
        Assert.That(prediction.NeedsReview, Is.True);
    }
}
