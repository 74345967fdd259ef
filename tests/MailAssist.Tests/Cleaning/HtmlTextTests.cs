using MailAssist.Api.Cleaning;

namespace MailAssist.Tests.Cleaning;

public sealed class HtmlTextTests
{
    [Test]
    public void Head_style_and_script_are_dropped_and_blocks_become_lines()
    {
        const string html = """
            <html><head><title>Nyhetsbrev</title><style>.x { color: red; }</style></head>
            <body><script>track()</script><div>Hei,</div><div>Vi søker om tilskudd.<br>Budsjett vedlagt.</div></body></html>
            """;

        Assert.That(HtmlText.ToText(html), Is.EqualTo("Hei,\nVi søker om tilskudd.\nBudsjett vedlagt.\n"));
    }

    [Test]
    public void Entities_are_decoded_and_html_whitespace_collapsed()
    {
        Assert.That(HtmlText.ToText("<p>Bj&oslash;rn &amp; Kari&nbsp;s&#248;ker\n   om   plass</p>"), Is.EqualTo("Bjørn & Kari søker om plass\n\n"));
    }

    [TestCase("<div style=\"display:none\">Skjult tekst for filtre</div>")]
    [TestCase("<span style='DISPLAY: none; font-size:0'>Skjult tekst for filtre</span>")]
    [TestCase("<div hidden>Skjult tekst for filtre</div>")]
    [TestCase("<div style=\"visibility:hidden\"><div>Skjult tekst for filtre</div></div>")]
    [TestCase("<!-- Skjult tekst for filtre -->")]
    public void Hidden_elements_never_become_visible_text(string hidden)
    {
        var text = HtmlText.ToText($"<p>Synlig</p>{hidden}<p>Også synlig</p>");

        Assert.That(text, Does.Not.Contain("Skjult"));
        Assert.That(text, Does.Contain("Synlig").And.Contain("Også synlig"));
    }

    [Test]
    public void Quoted_blocks_are_marked_as_quotes()
    {
        var text = HtmlText.ToText("<div>Takk!</div><blockquote type=\"cite\"><div>Når er biblioteket åpent?</div></blockquote>");

        Assert.That(text, Does.Contain("> Når er biblioteket åpent?"));
    }

    [Test]
    public void List_items_become_dashed_lines()
    {
        Assert.That(HtmlText.ToText("<ul><li>Søknad</li><li>Kart</li></ul>"), Is.EqualTo("- Søknad\n- Kart\n"));
    }

    [Test]
    public void Broken_html_keeps_its_text()
    {
        Assert.That(HtmlText.ToText("<p>Hei <b>kommune"), Is.EqualTo("Hei kommune"));
    }
}
