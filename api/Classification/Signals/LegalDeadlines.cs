using System.Globalization;
using System.Text.RegularExpressions;

namespace MailAssist.Api.Classification.Signals;

/// <summary>
/// Messages with a legal deadline: an innsynskrav is answered without undue delay, in practice
/// within 3 working days (offentleglova § 29 and the Sivilombudet's practice); a complaint about a
/// decision must arrive within 3 weeks of the decision (forvaltningsloven § 29), one about the
/// property tax valuation within 6 weeks (eigedomsskattelova § 19).
/// </summary>
internal static partial class LegalDeadlines
{
    public const int InnsynWorkingDays = 3;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"(?<!\p{L})(?:innsyn|einnsyn|offentleglov|offentlighetslov|freedom of information|access to (?:public )?documents)", Options)]
    private static partial Regex Innsyn();

    [GeneratedRegex(@"(?<!\p{L})(?:klag|påklag|appeal)", Options)]
    private static partial Regex Complaint();

    [GeneratedRegex(@"(?<!\p{L})(?:vedtak|avslag|takst|taksering|decision)", Options)]
    private static partial Regex Decision();

    [GeneratedRegex(@"(?<!\p{L})(?:eiendomsskatt|eigedomsskatt)", Options)]
    private static partial Regex PropertyTax();

    public static IEnumerable<string> In(string text, DateTimeOffset? receivedAt)
    {
        if (Innsyn().IsMatch(text))
            yield return receivedAt is { } at
                ? string.Create(CultureInfo.InvariantCulture,
                    $"Innsynskrav: svar innen {InnsynWorkingDays} virkedager (frist {WorkingDays.After(at, InnsynWorkingDays):yyyy-MM-dd})")
                : $"Innsynskrav: svar innen {InnsynWorkingDays} virkedager etter mottak";
        if (Complaint().IsMatch(text) && Decision().IsMatch(text))
            yield return PropertyTax().IsMatch(text)
                ? "Klagefrist: 6 uker etter at skatteseddelen ble sendt ut (eigedomsskattelova § 19)"
                : "Klagefrist: 3 uker etter at vedtaket ble mottatt (forvaltningsloven § 29)";
    }
}
