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
}
