namespace MailAssist.Tests.Privacy;

/// <summary>The leak detector the privacy tests rely on must itself find what it is meant to find.</summary>
public sealed class PersonalDataTests
{
    [TestCase("Ring 412 34 567", "41234567")]
    [TestCase("fnr 170385.41293", "170385 41293")]
    [TestCase("Hilsen Kari", "Kari Nordmann")]
    [TestCase("KARI.NORDMANN@GMAIL.COM", "kari.nordmann@gmail.com")]
    [TestCase("Storgata 5, 1234 Eksempel", "Storgata 5")]
    public void Corpus_string_is_found_also_when_reformatted(string text, string personal)
    {
        Assert.That(PersonalData.FoundIn(text, [personal]), Is.EqualTo(new[] { personal }));
    }

    [TestCase("Ring 412 34 5678", "41234567")]
    [TestCase("Kariann er her", "Kari Nordmann")]
    [TestCase("Når tømmes Storgata?", "Storgata 5")]
    public void Look_alike_is_not_reported(string text, string personal)
    {
        Assert.That(PersonalData.FoundIn(text, [personal]), Is.Empty);
    }

    [Test]
    public void Escaped_characters_in_json_do_not_hide_a_name()
    {
        const string json = """{"messages":[{"role":"user","content":"Bestiller: Ragnhild \u00D8vreb\u00F8"}]}""";

        Assert.That(() => PersonalData.AssertNoneInJson(json, ["Ragnhild Øvrebø"], "a request"), Throws.InstanceOf<AssertionException>());
    }

    [TestCase("fnr 17038541293", "17038541293")]
    [TestCase("tlf 412 34 567.", "412 34 567")]
    [TestCase("+47 41234567", "+47 41234567")]
    [TestCase("skriv til ola@gmail.com", "ola@gmail.com")]
    public void Shapes_of_personal_data_are_found_without_a_corpus(string text, string shape)
    {
        Assert.That(PersonalData.Shapes(text), Does.Contain(shape));
    }

    [TestCase("frist 2026-11-24")]
    [TestCase("saksnr. 24/1234 og 2025/8812")]
    [TestCase("org.nr. 987 654 321")]
    [TestCase("Innsynskrav: svar innen 3 virkedager")]
    public void Dates_case_numbers_and_organisation_numbers_are_not_shapes_of_personal_data(string text)
    {
        Assert.That(PersonalData.Shapes(text), Is.Empty);
    }
}
