using System.Text.RegularExpressions;
using MailAssist.Api.Classification;
using MailAssist.Api.Classification.Local;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Mailboxes;
using MailAssist.Api.Messages;

namespace MailAssist.Tests.Classification.Local;

public sealed class LocalClassifierTests
{
    private static readonly LocalClassifier Classifier = new(_ => ValueTask.FromResult(new ServedModel(7, CorpusModel.Get().Model)));

    private static CleanedMessage Invoice() => MessageCleaner.CleanAndRedact(new IncomingMessage(null, "<f@x.no>",
        "Eksempel Rør AS <faktura@eksempelror.no>", [], [], "Faktura 2026-118",
        "Hei,\n\nVedlagt faktura for utskifting av vannmåler i Rådhusgata 2. Forfall 30 dager, KID 004471182.\n\nMed vennlig hilsen\nEksempel Rør AS",
        null, [new Attachment("Faktura_2026-118.pdf", "application/pdf", 84211)], null));

    [Test]
    public async Task Explanation_is_plain_norwegian_naming_the_signals_without_bare_numbers()
    {
        var result = await Classifier.ClassifyAsync(new ClassificationInput(Invoice(), StandardUnits.StandardDirectory, []), CancellationToken.None);

        Assert.That(result.Action, Is.EqualTo(MailAction.Videresend));
        Assert.That(result.Explanation, Does.StartWith("Foreslår å videresende meldingen til Økonomi og fakturamottak"));
        Assert.That(result.Explanation, Does.Match("(høy|middels|lav) sikkerhet"));
        Assert.That(result.Explanation, Does.Match("«[^»]+»|avsenderdomenet eksempelror\\.no|vedlegget"));
        Assert.That(Regex.IsMatch(result.Explanation, @"\d[.,]\d|%"), Is.False, result.Explanation);
        Assert.That(result.Reasons, Has.Count.InRange(1, 3));
        Assert.That(result.Classifier, Is.EqualTo("local-v7"));
    }

    [Test]
    public async Task Predicted_kind_maps_to_the_mailboxs_own_unit_of_that_kind()
    {
        var directory = new MailboxDirectory(Guid.NewGuid(), "post@annen.kommune.no", "Postmottak", [
            new Unit("regnskap", "Regnskapskontoret", "regnskap@annen.kommune.no", "fakturaer", "okonomi"),
            new Unit("service", "Innbyggerservice", "service@annen.kommune.no", "alt annet", "servicetorget"),
        ]);

        var result = await Classifier.ClassifyAsync(new ClassificationInput(Invoice(), directory, []), CancellationToken.None);

        Assert.That(result.Unit, Is.EqualTo("regnskap"));
        Assert.That(result.Explanation, Does.Contain("Regnskapskontoret"));
    }

    [Test]
    public async Task A_directory_without_the_predicted_kind_gets_its_best_scoring_unit()
    {
        var directory = new MailboxDirectory(Guid.NewGuid(), "post@liten.kommune.no", "Postmottak", [
            new Unit("service", "Innbyggerservice", "service@liten.kommune.no", "alt", "servicetorget"),
        ]);

        var result = await Classifier.ClassifyAsync(new ClassificationInput(Invoice(), directory, []), CancellationToken.None);

        Assert.That(result.Unit, Is.EqualTo("service"));
    }
}
