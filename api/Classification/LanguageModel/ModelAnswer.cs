using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Api.Classification.LanguageModel;

/// <summary>What the model must answer, checked on our side as well: self-hosted servers may not enforce the schema.</summary>
public sealed record ModelAnswer(
    MailAction Action, string? Unit, double Confidence, string Explanation, IReadOnlyList<string> Reasons, IReadOnlyList<string> Flags)
{
    public const string SchemaName = "postmottak_forslag";
    public const int MaxReasons = 3;
    public const int MaxExplanationLength = 600;
    public const int MaxReasonLength = 200;

    /// <summary>The flags a model may set; <c>fallback</c> is ours alone.</summary>
    public static readonly IReadOnlyList<string> ModelFlags =
        [SuggestionFlags.Sensitive, SuggestionFlags.Deadline, SuggestionFlags.PossibleManipulation];

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] Fields = ["reasons", "flags", "action", "unit", "confidence", "explanation"];
    private static readonly string[] ActionIds = Enum.GetValues<MailAction>().Select(a => a.ToId()).ToArray();

    /// <summary>
    /// The strict JSON schema: every property required, nothing else allowed, unit one of this mailbox's ids
    /// or null. Reasons come first so the model states them before it decides.
    /// </summary>
    public static BinaryData Schema(MailboxDirectory directory)
    {
        var unitIds = new JsonArray(directory.Units.Select(u => (JsonNode?)JsonValue.Create(u.Id)).Append(null).ToArray());
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["reasons"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = $"Høyst {MaxReasons} korte grunner på norsk bokmål.",
                    ["items"] = new JsonObject { ["type"] = "string" },
                },
                ["flags"] = new JsonObject
                {
                    ["type"] = "array",
                    ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(ModelFlags.Select(f => (JsonNode?)f).ToArray()) },
                },
                ["action"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(ActionIds.Select(a => (JsonNode?)a).ToArray()) },
                ["unit"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = unitIds },
                ["confidence"] = new JsonObject { ["type"] = "number", ["description"] = "Mellom 0 og 1." },
                ["explanation"] = new JsonObject { ["type"] = "string", ["description"] = "Én eller to setninger på norsk bokmål." },
            },
            ["required"] = new JsonArray(Fields.Select(f => (JsonNode?)f).ToArray()),
            ["additionalProperties"] = false,
        };
        return BinaryData.FromString(schema.ToJsonString(Unescaped));
    }

    /// <summary>Parses and checks an answer against the schema and the directory.</summary>
    public static (ModelAnswer? Answer, AnswerProblem? Problem) Parse(string content, MailboxDirectory directory)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(content);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, new("invalid-json", "svaret var ikke gyldig JSON"));
        }
        if (root.ValueKind != JsonValueKind.Object) return (null, new("not-an-object", "svaret var ikke et JSON-objekt"));

        if (root.EnumerateObject().Any(p => !Fields.Contains(p.Name)))
            return (null, new("unknown-field", "svaret hadde felt utenom skjemaet"));

        if (!root.TryGetProperty("action", out var actionValue) || actionValue.ValueKind != JsonValueKind.String
            || !MailActions.TryParse(actionValue.GetString(), out var action))
            return (null, new("invalid-action", "svaret hadde ingen gyldig handling"));

        string? unit = null;
        if (!root.TryGetProperty("unit", out var unitValue)) return (null, new("missing-unit", "svaret manglet enhet"));
        if (unitValue.ValueKind == JsonValueKind.String) unit = unitValue.GetString();
        else if (unitValue.ValueKind != JsonValueKind.Null) return (null, new("invalid-unit", "enheten i svaret var ikke en tekst"));
        if (action == MailAction.Slett) unit = null;
        else if (directory.Find(unit) is null) return (null, new("unknown-unit", "svaret pekte på en enhet som ikke finnes i postmottakets enhetsliste"));

        if (!root.TryGetProperty("confidence", out var confidenceValue) || confidenceValue.ValueKind != JsonValueKind.Number
            || confidenceValue.GetDouble() is var confidence && confidence is < 0 or > 1)
            return (null, new("invalid-confidence", "svaret hadde ingen sikkerhet mellom 0 og 1"));

        if (!root.TryGetProperty("explanation", out var explanationValue) || explanationValue.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(explanationValue.GetString()) || explanationValue.GetString()!.Length > MaxExplanationLength)
            return (null, new("invalid-explanation", "svaret hadde ingen brukbar forklaring"));

        var reasons = Strings(root, "reasons");
        if (reasons is null || reasons.Count > MaxReasons || reasons.Any(r => r.Length is 0 or > MaxReasonLength))
            return (null, new("invalid-reasons", $"svaret hadde ikke en liste med høyst {MaxReasons} korte grunner"));

        var flags = Strings(root, "flags");
        if (flags is null || flags.Any(f => !ModelFlags.Contains(f)))
            return (null, new("unknown-flag", "svaret hadde ukjente flagg"));

        return (new ModelAnswer(action, unit, confidence, explanationValue.GetString()!.Trim(), reasons, flags.Distinct().ToList()), null);
    }

    private static List<string>? Strings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array) return null;
        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return null;
            list.Add(item.GetString()!.Trim());
        }
        return list;
    }
}

/// <summary>Why an answer cannot be used: a code for the logs, a text for staff.</summary>
public sealed record AnswerProblem(string Code, string Text);
