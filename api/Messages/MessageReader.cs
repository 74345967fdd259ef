using System.Text.Json;

namespace MailAssist.Api.Messages;

/// <summary>
/// Reads the contract's message shape from JSON by hand, so that every rejection names the field
/// at fault (the framework's binder reports only that the body was malformed).
/// </summary>
public static class MessageReader
{
    public const int MaxAttachments = 100;
    public const int MaxRecipients = 500;
    public const int MaxIdLength = 998;
    public const int MaxAddressLength = 512;
    public const int MaxSubjectLength = 2_000;
    public const int MaxAttachmentNameLength = 512;

    public static MessageReadResult Read(JsonElement json)
    {
        var errors = new Dictionary<string, string[]>();
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors[""] = ["Forventet et JSON-objekt."];
            return new(null, errors);
        }

        var mailbox = String(json, "mailbox", MaxAddressLength, errors);
        var id = String(json, "internetMessageId", MaxIdLength, errors);
        if (id is null && !errors.ContainsKey("internetMessageId"))
            errors["internetMessageId"] = ["Feltet er påkrevd."];
        else if (id is not null && string.IsNullOrWhiteSpace(id))
            errors["internetMessageId"] = ["Feltet kan ikke være tomt."];

        var message = new IncomingMessage(
            mailbox,
            id ?? "",
            String(json, "from", MaxAddressLength, errors),
            Strings(json, "to", errors),
            Strings(json, "cc", errors),
            String(json, "subject", MaxSubjectLength, errors),
            String(json, "body", int.MaxValue, errors),
            String(json, "bodyHtml", int.MaxValue, errors),
            Attachments(json, errors),
            Timestamp(json, "receivedAt", errors));

        return errors.Count == 0 ? new(message, errors) : new(null, errors);
    }

    private static string? String(JsonElement json, string name, int maxLength, Dictionary<string, string[]> errors)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = ["Feltet må være en tekst."];
            return null;
        }
        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            errors[name] = [$"Feltet kan være høyst {maxLength} tegn langt."];
            return null;
        }
        return text;
    }

    private static IReadOnlyList<string> Strings(JsonElement json, string name, Dictionary<string, string[]> errors)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors[name] = ["Feltet må være en liste med adresser."];
            return [];
        }
        if (value.GetArrayLength() > MaxRecipients)
        {
            errors[name] = [$"Høyst {MaxRecipients} adresser."];
            return [];
        }
        var list = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length > MaxAddressLength)
            {
                errors[$"{name}[{index}]"] = ["Hver adresse må være en tekst på høyst 512 tegn."];
                return [];
            }
            list.Add(item.GetString()!);
            index++;
        }
        return list;
    }

    private static IReadOnlyList<Attachment> Attachments(JsonElement json, Dictionary<string, string[]> errors)
    {
        if (!json.TryGetProperty("attachments", out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors["attachments"] = ["Feltet må være en liste med vedlegg."];
            return [];
        }
        if (value.GetArrayLength() > MaxAttachments)
        {
            errors["attachments"] = [$"Høyst {MaxAttachments} vedlegg."];
            return [];
        }
        var list = new List<Attachment>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var field = $"attachments[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors[field] = ["Vedlegget må være et objekt med name, contentType og size."];
                continue;
            }
            var name = String(item, "name", MaxAttachmentNameLength, errors);
            if (errors.Remove("name", out var nameErrors)) errors[$"{field}.name"] = nameErrors;
            var contentType = String(item, "contentType", MaxAddressLength, errors);
            if (errors.Remove("contentType", out var typeErrors)) errors[$"{field}.contentType"] = typeErrors;
            long size = 0;
            if (item.TryGetProperty("size", out var sizeValue) && sizeValue.ValueKind != JsonValueKind.Null
                && (!sizeValue.TryGetInt64(out size) || size < 0))
                errors[$"{field}.size"] = ["Størrelsen må være et heltall på minst 0."];
            list.Add(new Attachment(name ?? "", contentType, size));
        }
        return list;
    }

    private static DateTimeOffset? Timestamp(JsonElement json, string name, Dictionary<string, string[]> errors)
    {
        if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at)) return at;
        errors[name] = ["Feltet må være et tidspunkt i ISO 8601-format."];
        return null;
    }
}

public sealed record MessageReadResult(IncomingMessage? Message, IReadOnlyDictionary<string, string[]> Errors);
