using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.Local;

/// <summary>
/// Explains a local suggestion in plain Norwegian from the signals that weighed most for the chosen
/// action and unit: quoted words, attachment names, the sender, the cues. Never a bare number.
/// </summary>
public static class Explanation
{
    private const int SignalsPerPart = 3;
    private const int MaxReasons = 3;

    public static (string Text, IReadOnlyList<string> Reasons) For(LocalPrediction prediction, LocalModel model, string? unitName)
    {
        var actionSignals = Decisive(prediction.Features, model.Actions, prediction.ActionProbabilities, LocalModel.ActionIndex(prediction.Action));
        var unitSignals = prediction.Kind is null ? [] :
            Decisive(prediction.Features, model.Units, prediction.UnitProbabilities, model.Units.IndexOf(prediction.Kind))
                .Where(s => !actionSignals.Contains(s)).ToList();

        var sentences = new List<string> { $"{Suggestion(prediction.Action, unitName)} ({Certainty(prediction.Confidence)})." };
        if (actionSignals.Count > 0)
            sentences.Add($"Det som talte mest for å {Verb(prediction.Action)}: {List(actionSignals.Select(Describe))}.");
        if (unitSignals.Count > 0 && unitName is not null)
            sentences.Add($"Det som pekte mot {unitName}: {List(unitSignals.Select(Describe))}.");
        if (prediction.SlettWithheld)
            sentences.Add("Meldingen ligner på noe som kan slettes, men ikke sikkert nok til å foreslå sletting, siden en tapt sak koster mer enn en unødvendig journalføring.");
        if (prediction.NeedsReview)
            sentences.Add("Se over forslaget før du bekrefter det.");

        var reasons = actionSignals.Concat(unitSignals).Take(MaxReasons).Select(Reason).ToList();
        return (string.Join(' ', sentences), reasons);
    }

    /// <summary>The signals whose features raised the chosen class most above the others' average, strongest first.</summary>
    private static List<Signal> Decisive(FeatureVector x, SoftmaxHead head, float[] probabilities, int chosen)
    {
        var k = head.Classes;
        var weight = new Dictionary<int, float>();
        foreach (var e in x.Entries)
        {
            if (e.Signal < 0) continue;
            var row = head.Weights.AsSpan(e.Index * k, k);
            var expected = 0f;
            for (var c = 0; c < k; c++) expected += probabilities[c] * row[c];
            weight[e.Signal] = weight.GetValueOrDefault(e.Signal) + e.Value * (row[chosen] - expected);
        }
        return weight.Where(w => w.Value > 0 && IsSpeakable(x.Signals[w.Key]))
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key)
            .Take(SignalsPerPart).Select(w => x.Signals[w.Key]).ToList();
    }

    private static bool IsSpeakable(Signal signal) => signal.Kind switch
    {
        SignalKind.Word or SignalKind.SubjectWord or SignalKind.Phrase =>
            signal.Text.Length >= 3 && !signal.Text.Contains('#') && signal.Next?.Contains('#') != true,
        SignalKind.SenderKind => signal.Text != nameof(SenderKind.Unknown),
        SignalKind.Cue => CueText(signal.Text) is not null,
        _ => true,
    };

    private static string Describe(Signal signal) => signal.Kind switch
    {
        SignalKind.Word => $"ordet «{signal.Text}»",
        SignalKind.Phrase => $"uttrykket «{signal.Words}»",
        SignalKind.SubjectWord => $"«{signal.Words}» i emnefeltet",
        SignalKind.Attachment => $"vedlegget «{signal.Text}»",
        SignalKind.Sender => $"avsenderdomenet {signal.Text}",
        SignalKind.SenderKind => $"at avsenderen er {SenderText(signal.Text)}",
        _ => $"at {CueText(signal.Text)}",
    };

    private static string Reason(Signal signal) => signal.Kind switch
    {
        SignalKind.Word or SignalKind.Phrase => $"Teksten nevner «{signal.Words}»",
        SignalKind.SubjectWord => $"Emnet nevner «{signal.Words}»",
        SignalKind.Attachment => $"Vedlegg: {signal.Text}",
        SignalKind.Sender => $"Avsender: {signal.Text}",
        SignalKind.SenderKind => $"Avsenderen er {SenderText(signal.Text)}",
        _ => Capitalised(CueText(signal.Text)!),
    };

    private static string Suggestion(MailAction action, string? unitName) => action switch
    {
        MailAction.Journalfor => $"Foreslår å journalføre meldingen og fordele den til {unitName}",
        MailAction.Videresend => $"Foreslår å videresende meldingen til {unitName}",
        _ => "Foreslår å slette meldingen",
    };

    private static string Verb(MailAction action) => action switch
    {
        MailAction.Journalfor => "journalføre",
        MailAction.Videresend => "videresende",
        _ => "slette",
    };

    private static string Certainty(double confidence) => confidence switch
    {
        >= 0.85 => "høy sikkerhet",
        >= 0.6 => "middels sikkerhet",
        _ => "lav sikkerhet",
    };

    private static string SenderText(string kind) => kind switch
    {
        nameof(SenderKind.PrivatePerson) => "en privatperson",
        nameof(SenderKind.Municipality) => "en kommune",
        nameof(SenderKind.PublicAuthority) => "en offentlig myndighet",
        _ => "en virksomhet eller organisasjon",
    };

    private static string? CueText(string cue) => cue switch
    {
        nameof(MessageCues.AutoReply) => "meldingen er et automatisk svar",
        nameof(MessageCues.DeliveryFailure) => "meldingen sier at en e-post ikke kom fram",
        nameof(MessageCues.ReadReceipt) => "meldingen er en lesebekreftelse",
        nameof(MessageCues.Reply) => "meldingen er et svar i en tidligere tråd",
        nameof(MessageCues.Forwarded) => "meldingen er videresendt",
        nameof(MessageCues.AutomatedSender) => "avsenderadressen ikke tar imot svar",
        nameof(MessageCues.Unsubscribe) => "meldingen har en avmeldingslenke, slik nyhetsbrev har",
        "Empty" => "meldingen er tom",
        _ => null,
    };

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " og " + list[^1];
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
