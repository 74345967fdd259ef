using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailAssist.Tests.Infrastructure;

/// <summary>
/// An OpenAI-compatible chat completions server (a <see cref="FakeServer"/>), scripted per test: each
/// request takes the next scripted response (or the default one) and is recorded with its JSON body.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<ChatRequest> _requests = new();
    private FakeServer _server = null!;

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The OpenAI-style base URL a self-hosted server offers.</summary>
    public Uri V1 => new(BaseAddress, "v1/");

    /// <summary>The Azure OpenAI v1 endpoint's path on this server.</summary>
    public Uri AzureV1 => new(BaseAddress, "openai/v1/");

    public Func<HttpContext, Task> Default { get; set; } = Verdict("videresend", "teknisk");

    public IReadOnlyList<ChatRequest> Requests => _requests.ToList();

    /// <summary>Starts the server; with <paramref name="https"/>, behind <see cref="FakeServer.Certificate"/>.</summary>
    public static async Task<FakeOpenAiServer> StartAsync(bool https = false)
    {
        var fake = new FakeOpenAiServer();
        fake._server = await FakeServer.StartAsync((app, _) =>
        {
            app.MapPost("/v1/chat/completions", fake.HandleAsync);
            app.MapPost("/openai/v1/chat/completions", fake.HandleAsync);
        }, https);
        return fake;
    }

    public void Enqueue(params Func<HttpContext, Task>[] responses)
    {
        foreach (var response in responses) _script.Enqueue(response);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        _requests.Enqueue(new ChatRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body, DateTime.UtcNow));
        await (_script.TryDequeue(out var scripted) ? scripted : Default)(context);
    }

    /// <summary>A chat completion whose message content is <paramref name="content"/>.</summary>
    public static Func<HttpContext, Task> Answer(string? content, string finishReason = "stop", string? refusal = null,
        int promptTokens = 1834, int completionTokens = 97) => context =>
    {
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-{Guid.NewGuid():N}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "fake-model",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = refusal },
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString());
    };

    /// <summary>A valid answer in the classifier's schema.</summary>
    public static Func<HttpContext, Task> Verdict(string action, string? unit, double confidence = 0.93, params string[] flags) =>
        Answer(VerdictJson(action, unit, confidence, flags));

    public static string VerdictJson(string action, string? unit, double confidence = 0.93, params string[] flags) => new JsonObject
    {
        ["reasons"] = new JsonArray("Meldingen gjelder vann og avløp."),
        ["flags"] = new JsonArray(flags.Select(f => (JsonNode?)f).ToArray()),
        ["action"] = action,
        ["unit"] = unit,
        ["confidence"] = confidence,
        ["explanation"] = "Spørsmål om vannlekkasje går til kommunalteknikk.",
    }.ToJsonString();

    /// <summary>An error response in OpenAI's shape, with optional headers such as Retry-After.</summary>
    public static Func<HttpContext, Task> Error(int status, string code = "server_error", params (string Name, string Value)[] headers) => context =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["error"] = new JsonObject { ["message"] = $"Fake {status}", ["type"] = null, ["param"] = null, ["code"] = code } };
        return context.Response.WriteAsync(error.ToJsonString());
    };

    /// <summary>Never answers, until the client gives up.</summary>
    public static Func<HttpContext, Task> Hang => context => Task.Delay(Timeout.Infinite, context.RequestAborted);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

public sealed record ChatRequest(string Path, string Authorization, JsonElement Body, DateTime ReceivedAt)
{
    public string SystemPrompt => Content(0);
    public string UserPrompt => Content(1);

    /// <summary>A message's content, given as a string or as text parts.</summary>
    private string Content(int index)
    {
        var content = Body.GetProperty("messages")[index].GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
    }
}
