using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailAssist.Tests.Auth;
using MailAssist.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MailAssist.Tests.MailboxActions;

/// <summary>
/// Microsoft Graph's mail API on 127.0.0.1 for shared mailboxes: messages with REST and immutable ids, folders,
/// forward, move and category updates, as Graph answers them; it records every request (through
/// <see cref="FakeServer"/>) and every answer with its time, and fails operations on request.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    public const string DeletedItemsId = "folder-deleteditems";
    public const string InboxId = "folder-inbox";

    private readonly ConcurrentDictionary<string, FakeMessage> _messages = new();
    private readonly ConcurrentDictionary<string, string> _folders = new(new Dictionary<string, string> { [InboxId] = "Inbox", [DeletedItemsId] = "Deleted Items" });
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new();
    private int _next;

    private FakeGraph(FakeServer server) => Server = server;

    public FakeServer Server { get; }

    public string BaseUrl => $"{Server.BaseAddress}v1.0";

    /// <summary>Every answer: when, to which operation, with which status.</summary>
    public ConcurrentQueue<Answer> Answers { get; } = new();

    /// <summary>How long a forward takes to answer after Graph has sent it.</summary>
    public TimeSpan ForwardDelay { get; set; }

    public IEnumerable<RecordedRequest> Requests => Server.Requests;

    /// <summary>The ids of the messages Graph forwarded, once for each forward it sent (whether or not its answer arrived).</summary>
    public ConcurrentQueue<string> Forwards { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        FakeGraph graph = null!;
        var server = await FakeServer.StartAsync((app, _) => Map(app, () => graph));
        graph = new FakeGraph(server);
        return graph;
    }

    /// <summary>A message in a mailbox's inbox; returns its REST id (what Office.js convertToRestId gives the pane).</summary>
    public string AddMessage(string internetMessageId, params string[] categories)
    {
        var n = Interlocked.Increment(ref _next);
        var message = new FakeMessage($"AAMkRest{n}", $"AAkImmutable{n}", internetMessageId) { FolderId = InboxId, Categories = [.. categories] };
        _messages[message.RestId] = message;
        _messages[message.ImmutableId] = message;
        return message.RestId;
    }

    public FakeMessage Message(string id) => _messages[id];

    public string AddFolder(string displayName)
    {
        var id = $"folder-{Interlocked.Increment(ref _next)}";
        _folders[id] = displayName;
        return id;
    }

    public string? FolderNamed(string displayName) => _folders.FirstOrDefault(f => f.Value == displayName).Key;

    public void RemoveFolder(string displayName)
    {
        if (FolderNamed(displayName) is { } id) _folders.TryRemove(id, out _);
    }

    /// <summary>The next <paramref name="times"/> calls of the operation get this status (and Retry-After, when given).</summary>
    public void Fail(string operation, int times, int status, string? retryAfter = null)
    {
        var queue = _faults.GetOrAdd(operation, _ => new ConcurrentQueue<Fault>());
        for (var i = 0; i < times; i++) queue.Enqueue(new Fault(status, retryAfter));
    }

    public void ClearFaults() => _faults.Clear();

    private static void Map(WebApplication app, Func<FakeGraph> graph)
    {
        var users = app.MapGroup("/v1.0/users/{mailbox}");
        users.MapGet("/messages/{id}", (HttpContext http, string id) => graph().Handle(http, "get", id, m => graph().Json(http, m, 200)));
        users.MapPatch("/messages/{id}", (HttpContext http, string id, JsonObject body) => graph().Handle(http, "patch", id, m =>
        {
            m.Categories = body["categories"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            return graph().Json(http, m, 200);
        }));
        users.MapPost("/messages/{id}/forward", (HttpContext http, string id) => graph().Handle(http, "forward", id, async _ =>
        {
            graph().Forwards.Enqueue(id);
            await Task.Delay(graph().ForwardDelay);
            return Results.Accepted();
        }));
        users.MapPost("/messages/{id}/move", (HttpContext http, string id, JsonObject body) => graph().Handle(http, "move", id, m =>
        {
            var destination = body["destinationId"]!.GetValue<string>();
            m.FolderId = destination == "deleteditems" ? DeletedItemsId : destination;
            return graph().Json(http, m, 201);
        }));
        users.MapGet("/mailFolders/{name}", (HttpContext http, string name) => graph().Handle(http, "get-folder", null, _ =>
            name == "deleteditems" ? Results.Json(new { id = DeletedItemsId, displayName = "Deleted Items" }) : NotFound()));
        users.MapGet("/mailFolders", (HttpContext http, string mailbox) => graph().Handle(http, "find-folder", null, _ =>
        {
            var name = http.Request.Query["$filter"].ToString().Replace("displayName eq '", "").TrimEnd('\'').Replace("''", "'");
            return Results.Json(new { value = graph()._folders.Where(f => f.Value == name).Select(f => new { id = f.Key, displayName = f.Value }) });
        }));
        users.MapPost("/mailFolders", (HttpContext http, JsonObject body) => graph().Handle(http, "create-folder", null, _ =>
        {
            var name = body["displayName"]!.GetValue<string>();
            if (graph()._folders.Values.Contains(name))
                return Results.Json(new { error = new { code = "ErrorFolderExists", message = "A folder with the specified name already exists." } }, statusCode: 409);
            var id = graph().AddFolder(name);
            return Results.Json(new { id, displayName = name }, statusCode: 201);
        }));
    }

    private Task<IResult> Handle(HttpContext http, string operation, string? messageId, Func<FakeMessage, IResult> answer) =>
        Handle(http, operation, messageId, m => Task.FromResult(answer(m)));

    private async Task<IResult> Handle(HttpContext http, string operation, string? messageId, Func<FakeMessage, Task<IResult>> answer)
    {
        http.Response.Headers["request-id"] = Guid.NewGuid().ToString();
        IResult result;
        if (http.Request.Headers.Authorization != $"Bearer {FakeEntraId.GraphToken}")
            result = Results.Json(new { error = new { code = "InvalidAuthenticationToken" } }, statusCode: 401);
        else if (_faults.TryGetValue(operation, out var faults) && faults.TryDequeue(out var fault))
        {
            if (fault.RetryAfter is not null) http.Response.Headers.RetryAfter = fault.RetryAfter;
            result = Results.Json(new { error = new { code = fault.Status == 429 ? "TooManyRequests" : "ServiceNotAvailable" } }, statusCode: fault.Status);
        }
        else if (messageId is not null && !_messages.ContainsKey(messageId))
            result = NotFound();
        else
            result = await answer(messageId is null ? null! : _messages[messageId]);
        Answers.Enqueue(new Answer(DateTimeOffset.UtcNow, operation, messageId, (result as IStatusCodeHttpResult)?.StatusCode ?? 200));
        return result;
    }

    /// <summary>A message as Graph returns it: with its immutable id only when the request asked for immutable ids.</summary>
    private IResult Json(HttpContext http, FakeMessage m, int status)
    {
        var immutable = http.Request.Headers["Prefer"].ToString().Contains("IdType=\"ImmutableId\"", StringComparison.Ordinal);
        return Results.Json(new
        {
            id = immutable ? m.ImmutableId : m.RestId,
            internetMessageId = m.InternetMessageId,
            categories = m.Categories,
            parentFolderId = m.FolderId,
        }, statusCode: status);
    }

    private static IResult NotFound() =>
        Results.Json(new { error = new { code = "ErrorItemNotFound", message = "The specified object was not found in the store." } }, statusCode: 404);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private sealed record Fault(int Status, string? RetryAfter);

    public sealed record Answer(DateTimeOffset At, string Operation, string? MessageId, int Status);

    /// <summary>Request bodies as JSON, for asserting the exact calls.</summary>
    public static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;
}

public sealed class FakeMessage(string restId, string immutableId, string internetMessageId)
{
    public string RestId { get; } = restId;
    public string ImmutableId { get; } = immutableId;
    public string InternetMessageId { get; } = internetMessageId;
    public string FolderId { get; set; } = FakeGraph.InboxId;
    public List<string> Categories { get; set; } = [];
}
