using MailAssist.Api.Classification;
using MailAssist.Api.Classification.Signals;
using MailAssist.Api.Cleaning;
using MailAssist.Api.Messages;

namespace MailAssist.Tests.Classification.Signals;

public sealed class SignalFlagsTests
{
    private static readonly ClassificationResult Plain = new(MailAction.Videresend, "servicetorget", 0.8, false, "Forklaring", ["Grunn"], [], "local");

    private static CleanedMessage Message(string text, string subject = "", params string[] attachments) =>
        new(subject, text, "example.no", SenderKind.Unknown, attachments, MessageCues.None);

    private static IEnumerable<TestCaseData> Sensitive()
    {
        yield return new TestCaseData("Min mor har demens og trenger sykehjemsplass.", "helse").SetName("Dementia_is_health");
        yield return new TestCaseData("Jeg er sykemeldt med depresjon.", "helse").SetName("Sick_leave_and_depression_are_health");
        yield return new TestCaseData("Legeerklæring ligger vedlagt.", "helse").SetName("Medical_certificate_is_health");
        yield return new TestCaseData("Jeg sender en bekymringsmelding om en elev.", "barnevern").SetName("Report_of_concern_is_child_welfare");
        yield return new TestCaseData("Hun opplever diskriminering på grunn av etnisk bakgrunn.", "etnisitet").SetName("Ethnic_background_is_ethnicity");
        yield return new TestCaseData("Vi ber om fri for å delta i trossamfunnets høytid.", "religion").SetName("Religious_community_is_religion");
        yield return new TestCaseData("Som tillitsvalgt i Fagforbundet ber jeg om møte.", "fagforeningsmedlemskap").SetName("Union_representative_is_union_membership");
        yield return new TestCaseData("Elevene opplever trakassering knyttet til seksuell legning.", "seksuelle forhold").SetName("Sexual_orientation_is_sexual_life");
        yield return new TestCaseData("Søkeren har en tidligere dom for vold og har sonet i fengsel.", "straffbare forhold").SetName("Prison_and_violence_are_criminal_matters");
        yield return new TestCaseData("Politiattest ligger ved søknaden.", "straffbare forhold").SetName("Police_certificate_is_criminal_matters");
        yield return new TestCaseData("Jeg søker om økonomisk sosialhjelp.", "sosialhjelp").SetName("Social_assistance_is_screened");
    }

    [TestCaseSource(nameof(Sensitive))]
    public void Special_category_is_flagged_sensitive_with_the_screening_hint(string text, string category)
    {
        var result = SignalFlags.Apply(Message(text), Plain, null);

        Assert.That(result.Flags, Does.Contain(SuggestionFlags.Sensitive));
        Assert.That(result.Reasons, Has.Some.Contains(category));
        Assert.That(result.Reasons, Does.Contain("Vurder skjerming (offentleglova § 13)"));
    }

    [TestCase("Når blir søpla tømt i Storgata?")]
    [TestCase("Søknad om tilbygg med innlagt vann og strøm.")]
    [TestCase("Saken forelegges utvalget i neste møte.")]
    [TestCase("Hvilke åpningstider har helsestasjonen i jula?")]
    [TestCase("Kollegene på biblioteket anbefaler boka.")]
    [TestCase("Takk for en voldsom fin konsert!")]
    public void Ordinary_message_is_not_flagged(string text)
    {
        Assert.That(SignalFlags.Apply(Message(text), Plain, null), Is.SameAs(Plain));
    }

    [Test]
    public void Sensitive_word_in_an_attachment_name_counts()
    {
        var result = SignalFlags.Apply(Message("Se vedlegg.", "", "legeerklaering.pdf", "epikrise.pdf"), Plain, null);

        Assert.That(result.Flags, Does.Contain(SuggestionFlags.Sensitive));
    }

