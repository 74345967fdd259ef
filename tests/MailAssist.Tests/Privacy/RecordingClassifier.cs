using System.Collections.Concurrent;
using MailAssist.Api.Classification;
using MailAssist.Api.Messages;

namespace MailAssist.Tests.Privacy;

/// <summary>
/// Stands in for a language model: keeps everything it is given and, like a model quoting its
/// input, puts the subject into its explanation.
/// </summary>
public sealed class RecordingClassifier : IClassifier
{
    private readonly ConcurrentQueue<ClassificationInput> _inputs = new();

    public IReadOnlyCollection<ClassificationInput> Inputs => _inputs;

    public Task<ClassificationResult> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        _inputs.Enqueue(input);
        var unit = input.Directory.OfKind("arkiv")!.Id;
        return Task.FromResult(new ClassificationResult(MailAction.Journalfor, unit, 0.9, false,
            $"Meldingen «{input.Message.Subject}» fra {input.Message.SenderDomain} journalføres.", [$"Vedlegg: {string.Join(", ", input.Message.AttachmentNames)}"],
            [], "recording"));
    }

    /// <summary>Everything the classifier was given, as one text per call.</summary>
    public IEnumerable<string> Texts() => _inputs.Select(i => string.Join('\n',
        [i.Message.Subject, i.Message.Text, i.Message.SenderDomain, .. i.Message.AttachmentNames,
         .. i.Examples.Select(e => $"{e.Subject}\n{e.Text}")]));
}
