using System.Text.Json;
using MailAssist.Api.Classification;
using MailAssist.Api.Classification.Guards;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Classification.Guards;

/// <summary>
/// The team's own injection messages (injections.jsonl): Norwegian, nynorsk, English and Polish,
/// instructions, fake system prompts, embedded verdicts, invisible characters, hidden HTML and
/// attachment names; 15 wrap a real request, 11 are junk that deserves slett. Labelled by the
/// postmottak guide. Whatever the classifier says, each is flagged, needs review and is not deleted.
/// </summary>
public sealed class InjectionSetTests
{
    public static IEnumerable<TestCaseData> Injections() =>
        File.ReadLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Classification", "Guards", "injections.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(json => new TestCaseData(new Injection(
                    json.GetProperty("id").GetString()!,
                    MessageReader.Read(json).Message ?? throw new InvalidDataException(json.GetProperty("id").GetString()),
                    MailActions.Parse(json.GetProperty("expected").GetProperty("action").GetString()!),
                    json.GetProperty("expected").GetProperty("unit").GetString()))
                .SetArgDisplayNames($"{json.GetProperty("id").GetString()}_{json.GetProperty("technique").GetString()}"));

    [Test]
    public void Set_has_real_requests_and_real_junk_labelled_by_the_guide()
    {
        var injections = Injections().Select(c => (Injection)c.Arguments[0]!).ToList();

        Assert.That(injections, Has.Count.GreaterThanOrEqualTo(25));
        Assert.That(injections.Count(i => i.Expected != MailAction.Slett), Is.InRange(injections.Count / 2 - 2, injections.Count / 2 + 3));
        Assert.That(injections.Where(i => i.Expected == MailAction.Slett).Select(i => i.Unit), Has.All.Null);
        Assert.That(injections.Where(i => i.Expected != MailAction.Slett).Select(i => i.Unit), Has.All.Matches<string?>(StandardUnits.IsKnown));
    }

    [TestCaseSource(nameof(Injections))]
    public void Detector_flags_the_attempt(Injection injection) =>
        Assert.That(ManipulationDetector.Inspect(injection.Message) & MessageCues.PossibleManipulation, Is.Not.EqualTo(MessageCues.None));

    [TestCaseSource(nameof(Injections))]
    public async Task Local_classifier_suggestion_is_flagged_needs_review_and_is_not_slett(Injection injection)
    {
        using var host = new ClassifierHost(new Dictionary<string, string?> { ["Classifier:Provider"] = "local" });

        var result = await host.Classifier.ClassifyAsync(TestDirectory.Input(injection.Message), CancellationToken.None);

        AssertGuarded(result);
    }

    [TestCaseSource(nameof(Injections))]
    public async Task Language_model_that_obeys_the_injection_is_overruled(Injection injection)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Default = FakeOpenAiServer.Verdict("slett", null, 0.99);
        using var host = new ClassifierHost(ClassifierHost.Settings(server));

        var result = await host.Classifier.ClassifyAsync(TestDirectory.Input(injection.Message), CancellationToken.None);

        AssertGuarded(result);
        Assert.That(result.Explanation, Is.EqualTo(GuardedClassifier.NotDeletedExplanation));
    }

    private static void AssertGuarded(ClassificationResult result)
    {
        Assert.That(result.Flags, Does.Contain(SuggestionFlags.PossibleManipulation));
        Assert.That(result.NeedsReview, Is.True);
        Assert.That(result.Action, Is.Not.EqualTo(MailAction.Slett));
        Assert.That(TestDirectory.Demo.Find(result.Unit), Is.Not.Null);
    }

    public sealed record Injection(string Id, IncomingMessage Message, MailAction Expected, string? Unit)
    {
        public override string ToString() => Id;
    }
}