    [TestCase("2026-11-19T10:00:00+01:00", "2026-11-24", TestName = "Innsynskrav_on_a_Thursday_is_due_the_next_Tuesday")]
    [TestCase("2026-11-19T23:30:00+00:00", "2026-11-25", TestName = "Innsynskrav_after_midnight_in_Norway_counts_from_the_Norwegian_date")]
    [TestCase("2026-04-01T09:00:00+02:00", "2026-04-09", TestName = "Innsynskrav_before_Easter_skips_the_Easter_holidays")]
    [TestCase("2026-05-15T09:00:00+02:00", "2026-05-20", TestName = "Innsynskrav_before_the_weekend_skips_it")]
    [TestCase("2026-12-22T09:00:00+01:00", "2026-12-28", TestName = "Innsynskrav_before_Christmas_skips_the_Christmas_days")]
    public void Innsynskrav_is_flagged_with_a_deadline_of_three_working_days(string receivedAt, string due)
    {
        var result = SignalFlags.Apply(Message("Jeg ber om innsyn i sak 24/1234.", "Innsynskrav"), Plain, DateTimeOffset.Parse(receivedAt));

        Assert.That(result.Flags, Does.Contain(SuggestionFlags.Deadline));
        Assert.That(result.Reasons, Does.Contain($"Innsynskrav: svar innen 3 virkedager (frist {due})"));
    }

    [TestCase("Krav om innsyn etter offentleglova.", "Innsynskrav: svar innen 3 virkedager etter mottak",
        TestName = "Innsynskrav_without_a_receipt_time_gets_the_rule_without_a_date")]
    [TestCase("Jeg klager på vedtaket om avslag på dispensasjon.", "Klagefrist: 3 uker etter at vedtaket ble mottatt (forvaltningsloven § 29)",
        TestName = "Complaint_about_a_decision_gets_the_three_week_deadline")]
    [TestCase("Jeg klager på taksten for eiendomsskatt.", "Klagefrist: 6 uker etter at skatteseddelen ble sendt ut (eigedomsskattelova § 19)",
        TestName = "Complaint_about_the_property_tax_valuation_gets_six_weeks")]
    public void Message_with_a_legal_deadline_is_flagged_with_it(string text, string reason)
    {
        var result = SignalFlags.Apply(Message(text), Plain, null);

        Assert.That(result.Flags, Does.Contain(SuggestionFlags.Deadline));
        Assert.That(result.Reasons, Does.Contain(reason));
    }

    [Test]
    public void Complaint_about_a_service_without_a_decision_has_no_deadline()
    {
        Assert.That(SignalFlags.Apply(Message("Jeg vil klage på ventetiden i servicetorget."), Plain, null).Flags, Is.Empty);
    }

    [Test]
    public void Flags_and_reasons_of_the_classifier_are_kept_and_not_repeated()
    {
        var fromModel = Plain with { Flags = [SuggestionFlags.Sensitive, SuggestionFlags.Fallback], Reasons = ["Grunn", "Vurder skjerming (offentleglova § 13)"] };

        var result = SignalFlags.Apply(Message("Bekymringsmelding om et barn."), fromModel, null);

        Assert.That(result.Flags, Is.EqualTo(new[] { SuggestionFlags.Sensitive, SuggestionFlags.Fallback }));
        Assert.That(result.Reasons.Count(r => r == SignalFlags.ScreeningHint), Is.EqualTo(1));
        Assert.That(result.Reasons[0], Is.EqualTo("Grunn"));
    }

    [TestCase("2026-05-17", true)]
    [TestCase("2026-05-14", true)]
    [TestCase("2026-05-25", true)]
    [TestCase("2026-12-24", false)]
    [TestCase("2027-03-25", true)]
    [TestCase("2027-03-29", true)]
    public void Norwegian_public_holidays_are_known(string date, bool holiday)
    {
        Assert.That(WorkingDays.IsPublicHoliday(DateOnly.Parse(date)), Is.EqualTo(holiday));
    }
}
