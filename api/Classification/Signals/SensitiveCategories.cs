using System.Text.RegularExpressions;

namespace MailAssist.Api.Classification.Signals;

/// <summary>
/// Recognises the special categories of personal data (GDPR art. 9 and 10) and the other personal
/// matters under a duty of confidentiality that a municipality screens: health, child welfare,
/// ethnicity, religion, union membership, sexual life, criminal matters, social assistance.
/// Words are matched from their start, so "sykemelding" and "sykemeldt" both count.
/// </summary>
internal static partial class SensitiveCategories
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Start = @"(?<!\p{L})";

    [GeneratedRegex(Start + "(?:diagnos|sykdom|sjukdom|syke?meld|sjukmeld|leg(?:e|en|er|ane|ene)(?!\\p{L})|legeerklæring|legeattest|fastlege|"
        + "psykisk|psykiatri|psykolog|rus(?:misbruk|avhengig|behandling|problem|middel|midler|omsorg)|kreft|demens|dement|medisin|"
        + "epikrise|helseopplysning|pasientjournal|sykehus|sjukehus|funksjonsnedsett|funksjonshemm|ufør|hjemmesykepleie|"
        + "omsorgslønn|avlastning|diabetes|epilepsi|adhd|autis|angst|depresjon|selvmord|sjølmord|gravid|abort|allergi|astma|"
        + "helsetilstand|helseplage|hjerneslag|hjerteinfarkt|multippel sklerose|rullator|rullestol|sykehjem|heldøgns omsorg|"
        + "legevakt|lese- og skrivevansk|dysleksi|forflytningshemm)", Options)]
    private static partial Regex Health();

    [GeneratedRegex(Start + "(?:barnevern|bekymringsmelding|omsorgsovertakelse|fosterhjem|fosterforeld|akuttplasser|omsorgssvikt|vold i nære)", Options)]
    private static partial Regex ChildWelfare();

    [GeneratedRegex(Start + "(?:etnisitet|etnisk|rase(?!\\p{L})|rasis|hudfarge|nasjonal opprinnelse|minoritetsbakgrunn)", Options)]
    private static partial Regex Ethnicity();

    [GeneratedRegex(Start + "(?:religi|trossamfunn|livssyn|muslim|kristen tro|jødisk|jøde(?!\\p{L})|hindu|buddhis|moské|synagoge)", Options)]
    private static partial Regex Religion();

    [GeneratedRegex(Start + "(?:fagforening|fagforbund|fagorganis|tillitsvalgt|utdanningsforbundet|sykepleierforbundet|lo-medlem)", Options)]
    private static partial Regex UnionMembership();

    [GeneratedRegex(Start + "(?:seksuell|seksualitet|legning|homofil|lesbisk|bifil|skeiv|transperson|kjønnsinkongruens|kjønnsidentitet)", Options)]
    private static partial Regex SexualLife();

    [GeneratedRegex(Start + "(?:straff|domfelt|dømt|tiltal|siktelse|siktede|politianmeld|anmeld(?:else|t|te)(?!\\p{L})|fengsel|soning|forelegg(?:et)?(?!\\p{L})|"
        + "kriminal|voldtekt|vold(?:en|elig|sutøv)?(?!\\p{L})|overgrep|tyveri|narkotika|politiattest|rulleblad|mishandl)", Options)]
    private static partial Regex CriminalMatters();

    [GeneratedRegex(Start + "(?:sosialhjelp|økonomisk stønad|kvalifiseringsprogram|nødhjelp|sosialstønad)", Options)]
    private static partial Regex SocialAssistance();

    private static readonly (string Name, Func<Regex> Pattern)[] Categories =
    [
        ("helse", Health), ("barnevern", ChildWelfare), ("etnisitet", Ethnicity), ("religion", Religion),
        ("fagforeningsmedlemskap", UnionMembership), ("seksuelle forhold", SexualLife), ("straffbare forhold", CriminalMatters),
        ("sosialhjelp", SocialAssistance),
    ];

    /// <summary>The names, in Norwegian, of the categories the text touches on.</summary>
    public static IReadOnlyList<string> In(string text) =>
        Categories.Where(c => c.Pattern().IsMatch(text)).Select(c => c.Name).ToList();
}
