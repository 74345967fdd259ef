using System.Text.RegularExpressions;

namespace MailAssist.Api.Cleaning;

/// <summary>Signatures, mobile footers and legal disclaimers: text that says who wrote, not what they want.</summary>
public static partial class Signatures
{
    /// <summary>The lines before the signature: from a closing ("Med vennlig hilsen", "Mvh", "Best regards" ...), "-- " or "Sendt fra min iPhone" on.</summary>
    public static List<string> Cut(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line is "--" or "-- " || MobileFooter().IsMatch(line) || IsClosing(line))
                return lines.GetRange(0, i);
        }
        return lines;
    }

    /// <summary>The text without paragraphs that are confidentiality notices, external-sender banners or print-the-environment pleas.</summary>
    public static string DropDisclaimers(string text)
    {
        if (!Disclaimer().IsMatch(text)) return text;
        var paragraphs = text.Split("\n\n");
        return string.Join("\n\n", paragraphs.Where(p => !Disclaimer().IsMatch(p)));
    }

    private static bool IsClosing(string line) =>
        line.Length <= 60 && Closing().IsMatch(line) && line.Count(char.IsWhiteSpace) <= 6;

    [GeneratedRegex(@"^(?:(?:med )?(?:vennlig |vennleg |venleg |venlig |vennligst |beste |varm |varme |kjærlig |god )?(?:hilsen|hilsn|helsing|hilsener|helsingar)|mvh\.?|m\.v\.h\.?|kind regards|best regards|warm regards|regards|best wishes|yours sincerely|sincerely|yours faithfully|cheers|pozdrawiam|z poważaniem|z wyrazami szacunku|pagarbiai|ar pagarba|su pagarba|з повагою|с уважением|mit freundlichen grüßen|mfg|مع التحيات|تحياتي|mahadsanid)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Closing();

    [GeneratedRegex(@"^(?:sendt fr[aå] (?:min|mi|mitt|min egen) |sent from my |sendt fr[aå] outlook|sent from outlook|hent outlook for|get outlook for|sendt fr[aå] e-post for|sent from mail for|sendt fra yahoo|sent from yahoo|sendt fra samsung|sent from samsung|sendt fra gmail|sent via |sendt via |wysłane z |von meinem .{1,30} gesendet)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MobileFooter();

    [GeneratedRegex(@"(?:kan inneholde (?:konfidensiell|taushetsbelagt|fortrolig|sensitiv|privilegert)|kan innehalde (?:konfidensiell|teiepliktig|fortruleg)|may contain (?:confidential|privileged|proprietary|legally)|(?:er|is) (?:kun|only|solely|utelukkende) (?:ment|beregnet|tiltenkt|intended) (?:for|til) (?:mottaker|adressat|the)|intended (?:only |solely )?for the (?:use of the )?(?:addressee|recipient|individual|person|named)|not the intended recipient|received this (?:e-?mail|message|communication) (?:in error|by mistake)|mottatt denne (?:e-posten|meldingen|e-post|henvendelsen) (?:ved en feil|ved en feiltakelse|ved feil|feilaktig)|motteke denne (?:e-posten|meldinga) ved ein feil|ikke (?:er )?(?:den tiltenkte|rett|riktig) mottaker|tenk (?:på )?miljøet før du skriver ut|please consider the environment|denne e-posten kommer fra en ekstern avsender|denne e-posten kjem frå ein ekstern avsendar|this (?:e-?mail|message) (?:originated|comes|came) from outside|vær forsiktig med å (?:klikke|åpne)|(?:scanned|checked) for viruses|skannet for virus)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disclaimer();
}
