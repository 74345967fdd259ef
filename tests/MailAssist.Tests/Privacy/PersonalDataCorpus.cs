using System.Text.Json;
using System.Text.Json.Nodes;
using MailAssist.Api.Messages;

namespace MailAssist.Tests.Privacy;

/// <summary>
/// The team's own corpus of realistic messages full of personal data (Corpus/personal-data.jsonl):
/// each line is a message in the contract's shape plus "personal", the strings that must never
/// reach a model, the database or a log, and "decoys", look-alikes that must survive redaction.
/// </summary>
public sealed record CorpusMessage(string Id, JsonObject Message, IReadOnlyList<string> Personal, IReadOnlyList<string> Decoys)
{
    public IncomingMessage ToIncoming() =>
        MessageReader.Read(JsonDocument.Parse(Message.ToJsonString()).RootElement).Message
            ?? throw new InvalidOperationException($"Corpus message {Id} is not a valid message.");

    public override string ToString() => Id;
}

public static class PersonalDataCorpus
{
    public static IReadOnlyList<CorpusMessage> All { get; } = Load();

    /// <summary>Every personal string of the corpus.</summary>
    public static IReadOnlyList<string> Personal { get; } = All.SelectMany(m => m.Personal).Distinct().ToList();

    public static IReadOnlyList<string> Decoys { get; } = All.SelectMany(m => m.Decoys).Distinct().ToList();

    private static List<CorpusMessage> Load()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "Privacy", "Corpus", "personal-data.jsonl");
        return File.ReadLines(path).Where(line => line.Length > 0).Select(line =>
        {
            var json = JsonNode.Parse(line)!.AsObject();
            var personal = json["personal"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var decoys = json["decoys"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var id = json["id"]!.GetValue<string>();
            foreach (var extra in new[] { "id", "personal", "decoys" }) json.Remove(extra);
            return new CorpusMessage(id, json, personal, decoys);
        }).ToList();
    }
}
