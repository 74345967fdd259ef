using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailAssist.Api.MailboxActions;

/// <summary>
/// The optional "messageRestId" of a request: the message's id in Outlook's REST API, as the task pane gets it
/// from Office.js (convertToRestId). It goes into Graph URLs, so only the characters such ids have are accepted.
/// </summary>
public static partial class MessageRestIds
{
    public const string Field = "messageRestId";
    public const int MaxLength = 1024;

    public static string? Read(JsonElement json, Dictionary<string, string[]> errors)
    {
        if (!json.TryGetProperty(Field, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= MaxLength } id && RestId().IsMatch(id)) return id;
        errors[Field] = [$"E-postens id fra Outlook (convertToRestId) er ugyldig (høyst {MaxLength} tegn: bokstaver, tall og + / = _ -)."];
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9+/=_-]+$")]
    private static partial Regex RestId();
}
