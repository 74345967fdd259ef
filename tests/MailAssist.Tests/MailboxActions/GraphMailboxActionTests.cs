using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.MailboxActions;

/// <summary>Decisions carried out in a shared mailbox through (a fake) Microsoft Graph, on behalf of the signed-in person.</summary>
public sealed class GraphMailboxActionTests
{
    private const string Mailbox = TestMessages.DemoMailbox;
    // A simple question the local classifier forwards to Servicetorget, so a confirmed forward there is an accepted suggestion.
    private const string Subject = "Spørsmål om startlån";
    private const string Body = "Hei, hvordan søker jeg om startlån, og hvem kan jeg snakke med om det? Hilsen Guri Bjørnstad, telefon 912 34 567.";
    private const string Sender = "Guri Bjørnstad <guri@bjornstad.example.no>";

    private GraphTestbed _bed = null!;
    private HttpClient _kari = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _bed = await GraphTestbed.StartAsync(new Dictionary<string, string?>
        {
            ["Graph:TotalTimeout"] = "00:00:04",
            ["Graph:AttemptTimeout"] = "00:00:01",
        });
        _kari = _bed.Client(_bed.Token());
        _bed.Graph.AddFolder("Til journalføring");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _kari.Dispose();
        await _bed.DisposeAsync();
    }

    [SetUp]
    public void ResetGraph()
    {
        _bed.Graph.ClearFaults();
        _bed.Graph.ForwardDelay = TimeSpan.Zero;
    }

    [Test]
    public async Task Confirmed_forward_goes_to_the_unit_with_a_Norwegian_note_then_gets_its_category_and_leaves_the_inbox()
    {
        _bed.Graph.RemoveFolder("Videresendt");
        var message = await ArriveAsync(["Rød kategori"]);
        var before = _bed.Graph.Requests.Count();

        var response = await _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key("1"), message.RestId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var decision = await response.ReadJsonAsync();
        var action = decision.GetProperty("mailboxAction");
        Assert.That(action.GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(action.GetProperty("attempts").GetInt32(), Is.EqualTo(1));
        Assert.That(action.GetProperty("forwardedTo").GetString(), Is.EqualTo("servicetorget@eksempel.kommune.no"));
        Assert.That(action.GetProperty("movedTo").GetString(), Is.EqualTo("Videresendt"));
        Assert.That(action.GetProperty("category").GetString(), Is.EqualTo("MailAssist: Videresendt til Servicetorget"));

        var calls = _bed.Graph.Requests.Skip(before).ToList();
        var immutable = message.Graph.ImmutableId;
        Assert.That(calls.Select(Call), Is.EqualTo(new[]
        {
            $"GET /v1.0/users/{Mailbox}/messages/{message.RestId}?$select=internetMessageId,categories,parentFolderId",
            $"POST /v1.0/users/{Mailbox}/messages/{immutable}/forward",
            $"PATCH /v1.0/users/{Mailbox}/messages/{immutable}",
            $"GET /v1.0/users/{Mailbox}/mailFolders?$filter=displayName eq 'Videresendt'&$select=id",
            $"POST /v1.0/users/{Mailbox}/mailFolders",
            $"POST /v1.0/users/{Mailbox}/messages/{immutable}/move",
        }));
        Assert.That(calls.Select(c => c.Headers["Authorization"]), Has.All.EqualTo("Bearer graph-token-for-kari"));
        Assert.That(calls.Select(c => c.Headers["Prefer"]), Has.All.EqualTo("IdType=\"ImmutableId\""));

        var forward = FakeGraph.Body(calls[1]);
        var why = decision.GetProperty("accepted").GetBoolean()
            ? message.Suggestion.GetProperty("explanation").GetString()
            : "Postmottak vurderte at e-posten hører hjemme hos Servicetorget.";
        Assert.That(forward.GetProperty("toRecipients").GetRawText(), Is.EqualTo("""[{"emailAddress":{"address":"servicetorget@eksempel.kommune.no"}}]"""));
        Assert.That(forward.GetProperty("comment").GetString(), Is.EqualTo(
            $"""
            Denne e-posten kom til postmottak ({Mailbox}) og er videresendt til Servicetorget av {GraphTestbed.Kari} med MailAssist.

            Hvorfor: {why}

            Hører den ikke hjemme hos dere? Svar til {Mailbox} eller kontakt {GraphTestbed.Kari}, så sender vi den til rett sted.
            """));
        Assert.That(FakeGraph.Body(calls[2]).GetProperty("categories").EnumerateArray().Select(c => c.GetString()),
            Is.EqualTo(new[] { "Rød kategori", "MailAssist: Videresendt til Servicetorget" }));
        Assert.That(FakeGraph.Body(calls[4]).GetProperty("displayName").GetString(), Is.EqualTo("Videresendt"));
        Assert.That(FakeGraph.Body(calls[5]).GetProperty("destinationId").GetString(), Is.EqualTo(_bed.Graph.FolderNamed("Videresendt")));
        Assert.That(message.Graph.FolderId, Is.EqualTo(_bed.Graph.FolderNamed("Videresendt")));
        await using var dataSource = _bed.Database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        var requestIds = await connection.QuerySingleAsync<string[]>("SELECT graph_request_ids FROM mailbox_actions WHERE decision_id = @Id",
            new { Id = decision.GetProperty("decisionId").GetGuid() });
        Assert.That(requestIds, Has.Length.EqualTo(6).And.All.Matches<string>(id => Guid.TryParse(id, out _)), "Graph's request-id of every call, for support");
    }

    [Test]
    public async Task A_changed_forward_explains_that_postmottak_chose_the_unit()
    {
        var message = await ArriveAsync();
        var before = _bed.Graph.Requests.Count();

        await _kari.DecideAsync(message.SuggestionId, "videresend", "byggesak", Key("1"), message.RestId);

        var forward = _bed.Graph.Requests.Skip(before).Single(r => r.Path.EndsWith("/forward", StringComparison.Ordinal));
        Assert.That(FakeGraph.Body(forward).GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString(),
            Is.EqualTo("byggesak@eksempel.kommune.no"));
        Assert.That(FakeGraph.Body(forward).GetProperty("comment").GetString(),
            Does.Contain("Hvorfor: Postmottak vurderte at e-posten hører hjemme hos Byggesak og oppmåling."));
        Assert.That(message.Graph.Categories, Is.EqualTo(new[] { "MailAssist: Videresendt til Byggesak og oppmåling" }));
    }

    [Test]
    public async Task Delete_moves_the_message_to_Deleted_Items_and_never_deletes_it()
    {
        var message = await ArriveAsync();
        var before = _bed.Graph.Requests.Count();

        var action = await MailboxActionAsync(await _kari.DecideAsync(message.SuggestionId, "slett", null, Key("1"), message.RestId));

        var calls = _bed.Graph.Requests.Skip(before).ToList();
        var immutable = message.Graph.ImmutableId;
        Assert.That(calls.Select(Call), Is.EqualTo(new[]
        {
            $"GET /v1.0/users/{Mailbox}/messages/{message.RestId}?$select=internetMessageId,categories,parentFolderId",
            $"PATCH /v1.0/users/{Mailbox}/messages/{immutable}",
            $"GET /v1.0/users/{Mailbox}/mailFolders/deleteditems?$select=id",
            $"POST /v1.0/users/{Mailbox}/messages/{immutable}/move",
        }));
        Assert.That(FakeGraph.Body(calls[1]).GetProperty("categories")[0].GetString(), Is.EqualTo("MailAssist: Slettet"));
        Assert.That(FakeGraph.Body(calls[3]).GetProperty("destinationId").GetString(), Is.EqualTo("deleteditems"));
        Assert.That(_bed.Graph.Requests.Select(r => r.Method), Has.None.EqualTo("DELETE"));
        Assert.That(message.Graph.FolderId, Is.EqualTo(FakeGraph.DeletedItemsId));
        Assert.That(action.GetProperty("movedTo").GetString(), Is.EqualTo("deleteditems"));
        Assert.That(action.GetProperty("forwardedTo").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Journalforing_moves_the_message_to_the_mailboxs_journal_folder()
    {
        var message = await ArriveAsync();
        var before = _bed.Graph.Requests.Count();

        var action = await MailboxActionAsync(await _kari.DecideAsync(message.SuggestionId, "journalfor", "arkiv", Key("1"), message.RestId));

        var calls = _bed.Graph.Requests.Skip(before).ToList();
        var immutable = message.Graph.ImmutableId;
        Assert.That(calls.Select(Call), Is.EqualTo(new[]
        {
            $"GET /v1.0/users/{Mailbox}/messages/{message.RestId}?$select=internetMessageId,categories,parentFolderId",
            $"PATCH /v1.0/users/{Mailbox}/messages/{immutable}",
            $"GET /v1.0/users/{Mailbox}/mailFolders?$filter=displayName eq 'Til journalføring'&$select=id",
            $"POST /v1.0/users/{Mailbox}/messages/{immutable}/move",
        }));
        Assert.That(FakeGraph.Body(calls[1]).GetProperty("categories")[0].GetString(), Is.EqualTo("MailAssist: Til journalføring for Arkiv og innsyn"));
        Assert.That(FakeGraph.Body(calls[3]).GetProperty("destinationId").GetString(), Is.EqualTo(_bed.Graph.FolderNamed("Til journalføring")));
        Assert.That(action.GetProperty("movedTo").GetString(), Is.EqualTo("Til journalføring"));
    }

    [Test]
    public async Task Journalforing_forwards_to_the_archive_import_address_when_the_mailbox_is_set_up_so()
    {
        const string other = "postmottak@nabo.kommune.no";
        var admin = _bed.Admin();
        var saved = await admin.PutAsJsonAsync($"/api/admin/mailboxes/{other}", new
        {
            displayName = "Postmottak, Nabo kommune",
            units = new[]
            {
                new { id = "bygg", name = "Bygg", address = "bygg@nabo.kommune.no", owns = "byggesaker", kind = "byggesak" },
                new { id = "service", name = "Innbyggerservice", address = "service@nabo.kommune.no", owns = "alt annet", kind = "servicetorget" },
            },
            journalMode = "forward",
            archiveImportAddress = "arkiv-import@nabo.kommune.no",
        });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await admin.PutAsync($"/api/admin/mailboxes/{other}/members/{GraphTestbed.Kari}", null);
        var message = await ArriveAsync(mailbox: other);
        var before = _bed.Graph.Requests.Count();

        var action = await MailboxActionAsync(await _kari.DecideAsync(message.SuggestionId, "journalfor", "bygg", Key("1"), message.RestId));

        var calls = _bed.Graph.Requests.Skip(before).ToList();
        Assert.That(calls.Select(c => c.Method + " " + c.Path.Split('?')[0].Split('/').Last()),
            Is.EqualTo(new[] { $"GET {message.RestId}", "POST forward", $"PATCH {message.Graph.ImmutableId}", "GET mailFolders", "POST move" }));
        Assert.That(calls.Select(Call), Has.All.Contains($"/users/{other}/"));
        var forward = FakeGraph.Body(calls[1]);
        Assert.That(forward.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString(), Is.EqualTo("arkiv-import@nabo.kommune.no"));
        Assert.That(forward.GetProperty("comment").GetString(),
            Is.EqualTo($"Til journalføring for Bygg. Sendt fra postmottak ({other}) av {GraphTestbed.Kari} med MailAssist."));
        Assert.That(action.GetProperty("category").GetString(), Is.EqualTo("MailAssist: Sendt til arkivet for Bygg"));
        Assert.That(action.GetProperty("movedTo").GetString(), Is.EqualTo("Videresendt"));
    }

    [Test]
    public async Task A_repeated_confirm_forwards_once()
    {
        var message = await ArriveAsync();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) responses.Add(await _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key("same"), message.RestId));

        Assert.That(responses.Select(r => r.StatusCode), Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK }));
        foreach (var response in responses) Assert.That((await MailboxActionAsync(response)).GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(ForwardsOf(message), Is.EqualTo(1));
    }

    [Test]
    public async Task Ten_concurrent_confirms_forward_once_and_all_see_it_done()
    {
        var message = await ArriveAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", i % 2 == 0 ? Key("same") : Key($"{i}"), message.RestId)));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(9));
        foreach (var response in responses) Assert.That((await MailboxActionAsync(response)).GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(ForwardsOf(message), Is.EqualTo(1));
        Assert.That(_bed.Graph.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith($"{message.Graph.ImmutableId}/move", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_instances_on_one_database_forward_once()
    {
        var second = await _bed.StartApiAsync(_bed.Token());
        var message = await ArriveAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? _kari : second).DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key($"{i}"), message.RestId)));

        Assert.That(responses.Select(r => r.StatusCode), Has.All.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK));
        foreach (var response in responses) Assert.That((await MailboxActionAsync(response)).GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(ForwardsOf(message), Is.EqualTo(1));
    }

    [Test]
    public async Task Throttling_is_waited_out_as_long_as_Retry_After_says()
    {
        var message = await ArriveAsync();
        _bed.Graph.Fail("forward", 1, 429, retryAfter: "2");

        var action = await MailboxActionAsync(await _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key("1"), message.RestId));

        var forwards = _bed.Graph.Answers.Where(a => a.Operation == "forward" && a.MessageId == message.Graph.ImmutableId).ToList();
        Assert.That(forwards.Select(a => a.Status), Is.EqualTo(new[] { 429, 202 }));
        var waited = forwards[1].At - forwards[0].At;
        TestContext.Out.WriteLine($"Retry-After: 2 s; waited {waited.TotalMilliseconds:F0} ms");
        // The server stamps arrivals with the wall clock, whose ticks may round the 2 s wait a millisecond short.
        Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.95)).And.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(action.GetProperty("status").GetString(), Is.EqualTo("done"));
    }

    [Test]
    public async Task A_run_of_503_ends_in_a_failed_action_shown_in_the_decision_and_history_and_a_retry_finishes_it()
    {
        var message = await ArriveAsync();
        _bed.Graph.Fail("forward", 100, 503, retryAfter: "1");
        var clock = Stopwatch.StartNew();

        var decided = await _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key("1"), message.RestId);

        clock.Stop();
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the decision is kept");
        var failed = await MailboxActionAsync(decided);
        Assert.That(failed.GetProperty("status").GetString(), Is.EqualTo("action_failed"));
        Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo("graph_unavailable"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(6)), "within Graph:TotalTimeout (4 s)");
        Assert.That(_bed.Graph.Answers.Count(a => a.Operation == "forward" && a.MessageId == message.Graph.ImmutableId), Is.InRange(2, 5));
        Assert.That(message.Graph.FolderId, Is.EqualTo(FakeGraph.InboxId), "nothing after the forward ran");

        var history = await HistoryAsync(message);
        Assert.That(history.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "suggestion", "decision", "action" }));
        Assert.That(history[2].GetProperty("status").GetString(), Is.EqualTo("action_failed"));
        Assert.That(history[2].GetProperty("error").GetString(), Is.EqualTo("graph_unavailable"));
        var reopened = await (await _kari.ClassifyAsync(message.Json)).ReadJsonAsync();
        Assert.That(reopened.GetProperty("decision").GetProperty("mailboxAction").GetProperty("status").GetString(), Is.EqualTo("action_failed"));

        _bed.Graph.ClearFaults();
        var retried = await RetryAsync(message, new { messageRestId = message.RestId });

        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var done = await MailboxActionAsync(retried);
        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(done.GetProperty("attempts").GetInt32(), Is.EqualTo(2));
        Assert.That(ForwardsOf(message), Is.EqualTo(1));
        Assert.That(message.Graph.FolderId, Is.EqualTo(_bed.Graph.FolderNamed("Videresendt")));
        Assert.That((await HistoryAsync(message))[2].GetProperty("status").GetString(), Is.EqualTo("done"));
    }

    [Test]
    public async Task A_forward_that_may_have_gone_out_is_not_sent_again_until_a_person_says_so()
    {
        var message = await ArriveAsync();
        _bed.Graph.ForwardDelay = TimeSpan.FromSeconds(1.5);

        var failed = await MailboxActionAsync(await _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key("1"), message.RestId));

        Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo("uncertain"));
        Assert.That(ForwardsOf(message), Is.EqualTo(1), "Graph sent it; the answer came too late");
        _bed.Graph.ForwardDelay = TimeSpan.Zero;
        var again = await _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key("1"), message.RestId);
        var refused = await RetryAsync(message, new { });
        Assert.That((await MailboxActionAsync(again)).GetProperty("error").GetString(), Is.EqualTo("uncertain"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("resend", out _), Is.True);
        Assert.That(ForwardsOf(message), Is.EqualTo(1));

        var resent = await MailboxActionAsync(await RetryAsync(message, new { resend = true }));

        Assert.That(resent.GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(ForwardsOf(message), Is.EqualTo(2), "sent again because a person said so");
    }

    [Test]
    public async Task A_crash_between_sending_and_recording_the_forward_is_reported_uncertain_and_not_resent()
    {
        var message = await ArriveAsync();
        _bed.Graph.Fail("forward", 1, 400);
        var decision = await (await _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key("1"), message.RestId)).ReadJsonAsync();
        Assert.That(decision.GetProperty("mailboxAction").GetProperty("error").GetString(), Is.EqualTo("rejected"));
        await using (var dataSource = _bed.Database.CreateDataSource())
        await using (var connection = await dataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("""
                UPDATE mailbox_actions SET status = 'in_progress', claim_id = gen_random_uuid(), claimed_until = now() - interval '1 second',
                    forward_started_at = now()
                WHERE decision_id = @Id
                """, new { Id = decision.GetProperty("decisionId").GetGuid() });

        var after = await MailboxActionAsync(await _kari.DecideAsync(message.SuggestionId, "videresend", "servicetorget", Key("1"), message.RestId));

        Assert.That(after.GetProperty("status").GetString(), Is.EqualTo("action_failed"));
        Assert.That(after.GetProperty("error").GetString(), Is.EqualTo("uncertain"));
        Assert.That(_bed.Graph.Answers.Count(a => a.Operation == "forward" && a.MessageId == message.Graph.ImmutableId), Is.EqualTo(1), "only the refused one");
    }

    [Test]
    public async Task Another_message_than_the_decided_one_is_left_untouched()
    {
        var message = await ArriveAsync();
        var stranger = _bed.Graph.AddMessage("<another-message@example.no>");
        var before = _bed.Graph.Requests.Count();

        var action = await MailboxActionAsync(await _kari.DecideAsync(message.SuggestionId, "slett", null, Key("1"), stranger));

        Assert.That(action.GetProperty("error").GetString(), Is.EqualTo("message_mismatch"));
        Assert.That(_bed.Graph.Requests.Skip(before).Select(r => r.Method), Is.EqualTo(new[] { "GET" }));
        Assert.That(_bed.Graph.Message(stranger).FolderId, Is.EqualTo(FakeGraph.InboxId));
    }

    [Test]
    public async Task A_decision_without_the_messages_id_is_kept_and_carried_out_when_the_pane_retries_with_it()
    {
        var message = await ArriveAsync();

        var decided = await _kari.DecideAsync(message.SuggestionId, "slett", null, Key("1"));
        var failed = await MailboxActionAsync(decided);
        var retried = await MailboxActionAsync(await RetryAsync(message, new { messageRestId = message.RestId }));

        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(failed.GetProperty("error").GetString(), Is.EqualTo("message_id_missing"));
        Assert.That(retried.GetProperty("status").GetString(), Is.EqualTo("done"));
        Assert.That(message.Graph.FolderId, Is.EqualTo(FakeGraph.DeletedItemsId));
    }

    [TestCase(403, "forbidden")]
    [TestCase(404, "message_not_found")]
    [TestCase(401, "sign_in_failed")]
    public async Task Graph_refusing_the_message_is_named_in_the_action(int status, string error)
    {
        var message = await ArriveAsync();
        _bed.Graph.Fail("get", 1, status);

        var action = await MailboxActionAsync(await _kari.DecideAsync(message.SuggestionId, "slett", null, Key("1"), message.RestId));

        Assert.That(action.GetProperty("status").GetString(), Is.EqualTo("action_failed"));
        Assert.That(action.GetProperty("error").GetString(), Is.EqualTo(error));
    }

    [Test]
    public async Task A_malformed_message_id_is_rejected_naming_the_field_and_nothing_is_stored()
    {
        var message = await ArriveAsync();

        var response = await _kari.DecideAsync(message.SuggestionId, "slett", null, Key("1"), "../../me/sendMail");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("messageRestId", out _), Is.True);
        Assert.That((await HistoryAsync(message)).Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "suggestion" }));
    }

    [Test]
    public async Task No_message_content_reaches_the_logs_or_the_stored_action()
    {
        var failing = await ArriveAsync();
        _bed.Graph.Fail("forward", 1, 500);
        await _kari.DecideAsync(failing.SuggestionId, "videresend", "servicetorget", Key("1"), failing.RestId);
        var message = await ArriveAsync();
        await _kari.DecideAsync(message.SuggestionId, "videresend", "byggesak", Key("1"), message.RestId);

        Assert.That(_bed.Logs, Is.Not.Empty);
        Assert.That(_bed.Logs, Has.Some.Contains("Mailbox action"), "the actions are logged");
        foreach (var secret in new[] { "Bjørnstad", "bygdelag", "912 34 567", "guri@", message.InternetMessageId, "Hvorfor" })
            Assert.That(_bed.Logs, Has.None.Contains(secret));
        await using var dataSource = _bed.Database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<string>("SELECT row_to_json(a)::text FROM mailbox_actions a")).ToList();
        Assert.That(stored, Is.Not.Empty);
        foreach (var secret in new[] { "Bjørnstad", "bygdelag", "guri@", message.InternetMessageId })
            Assert.That(stored, Has.None.Contains(secret));
        var errors = await connection.QueryAsync<string>("SELECT last_error FROM mailbox_actions WHERE last_error IS NOT NULL");
        Assert.That(errors, Has.All.Matches<string>(e => System.Text.RegularExpressions.Regex.IsMatch(e, "^[a-z_]+$")));
    }

    private sealed record Arrived(string SuggestionId, string RestId, FakeMessage Graph, JsonElement Suggestion, System.Text.Json.Nodes.JsonObject Json)
    {
        public string InternetMessageId => Json["internetMessageId"]!.GetValue<string>();
    }

    /// <summary>A message arrives in the mailbox (in Graph) and the pane classifies it.</summary>
    private async Task<Arrived> ArriveAsync(string[]? categories = null, string mailbox = Mailbox)
    {
        var json = TestMessages.Message(subject: Subject, body: Body, from: Sender);
        json["mailbox"] = mailbox;
        var restId = _bed.Graph.AddMessage(json["internetMessageId"]!.GetValue<string>(), categories ?? []);
        var response = await _kari.ClassifyAsync(json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var suggestion = await response.ReadJsonAsync();
        return new Arrived(suggestion.GetProperty("suggestionId").GetString()!, restId, _bed.Graph.Message(restId), suggestion, json);
    }

    /// <summary>Idempotency keys are per person: each test uses its own.</summary>
    private static string Key(string name) => $"{TestContext.CurrentContext.Test.ID}-{name}";

    private Task<HttpResponseMessage> RetryAsync(Arrived message, object body) =>
        _kari.PostAsJsonAsync($"/api/suggestions/{message.SuggestionId}/decision/action/retry", body);

    private async Task<JsonElement[]> HistoryAsync(Arrived message) =>
        (await _kari.GetFromJsonAsync<JsonElement[]>($"/api/messages/history?mailbox={Uri.EscapeDataString(Mailbox)}&internetMessageId={Uri.EscapeDataString(message.InternetMessageId)}"))!;

    private int ForwardsOf(Arrived message) => _bed.Graph.Forwards.Count(id => id == message.Graph.ImmutableId);

    private static async Task<JsonElement> MailboxActionAsync(HttpResponseMessage response) =>
        (await response.ReadJsonAsync()).GetProperty("mailboxAction");

    private static string Call(RecordedRequest request) => $"{request.Method} {Uri.UnescapeDataString(request.Path)}";
}
