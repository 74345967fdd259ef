using MailAssist.Api.Cleaning;
using MailAssist.Api.Cleaning.Redaction;

namespace MailAssist.Tests.Privacy;

public sealed class CorpusRedactionTests
{
    private static IEnumerable<CorpusMessage> Corpus() => PersonalDataCorpus.All;

    [TestCaseSource(nameof(Corpus))]
    public void Cleaned_message_holds_none_of_the_corpus_personal_data(CorpusMessage corpus)
    {
        var cleaned = MessageCleaner.CleanAndRedact(corpus.ToIncoming());

        PersonalData.AssertNoneIn(Text(cleaned), corpus.Personal, corpus.Id);
    }

    [TestCaseSource(nameof(Corpus))]
    public void Every_decoy_of_the_corpus_survives_redaction(CorpusMessage corpus)
    {
        // Cleaning may cut a decoy with a signature or a forwarded history; redaction must keep every one cleaning kept.
        var cleaned = Text(MessageCleaner.Clean(corpus.ToIncoming()));
        var text = Text(MessageCleaner.CleanAndRedact(corpus.ToIncoming()));

        Assert.That(corpus.Decoys.Where(d => cleaned.Contains(d, StringComparison.Ordinal) && !text.Contains(d, StringComparison.Ordinal)), Is.Empty, text);
    }

    [Test]
    public void Corpus_is_large_and_its_identity_numbers_have_valid_check_digits()
    {
        var numbers = PersonalDataCorpus.Personal
            .Where(p => char.IsAsciiDigit(p[0]) && p.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-'))
            .Select(p => new string(p.Where(char.IsAsciiDigit).ToArray()))
            .Where(d => d.Length == 11)
            .ToList();

        Assert.That(PersonalDataCorpus.All, Has.Count.GreaterThanOrEqualTo(40));
        Assert.That(numbers, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(numbers.Where(n => IdentityNumbers.Classify(n) is null && !AccountNumbers.IsValid(n)), Is.Empty);
    }

    private static string Text(CleanedMessage m) => string.Join('\n', [m.Subject, m.Text, m.SenderDomain, .. m.AttachmentNames]);
}
