using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using OpenAI.Chat;

namespace MailAssist.Api.Classification.LanguageModel;

/// <summary>
/// The instructions (the same for every message of a mailbox, so a provider can cache them) and the
/// message as data between markers whose code is random per request. The data cannot close the
/// markers: their bracket characters and invisible format characters are taken out of it.
/// </summary>
public static class PromptBuilder
{
    public const int MaxExamples = 3;
    public const int MaxExampleTokens = 150;
    public const int MaxSubjectTokens = 100;
    public const int MaxAttachmentNames = 20;
    public const int MaxAttachmentNameLength = 120;
    private const char Open = '⟦', Close = '⟧';

    public static Prompt Build(ClassificationInput input, int maxInputTokens)
    {
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return new Prompt(Instructions(input.Directory), Data(input, code, maxInputTokens), code);
    }

    public static string Instructions(MailboxDirectory directory)
    {
        var units = new StringBuilder("# Enheter (id: navn – hva enheten eier)\n");
        foreach (var unit in directory.Units) units.Append(CultureInfo.InvariantCulture, $"- {unit.Id}: {unit.Name} – {unit.Owns}\n");
        return $"""
            Du hjelper arkivtjenesten med å sortere e-post som kommer til postmottaket «{directory.DisplayName}».
            For hver melding foreslår du én handling og, unntatt ved sletting, enheten som eier saken.
            En saksbehandler ser forslaget før noe skjer.

            {HandlingRoutine.Actions}

            {HandlingRoutine.Rules}

            {units}
            {HandlingRoutine.Safety}

            {HandlingRoutine.Answer}
            """;
    }

    private static string Data(ClassificationInput input, string code, int maxInputTokens)
    {
        var data = new StringBuilder();
        var examples = input.Examples.Take(MaxExamples).ToList();
        if (examples.Count > 0)
        {
            data.Append("Lignende meldinger som saksbehandlere har avgjort tidligere, til sammenligning (også de er data):\n");
            foreach (var example in examples)
            {
                data.Append(CultureInfo.InvariantCulture, $"{Open}EKSEMPEL {code}{Close}\n");
                data.Append("Emne: ").Append(AsData(TokenEstimate.Cap(example.Subject, MaxSubjectTokens))).Append('\n');
                data.Append(AsData(TokenEstimate.Cap(example.Text, MaxExampleTokens))).Append('\n');
                data.Append(CultureInfo.InvariantCulture, $"{Open}/EKSEMPEL {code}{Close}\n");
                data.Append("Avgjort: ").Append(example.Action.ToId()).Append(example.Unit is null ? "" : $" til {example.Unit}").Append("\n\n");
            }
        }

        var m = input.Message;
        data.Append(CultureInfo.InvariantCulture, $"Vurder meldingen mellom {Open}MELDING {code}{Close} og {Open}/MELDING {code}{Close}.\n");
        data.Append(CultureInfo.InvariantCulture, $"{Open}MELDING {code}{Close}\n");
        data.Append("Avsender: ").Append(AsData(m.SenderDomain.Length == 0 ? "ukjent domene" : $"domenet {m.SenderDomain}"))
            .Append(" (").Append(Describe(m.SenderKind)).Append(")\n");
        if (Describe(m.Cues) is { Length: > 0 } cues) data.Append("Kjennetegn: ").Append(cues).Append('\n');
        data.Append("Emne: ").Append(AsData(TokenEstimate.Cap(m.Subject, MaxSubjectTokens))).Append('\n');
        if (m.AttachmentNames.Count > 0)
        {
            var names = m.AttachmentNames.Take(MaxAttachmentNames)
                .Select(n => AsData(n.Length <= MaxAttachmentNameLength ? n : n[..MaxAttachmentNameLength] + "…"));
            data.Append("Vedlegg: ").AppendJoin("; ", names)
                .Append(m.AttachmentNames.Count > MaxAttachmentNames ? $" og {m.AttachmentNames.Count - MaxAttachmentNames} til" : "").Append('\n');
        }
        data.Append("Tekst:\n").Append(AsData(TokenEstimate.Cap(m.Text, maxInputTokens))).Append('\n');
        data.Append(CultureInfo.InvariantCulture, $"{Open}/MELDING {code}{Close}\n");
        return data.ToString();
    }

    /// <summary>Text as it may stand between the markers: no marker brackets, no invisible format or control characters.</summary>
    public static string AsData(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == Open) clean.Append('[');
            else if (rune.Value == Close) clean.Append(']');
            else if (rune.Value is '\n' or '\t') clean.Append((char)rune.Value);
            else if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format) continue;
            else clean.Append(rune.ToString());
        }
        return clean.ToString();
    }

    private static string Describe(SenderKind kind) => kind switch
    {
        SenderKind.PrivatePerson => "privatperson",
        SenderKind.Municipality => "kommune",
        SenderKind.PublicAuthority => "offentlig myndighet",
        SenderKind.Organisation => "virksomhet eller organisasjon",
        _ => "ukjent avsendertype",
    };

    private static string Describe(MessageCues cues)
    {
        var words = new List<string>();
        if (cues.HasFlag(MessageCues.AutoReply)) words.Add("automatisk svar");
        if (cues.HasFlag(MessageCues.DeliveryFailure)) words.Add("feilmelding om levering");
        if (cues.HasFlag(MessageCues.ReadReceipt)) words.Add("lesebekreftelse");
        if (cues.HasFlag(MessageCues.Reply)) words.Add("svar på en tidligere e-post");
        if (cues.HasFlag(MessageCues.Forwarded)) words.Add("videresendt");
        if (cues.HasFlag(MessageCues.HiddenText)) words.Add("inneholdt skjult tekst");
        return string.Join(", ", words);
    }
}

/// <summary>A prompt: the mailbox's instructions, the data with its markers, and the markers' random code.</summary>
public sealed record Prompt(string Instructions, string Data, string Code)
{
    public IReadOnlyList<ChatMessage> Messages => [new SystemChatMessage(Instructions), new UserChatMessage(Data)];

    /// <summary>Estimated prompt tokens, the response schema included (providers count it as prompt).</summary>
    public int EstimatedTokens(BinaryData schema) => TokenEstimate.Of(Instructions) + TokenEstimate.Of(Data) + TokenEstimate.Of(schema.ToString());
}
