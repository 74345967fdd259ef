using System.Reflection;
using System.Text.Json;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.Evaluation;

/// <summary>A line of an evaluation file or of the corpus: the contract's message with an id and the expected answer.</summary>
public sealed record EvaluationLine(string Id, IncomingMessage Message, MailAction ExpectedAction, string? ExpectedUnit);

public sealed class EvaluationFileException(string message) : Exception(message);

/// <summary>Reads JSON Lines of labelled messages; a bad line is reported by its number and field.</summary>
public static class EvaluationFile
{
    public static List<EvaluationLine> Read(TextReader reader, string name)
    {
        var lines = new List<EvaluationLine>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            lines.Add(Parse(text, $"{name}, line {number}"));
        }
        return lines;
    }

    public static List<EvaluationLine> ReadFile(string path)
    {
        if (!File.Exists(path)) throw new EvaluationFileException($"File not found: {Path.GetFullPath(path)}");
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>The corpus split compiled into the API ("train" or "test"), so the shipped model serves from day one.</summary>
    public static List<EvaluationLine> ReadCorpus(string split)
    {
        var resource = $"Corpus.{split}.jsonl";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The corpus resource {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Read(reader, resource);
    }

    private static EvaluationLine Parse(string text, string where)
    {
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new EvaluationFileException($"{where}: not valid JSON ({e.Message})");
        }
        var read = MessageReader.Read(json);
        if (read.Message is not { } message)
            throw new EvaluationFileException($"{where}: {string.Join("; ", read.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        var id = json.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString()! : message.InternetMessageId;
        if (!json.TryGetProperty("expected", out var expected) || expected.ValueKind != JsonValueKind.Object)
            throw new EvaluationFileException($"{where}: \"expected\" must be an object with \"action\" and \"unit\"");
        var actionId = expected.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (!MailActions.TryParse(actionId, out var action))
            throw new EvaluationFileException($"{where}: expected.action must be journalfor, videresend or slett");
        var unit = expected.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        if (action == MailAction.Slett != (unit is null))
            throw new EvaluationFileException($"{where}: expected.unit must be null exactly when expected.action is slett");
        if (unit is not null && !StandardUnits.IsKnown(unit))
            throw new EvaluationFileException($"{where}: expected.unit '{unit}' is not a unit of the demo mailbox");
        return new EvaluationLine(id, message, action, unit);
    }
}
