using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailAssist.Tests.Infrastructure;

/// <summary>Builds messages in the contract's shape.</summary>
public static class TestMessages
{
    public const string DemoMailbox = "postmottak@eksempel.kommune.no";

    public static JsonObject Message(string subject = "Spørsmål om tømming av søppel", string body = "Når blir søpla tømt i Storgata?",
        string from = "Kari Nordmann <kari@example.no>", string? id = null, JsonArray? attachments = null) => new()
    {
        ["mailbox"] = DemoMailbox,
        ["internetMessageId"] = id ?? $"<{Guid.NewGuid():N}@example.no>",
        ["from"] = from,
        ["to"] = new JsonArray(DemoMailbox),
        ["cc"] = new JsonArray(),
        ["subject"] = subject,
        ["body"] = body,
        ["bodyHtml"] = null,
        ["attachments"] = attachments ?? new JsonArray(),
        ["receivedAt"] = "2026-10-14T08:31:00+02:00",
    };

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static Task<HttpResponseMessage> ClassifyAsync(this HttpClient client, JsonObject message) =>
        client.PostAsync("/api/classify", new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient client, string suggestionId, string action, string? unit, string key,
        string? messageRestId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/suggestions/{suggestionId}/decision")
        {
            Content = JsonContent.Create(new { action, unit, messageRestId }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
