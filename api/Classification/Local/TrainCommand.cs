using System.Text.Json;
using MailAssist.Api.Classification.Evaluation;
using MailAssist.Api.Data;

namespace MailAssist.Api.Classification.Local;

/// <summary>
/// <c>train</c>: retrains the local model on the corpus train split plus every confirmed decision
/// whose redacted text is retained, stores it as the next version (every instance picks it up
/// within 30 s) and prints its figures.
/// </summary>
public static class TrainCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<Migrator>().ApplyAsync(cancellationToken);
        var store = services.GetRequiredService<ClassifierModelStore>();
        var corpus = CorpusModel.Examples(EvaluationFile.ReadCorpus("train"));
        var decisions = await store.ConfirmedExamplesAsync(cancellationToken);
        await errors.WriteLineAsync($"Training on {corpus.Count} corpus lines and {decisions.Count} confirmed decisions.");

        var trained = await Task.Run(() => LocalTrainer.Train([.. corpus, .. decisions]), cancellationToken);
        var draft = CorpusModel.Draft(trained);
        var version = await store.AddAsync(draft, cancellationToken);

        await output.WriteLineAsync($"Stored local model version {version} (classifier \"{new ServedModel(version, trained.Model).Name}\"), trained on {trained.TrainingExamples} examples.");
        await output.WriteLineAsync(JsonSerializer.Serialize(new { version, metrics = JsonDocument.Parse(draft.Metrics).RootElement }, JsonSerializerOptions.Web));
        return 0;
    }
}
