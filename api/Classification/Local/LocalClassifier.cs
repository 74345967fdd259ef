using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.Local;

/// <summary>
/// The classifier that runs in process: the local model's suggestion, its unit kind mapped to the
/// mailbox's own unit of that kind, and a plain-Norwegian explanation.
/// </summary>
public sealed class LocalClassifier(Func<CancellationToken, ValueTask<ServedModel>> currentModel) : IClassifier
{
    public async Task<ClassificationResult> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        var served = await currentModel(cancellationToken);
        var directory = input.Directory;
        var prediction = served.Model.Predict(input.Message, kind => directory.OfKind(kind) is not null, keepSignals: true);
        var unit = prediction.Action == MailAction.Slett ? null
            : (prediction.Kind is null ? null : directory.OfKind(prediction.Kind)) ?? directory.Units.FirstOrDefault()
              ?? throw new InvalidOperationException("The mailbox has no units to suggest.");
        var (explanation, reasons) = Explanation.For(prediction, served.Model, unit?.Name);
        return new ClassificationResult(prediction.Action, unit?.Id, Math.Round(prediction.Confidence, 3), prediction.NeedsReview,
            explanation, reasons, [], served.Name);
    }
}
