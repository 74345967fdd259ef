using System.Text.Json;
using MailAssist.Api.Classification.Evaluation;
using MailAssist.Api.Cleaning;

namespace MailAssist.Api.Classification.Local;

/// <summary>The model trained on the corpus compiled into the API: what a new installation serves, and what eval measures.</summary>
public static class CorpusModel
{
    private static readonly Lazy<TrainedModel> Trained = new(() => LocalTrainer.Train(Examples(EvaluationFile.ReadCorpus("train"))));

    /// <summary>Trained once per process; a pure function of the embedded corpus, so this is only a cache.</summary>
    public static TrainedModel Get() => Trained.Value;

    /// <summary>Corpus lines as training examples; the demo mailbox's unit ids are the standard kinds.</summary>
    public static List<TrainingExample> Examples(IEnumerable<EvaluationLine> lines) =>
        lines.Select(l => new TrainingExample(l.Id, MessageCleaner.CleanAndRedact(l.Message), l.ExpectedAction, l.ExpectedUnit)).ToList();

    /// <summary>The model's figures on labelled lines of the demo mailbox, every standard kind available.</summary>
    public static EvaluationSummary Evaluate(LocalModel model, IEnumerable<EvaluationLine> lines) =>
        EvaluationReport.Summarise(lines.Select(l =>
        {
            var p = model.Predict(MessageCleaner.CleanAndRedact(l.Message), _ => true, keepSignals: false);
            return new Outcome(l.ExpectedAction, l.ExpectedUnit, p.Action, p.Kind, p.Confidence, p.NeedsReview);
        }).ToList());

    /// <summary>The trained model ready to store, with its cross-validated figures and its figures on the corpus test split.</summary>
    public static StoredModelDraft Draft(TrainedModel trained)
    {
        var model = trained.Model;
        var metrics = new
        {
            crossValidation = trained.CrossValidation,
            corpusTest = Evaluate(model, EvaluationFile.ReadCorpus("test")),
            slettThreshold = model.SlettThreshold,
            reviewThreshold = model.ReviewThreshold,
            actionTemperature = model.Actions.Temperature,
            unitTemperature = model.Units.Temperature,
        };
        return new StoredModelDraft(ModelSerializer.Write(model), trained.TrainingExamples, JsonSerializer.Serialize(metrics, JsonSerializerOptions.Web));
    }
}
