using System.Text.Json;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;

namespace MailAssist.Api.Classification.Evaluation;

/// <summary>
/// <c>eval FILE.jsonl</c>: classifies every line with the configured classifier against the demo
/// municipality's standard units, prints per-class tables and the action confusion matrix, and ends
/// with one JSON line of the contract's figures.
/// </summary>
public static class EvalCommand
{
    private const int ProgressEvery = 100;

    public static async Task<int> RunAsync(IClassifier classifier, string path, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        List<EvaluationLine> lines;
        try
        {
            lines = EvaluationFile.ReadFile(path);
        }
        catch (EvaluationFileException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 2;
        }

        var outcomes = new List<Outcome>(lines.Count);
        string? classifierName = null;
        foreach (var line in lines)
        {
            var input = new ClassificationInput(MessageCleaner.CleanAndRedact(line.Message), StandardUnits.StandardDirectory, []);
            var result = await classifier.ClassifyAsync(input, cancellationToken);
            classifierName ??= result.Classifier;
            outcomes.Add(new Outcome(line.ExpectedAction, line.ExpectedUnit, result.Action, result.Unit, result.Confidence, result.NeedsReview));
            if (outcomes.Count % ProgressEvery == 0) await errors.WriteLineAsync($"Classified {outcomes.Count} of {lines.Count} lines.");
        }

        var summary = EvaluationReport.Summarise(outcomes);
        await output.WriteLineAsync($"Classifier: {classifierName ?? "none"}, {lines.Count} lines of {path}");
        await output.WriteLineAsync();
        await output.WriteAsync(EvaluationReport.Tables(outcomes));
        await output.WriteLineAsync();
        await output.WriteLineAsync(JsonSerializer.Serialize(summary, JsonSerializerOptions.Web));
        return 0;
    }
}
