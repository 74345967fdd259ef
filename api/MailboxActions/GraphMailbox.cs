using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MailAssist.Api.Auth;
using MailAssist.Api.Messages;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly;
using Polly.Timeout;

namespace MailAssist.Api.MailboxActions;

/// <summary>
/// The shared mailbox in Exchange Online, through Microsoft Graph's REST API on behalf of the signed-in person
/// (delegated Mail.ReadWrite.Shared and Mail.Send.Shared). Asks for immutable ids, so the message keeps its id
/// when it moves and a later attempt finds it where the earlier one left it.
/// </summary>
public sealed class GraphMailbox(
    IHttpClientFactory httpClients, OnBehalfOfTokens tokens, MessageKeys keys, IOptions<GraphOptions> options, TimeProvider time,
    ILogger<GraphMailbox> logger) : IMailbox
{
    public const string HttpClientName = "Graph";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = GraphResilience.Build(options.Value, time, logger);
    private readonly IHttpClientFactory _httpClients = httpClients;
    private readonly string _baseUrl = options.Value.BaseUrl.TrimEnd('/');
    private readonly ILogger _logger = logger;

    public async Task<IMailboxMessage> OpenAsync(MessageLocator locator, CancellationToken cancellationToken)
    {
        if (locator.MessageId is null) throw new MailboxActionException(MailboxErrors.MessageIdMissing);
        var session = new Session(this, locator, await GraphTokenAsync(locator.UserAccessToken, cancellationToken),
            time.GetUtcNow() + options.Value.TotalTimeout);
        var found = await session.ReadAsync<GraphMessage>(HttpMethod.Get,
            $"messages/{Uri.EscapeDataString(locator.MessageId)}?$select=internetMessageId,categories,parentFolderId", null, cancellationToken);
        if (found.InternetMessageId is null || !keys.For(locator.MailboxId, found.InternetMessageId).AsSpan().SequenceEqual(locator.MessageKey))
            throw new MailboxActionException(MailboxErrors.MessageMismatch);
        return new Message(session, found.Id, found.Categories ?? [], found.ParentFolderId);
    }

    private async Task<string> GraphTokenAsync(string? userAccessToken, CancellationToken cancellationToken)
    {
        if (userAccessToken is null) throw new MailboxActionException(MailboxErrors.SignInFailed);
        try
        {
            return await tokens.AcquireGraphTokenAsync(userAccessToken, cancellationToken);
        }
        catch (MsalUiRequiredException e) when (e.Classification == UiRequiredExceptionClassification.ConsentRequired
            || e.Message.Contains("AADSTS65001", StringComparison.Ordinal))
        {
            _logger.LogWarning("The on-behalf-of token for Graph needs consent ({ErrorCode})", e.ErrorCode);
            throw new MailboxActionException(MailboxErrors.ConsentRequired);
        }
        catch (MsalException e)
        {
            _logger.LogWarning("The on-behalf-of token for Graph was refused ({ErrorCode})", e.ErrorCode);
            throw new MailboxActionException(MailboxErrors.SignInFailed);
        }
    }

    /// <summary>One action's calls: the person's Graph token, the mailbox, and the deadline Retry-After waits must fit in.</summary>
    private sealed class Session(GraphMailbox graph, MessageLocator locator, string token, DateTimeOffset deadline)
    {
        private readonly string _root = $"{graph._baseUrl}/users/{Uri.EscapeDataString(locator.MailboxAddress)}/";

        public async Task<T> ReadAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken,
            HttpStatusCode? alsoAccept = null)
        {
            using var response = await SendAsync(method, path, body, repeatable: true, cancellationToken, alsoAccept);
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new JsonException($"Graph answered {method} with an empty body.");
        }

        /// <summary>
        /// Sends with retries and turns a failure into a <see cref="MailboxActionException"/>. For a request that is not
        /// <paramref name="repeatable"/>, says whether it may have been carried out: only the last attempt can have
        /// been, since earlier ones were retried only when Graph refused them or they never left.
        /// </summary>
        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, bool repeatable,
            CancellationToken cancellationToken, HttpStatusCode? alsoAccept = null)
        {
            var http = graph._httpClients.CreateClient(HttpClientName);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(GraphResilience.Repeatable, repeatable);
            context.Properties.Set(GraphResilience.Deadline, deadline);
            var inFlight = false;
            try
            {
                var response = await graph._pipeline.ExecuteAsync(async attempt =>
                {
                    using var request = new HttpRequestMessage(method, _root + path);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    request.Headers.Add("client-request-id", Guid.NewGuid().ToString());
                    request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
                    if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
                    inFlight = true;
                    try
                    {
                        var answer = await http.SendAsync(request, attempt.CancellationToken);
                        inFlight = false;
                        if (answer.Headers.TryGetValues("request-id", out var ids)) locator.RequestIds.Add(ids.First());
                        return answer;
                    }
                    catch (Exception e) when (GraphResilience.NeverSent(e))
                    {
                        inFlight = false;
                        throw;
                    }
                }, context);
                if (response.IsSuccessStatusCode || response.StatusCode == alsoAccept) return response;
                using (response) throw graph.Failure(method, response, repeatable);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new MailboxActionException(MailboxErrors.Unavailable, maybeSent: !repeatable && inFlight);
            }
            catch (TimeoutRejectedException)
            {
                throw new MailboxActionException(MailboxErrors.Unavailable, maybeSent: !repeatable);
            }
            catch (HttpRequestException e)
            {
                graph._logger.LogWarning("Graph {Method} failed: {Error}", method, e.HttpRequestError);
                throw new MailboxActionException(MailboxErrors.Unavailable, maybeSent: !repeatable && !GraphResilience.NeverSent(e));
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        /// <summary>The id of the folder: a well-known one, or a top-level folder by display name, created when missing.</summary>
        public async Task<string> FolderIdAsync(MoveTarget target, CancellationToken cancellationToken)
        {
            if (target.IsWellKnown)
                return (await ReadAsync<GraphFolder>(HttpMethod.Get, $"mailFolders/{target.Name}?$select=id", null, cancellationToken)).Id;
            var filter = Uri.EscapeDataString($"displayName eq '{target.Name.Replace("'", "''", StringComparison.Ordinal)}'");
            var path = $"mailFolders?$filter={filter}&$select=id";
            if ((await ReadAsync<GraphList<GraphFolder>>(HttpMethod.Get, path, null, cancellationToken)).Value.FirstOrDefault() is { } existing)
                return existing.Id;
            using var created = await SendAsync(HttpMethod.Post, "mailFolders", new { displayName = target.Name }, repeatable: true,
                cancellationToken, alsoAccept: HttpStatusCode.Conflict);
            if (created.StatusCode != HttpStatusCode.Conflict)
                return (await created.Content.ReadFromJsonAsync<GraphFolder>(Json, cancellationToken))!.Id;
            // Another instance created it a moment ago.
            return (await ReadAsync<GraphList<GraphFolder>>(HttpMethod.Get, path, null, cancellationToken)).Value.First().Id;
        }
    }

    private sealed class Message(Session session, string id, IReadOnlyList<string> categories, string? parentFolderId) : IMailboxMessage
    {
        private readonly string _path = $"messages/{Uri.EscapeDataString(id)}";
        private string? _parentFolderId = parentFolderId;

        public string Id => id;
        public IReadOnlyList<string> Categories { get; private set; } = categories;

        public async Task ForwardAsync(string to, string comment, CancellationToken cancellationToken)
        {
            var body = new { comment, toRecipients = new[] { new { emailAddress = new { address = to } } } };
            using var _ = await session.SendAsync(HttpMethod.Post, $"{_path}/forward", body, repeatable: false, cancellationToken);
        }

        public async Task SetCategoriesAsync(IReadOnlyList<string> categories, CancellationToken cancellationToken)
        {
            using var _ = await session.SendAsync(HttpMethod.Patch, _path, new { categories }, repeatable: true, cancellationToken);
            Categories = categories;
        }

        public async Task MoveAsync(MoveTarget target, CancellationToken cancellationToken)
        {
            var folderId = await session.FolderIdAsync(target, cancellationToken);
            if (folderId == _parentFolderId) return;
            var moved = await session.ReadAsync<GraphMessage>(HttpMethod.Post, $"{_path}/move",
                new { destinationId = target.IsWellKnown ? target.Name : folderId }, cancellationToken);
            _parentFolderId = moved.ParentFolderId;
        }
    }

    private MailboxActionException Failure(HttpMethod method, HttpResponseMessage response, bool repeatable)
    {
        _logger.LogWarning("Graph {Method} answered {StatusCode} (request-id {RequestId})", method, (int)response.StatusCode,
            response.Headers.TryGetValues("request-id", out var ids) ? ids.First() : null);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new(MailboxErrors.SignInFailed),
            HttpStatusCode.Forbidden => new(MailboxErrors.Forbidden),
            HttpStatusCode.NotFound => new(MailboxErrors.MessageNotFound),
            HttpStatusCode.TooManyRequests => new(MailboxErrors.Throttled),
            HttpStatusCode.ServiceUnavailable => new(MailboxErrors.Unavailable),
            var status when (int)status >= 500 => new(MailboxErrors.Unavailable, maybeSent: !repeatable),
            _ => new(MailboxErrors.Rejected),
        };
    }

    private sealed record GraphMessage(string Id, string? InternetMessageId, string[]? Categories, string? ParentFolderId);

    private sealed record GraphFolder(string Id);

    private sealed record GraphList<T>(T[] Value);
}
