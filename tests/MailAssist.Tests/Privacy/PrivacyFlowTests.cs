using System.Net;
using MailAssist.Api.Auth;
using MailAssist.Api.Classification;
using MailAssist.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailAssist.Tests.Privacy;

/// <summary>
/// Pushes the whole personal-data corpus through the product as staff would use it (classify,
/// confirm or change, read the history) against a real PostgreSQL, with every log level captured,
/// then looks for the corpus's personal data wherever it could have gone.
/// </summary>
public sealed class PrivacyFlowTests
{
    private readonly RecordingClassifier _classifier = new();
    private readonly CapturingLoggerProvider _logs = new();
    private TestDatabase _database = null!;
    private ApiFactory _api = null!;

    [OneTimeSetUp]
    public async Task PushTheCorpusThrough()
    {
        _database = await TestDatabase.CreateAsync();
        _api = new ApiFactory(_database, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }, services =>
        {
            services.AddSingleton<IClassifier>(_classifier);
            services.AddSingleton<ILoggerProvider>(_logs);
        });
        using var client = await _api.StartAsync();
        var n = 0;
        foreach (var corpus in PersonalDataCorpus.All)
        {
            var response = await client.ClassifyAsync(corpus.Message);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), corpus.Id);
            var suggestion = await response.ReadJsonAsync();
            var id = suggestion.GetProperty("suggestionId").GetString()!;
            var (action, unit) = n++ % 2 == 0 ? ("journalfor", "arkiv") : ("videresend", "servicetorget");
            Assert.That((await client.DecideAsync(id, action, unit, $"key-{corpus.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.Created), corpus.Id);
            Assert.That((await client.ClassifyAsync(corpus.Message)).StatusCode, Is.EqualTo(HttpStatusCode.OK), corpus.Id);
            var history = await client.GetAsync($"/api/messages/history?mailbox={Uri.EscapeDataString(TestMessages.DemoMailbox)}"
                + $"&internetMessageId={Uri.EscapeDataString(corpus.Message["internetMessageId"]!.GetValue<string>())}");
            Assert.That(history.StatusCode, Is.EqualTo(HttpStatusCode.OK), corpus.Id);
        }
    }

    [OneTimeTearDown]
    public async Task StopApi()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Test]
    public void Classifier_is_given_no_personal_data_of_the_corpus()
    {
        Assert.That(_classifier.Inputs, Has.Count.EqualTo(PersonalDataCorpus.All.Count));
        foreach (var text in _classifier.Texts())
        {
            PersonalData.AssertNoneIn(text, PersonalDataCorpus.Personal, "a classifier's input");
            Assert.That(PersonalData.Shapes(text).Where(s => !IsDecoy(s)), Is.Empty, text);
        }
    }

    // Exchange's message ids and Graph's request ids are opaque base64 and GUIDs: digit runs in them are not phone numbers.
    private static readonly HashSet<string> OpaqueIdColumns = ["mailbox_actions.message_id", "mailbox_actions.graph_request_ids"];

    [Test]
    public async Task No_text_column_of_any_table_holds_identity_numbers_phone_numbers_or_personal_email_addresses()
    {
        await using var dataSource = _database.CreateDataSource();
        var values = await DatabaseText.ReadAllAsync(dataSource);
        var allowedAddresses = await AllowedAddressesAsync();

        Assert.That(values.Select(v => v.Column), Does.Contain("message_texts.body").And.Contain("suggestions.explanation"));
        var leaks = values
            .SelectMany(v => PersonalData.FoundIn(v.Value, PersonalDataCorpus.Personal).Select(p => $"{v.Column}: {p}")
                .Concat(PersonalData.Shapes(OpaqueIdColumns.Contains(v.Column) ? "" : v.Value)
                    .Where(s => !IsDecoy(s) && !allowedAddresses.Contains(s)).Select(s => $"{v.Column}: {s}")))
            .ToList();
        Assert.That(leaks, Is.Empty);
    }

    [Test]
    public void Logs_at_every_level_hold_no_message_content()
    {
        var fragments = PersonalDataCorpus.All.SelectMany(Fragments).Distinct().ToList();

        Assert.That(_logs.Entries, Is.Not.Empty);
        var leaks = _logs.Entries
            .SelectMany(entry => fragments.Where(f => entry.Text.Contains(f, StringComparison.OrdinalIgnoreCase))
                .Select(f => $"[{entry.Level} {entry.Category}] contains «{f}»: {entry.Text}"))
            .Concat(_logs.Entries.SelectMany(entry => PersonalData.FoundIn(entry.Text, PersonalDataCorpus.Personal)
                .Select(p => $"[{entry.Level} {entry.Category}] contains «{p}»")))
            .ToList();
        Assert.That(leaks, Is.Empty);
    }

    // What a log line must not hold of a message: its id, sender, subject, sentences of its body, attachment names.
    private static IEnumerable<string> Fragments(CorpusMessage corpus)
    {
        var m = corpus.Message;
        var id = m["internetMessageId"]!.GetValue<string>();
        yield return id.Trim('<', '>');
        yield return Uri.EscapeDataString(id);
        yield return m["from"]!.GetValue<string>();
        if (m["subject"]!.GetValue<string>() is { Length: >= 8 } subject) yield return subject;
        foreach (var line in m["body"]!.GetValue<string>().Split('\n', '.').Select(l => l.Trim()).Where(l => l.Length >= 16))
            yield return line;
        foreach (var attachment in m["attachments"]!.AsArray()) yield return attachment!["name"]!.GetValue<string>();
    }

    private static bool IsDecoy(string found)
    {
        var digits = new string(found.Where(char.IsAsciiDigit).ToArray());
        return PersonalDataCorpus.Decoys.Any(d => d.Contains(found, StringComparison.OrdinalIgnoreCase)
            || digits.Length > 0 && new string(d.Where(char.IsAsciiDigit).ToArray()).Contains(digits, StringComparison.Ordinal));
    }

    // The municipality's own role addresses and the signed-in member of staff who decided (not message content).
    private async Task<HashSet<string>> AllowedAddressesAsync()
    {
        await using var dataSource = _database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        var addresses = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT address FROM units UNION SELECT address FROM mailboxes");
        return [.. addresses, DevelopmentAuthenticationHandler.UserName];
    }
}
