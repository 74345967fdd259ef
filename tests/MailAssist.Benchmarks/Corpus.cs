using MailAssist.Api.Classification;
using MailAssist.Api.Classification.Evaluation;
using MailAssist.Api.Classification.Local;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Benchmarks;

/// <summary>The messages and the classifier both measurements use: the corpus test split and the model trained on the train split.</summary>
internal static class Corpus
{
    public static IncomingMessage[] TestMessages() => EvaluationFile.ReadCorpus("test").Select(l => l.Message).ToArray();

    public static LocalClassifier Classifier()
    {
        var model = CorpusModel.Get().Model;
        return new LocalClassifier(_ => ValueTask.FromResult(new ServedModel(1, model)));
    }

    /// <summary>What POST /api/classify does in process between reading the message and storing the suggestion.</summary>
    public static ClassificationResult CleanAndClassify(LocalClassifier classifier, IncomingMessage message)
    {
        var input = new ClassificationInput(MessageCleaner.CleanAndRedact(message), StandardUnits.StandardDirectory, []);
        return classifier.ClassifyAsync(input, CancellationToken.None).GetAwaiter().GetResult();
    }
}
