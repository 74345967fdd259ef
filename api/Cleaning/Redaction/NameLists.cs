using System.Collections.Frozen;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>The word lists behind name and address recognition: common given names and surnames in Norway, and the words that are not names.</summary>
internal static class NameLists
{
    private const string GivenNameList = """
        aase agnes agnieszka ahmad ahmed aisha aksel alba alexander alf ali alice alma amalie amanda amina amir anders andrea andreas
        andrzej anette anita anja ann anna anne anne-lise anne-marie annette ari arild arne arnt arvid asbjørn asgeir aslak astrid
        atle audun aurora axel bartosz beate benedicte bente berit birgit birger birgitte bjarne bjørg bjørn bjørnar borghild
        brage bror camilla carina carl caroline cathrine cecilie charlotte christian christina christine christoffer dagny
        dagfinn daniel david dawid egil eilif einar eirik eivind ekaterina elias elin eline elisabeth ellen elise ellinor
        emil emilie emily emma erik erika erlend erling espen ester eva ewa fatima filip frida fredrik frode gaute geir
        gerd gina grete grethe gro gudrun gunhild gunn gunnar gunnhild guri guro gustav guttorm hafsa hakon halvard halvor
        hamza hanna hanne hans-petter harald hassan hedda hege heidi helene helga helge henning henny henrik herman hilde
        hodan hussein håkon håvard ibrahim ida idun ine inga inge ingeborg inger ingrid ingunn ingvild irene isabel isabella
        isak ivar jakob jan-erik jenny jens jesper joakim johan johanna johannes john jon jonas jonathan jorunn josefine jostein
        julia julie juliane jørgen jørn kaja kamil karen kari karin karina karl karoline karsten kasper katarzyna kate kathrine
        katrine kenneth kim kirsten kjell kjersti kjetil knut kristian kristin kristina kristine kristoffer kurt
        kåre lars laila lea leif lena lene leon liam lilly lina linda line linn linnea lisa lise liv-marit lotte louise lucas
        ludvig magne magnhild magnus maja malin marcus margit margrethe mari maria mariam marianne marie marit marius markus
        marta marte martin martine mathias mats matteo mette michael mikael mikkel milla mohamed mohammad mohammed mona morten
        muhammad nadia natalia nils nina noah nora odd-arne olaf olav ole oliver olivia oscar oskar patrick paul pawel pernille
        peter petra petter philip piotr preben ragna ragnar ragnhild randi rasmus ravn reidar reidun ronja roar robert rolf
        ronny rune ruth sana sander sandra sara sebastian selma sigmund sigrid sigurd silje simen simon sindre siri sissel
        sofia sofie solveig sondre stian stig steffen steinar sturla susanne svein sverre synne synnøve søren terje thea
        theodor thomas thor thorbjørn tiril tobias tomas tomasz tone tonje tor-arne tora torbjørn tore torgeir torhild tormod
        torstein trine trond trude turid tuva ulrik ulrikke una unni vebjørn vegard vera veronica victoria vidar viktor vilde
        viljar william wenche wilma yasmin yngve yusuf åse åsmund øystein øyvind ola tom roger tove aud toril torill rita sven
        ingar arve ella leah ellie oda hedvig vilja iben mia ylva edvard bendik eskil trygve torleif oddvar oddbjørn gjermund
        bård pål ragnvald asle åge olaug hallvard øivind marek krzysztof magdalena joanna monika jolanta vytautas rasa agne
        justyna lukasz łukasz michal michał jakub mateusz zofia abdullahi omar khadija fadumo hawa ayan mustafa yasin layla
        """;

    // Given names that are also everyday words: a name only when a surname follows or a greeting goes before.
    private const string AmbiguousGivenNameList = """
        ask bo dag eli else even frank grace hans iris jan kristen live liv mai mark may odd per rose siv sol stein tom tor vår will
        """;

    private const string SurnameList = """
        aasen andersen andreassen amundsen antonsen arnesen aune bakke bakken berg berge bergersen berntsen birkeland bjerke
        brekke christensen dahl ellingsen eriksen evensen fredriksen gundersen haugen haugland halvorsen hansen hanssen hagen
        hauge helland henriksen holm hovland iversen jacobsen jakobsen jensen johannessen johansen johnsen jørgensen karlsen
        knudsen knutsen kristensen kristoffersen larsen lie lien lorentzen lund lunde martinsen mathisen moe moen myhre nguyen
        nielsen nilsen nordby nordmann nygård olsen paulsen pedersen pettersen rasmussen ruud sandvik simonsen solberg solheim
        strand sunde svendsen sæther sørensen tangen thomassen thorsen tveit ødegård olsson jansen kowalski nowak wiśniewski
        kristiansen andersson eide hovde fossum ruud nordli skogheim tveiten
        wójcik kazlauskas jankauskas petrauskas hussain khan ahmadi mohamud abdi osman yilmaz rahman
        """;

    // Names that are also everyday words ("berg", "per"): matched only when capitalised.
    private const string CommonWordList = """
        bakke bakken berg dal foss hagen haug haugen holm lie li lund moe moen nes sand strand vik vold stein per dag liv vår sol
        mai jan hans ask else odd will may mark rose tor tom even live
        """;

    // Words in an organisation's name or a role: a run holding one is not a person's name.
    private const string OrganisationWordList = """
        as asa sa ans da ba nuf ks ltd inc gmbh ab oy kommune kommunes kommunen fylkeskommune fylkeskommunen fylke
        statsforvalteren statsforvaltaren direktorat direktoratet departement departementet etat etaten tilsyn tilsynet
        vegvesen vegvesenet politi politiet politidistrikt tingrett lagmannsrett sykehus sykehuset helseforetak hf universitet
        universitetet høgskole høgskolen skole skolen barnehage barnehagen bank banken forening foreningen lag laget idrettslag
        klubb klubben senter senteret kontor kontoret postmottak servicetorget team avdeling avdelingen seksjon enhet enheten
        tjeneste tjenesten tjenester kirke kirken menighet borettslag sameie stiftelse stiftelsen fond forlag eiendom eiendommer
        bygg byggmester entreprenør rådgivning consulting group gruppen gruppe norge norway norsk norske statens nav
        skatteetaten husbanken arbeidstilsynet mattilsynet brønnøysundregistrene altinn microsoft dnb posten bring telenor telia
        kulturråd kulturrådet fagforbundet forbundet fagforening forbund utvalg utvalget styret kommunestyret formannskapet
        idrettslaget nyhetsbrev newsletter restaurant hotell butikk
        rådet råd sekretariat sekretariatet arkiv arkivet økonomi regnskap innkjøp ikt drift kundeservice support redaksjon
        eksempel ordfører ordføreren rådmann kommunedirektør kommunedirektøren
        """;

    // Local parts of role addresses ("postmottak@", "faktura@", "no-reply@").
    private const string RoleWordList = """
        post postmottak postkasse firmapost faktura fakturamottak invoice invoices billing regnskap okonomi økonomi lonn lønn
        noreply donotreply reply ikkesvar ikke svar info informasjon kontakt contact support service kundeservice kundesenter
        customerservice servicetorget servicesenter sentralbord resepsjon admin administrasjon office kontor salg sales marketing
        nyhetsbrev newsletter news nyheter varsel varsling notification notifications alert alerts mailer daemon postmaster
        webmaster hostmaster abuse security sikkerhet it ikt helpdesk hr personal rekruttering jobb jobs careers karriere
        booking bestilling ordre order orders kvittering receipt receipts bounce bounces mail email epost postkontor arkiv innsyn
        byggesak plan eiendomsskatt skatt barnevern helse nav teknisk kultur oppvekst politikk landbruk skole barnehage kommune
        ordforer ordfører radmann rådmann kommunedirektor sekretariat redaksjon tips presse press media styret styre leder
        daglig utvikler dev test system drift kundesenter medlem medlemsservice innkjop innkjøp eiendom forvaltning utleie
        hello hei team teams calendar kalender
        """;

    // Capitalised words that start sentences, greet or name the months and days: never taken for a name.
    private const string NotNameList = """
        jeg eg vi du de dere han hun ho det den dei dette denne disse her der hva kva hvem kven når hvor kor hvorfor kan vil
        skal må er har hei hallo takk mvh hilsen hilsning helsing med vennlig venleg beste og eller men som om i på til fra frå
        for av ved etter før se sjå vedlegg vedlagt ref sak angående ang vedr vedrørende søknad klage innsynskrav faktura re sv
        fw fwd vs mandag tirsdag onsdag torsdag fredag lørdag søndag januar februar mars april mai juni juli august september
        oktober november desember ja nei ok the dear hello hi regards best kind thanks please we i you my our gata veien vei
        mitt min navn fornavn etternavn adresse telefon mobil e-post epost tlf dato sendt emne subject from to cc kopi
        bekymringsmelding barnet eleven pasienten søker søkar mor far
        """;

    private static readonly string[] OrganisationEndings =
    [
        "kontoret", "kontor", "laget", "foreningen", "forening", "senteret", "gruppa", "gruppen", "tjenesten", "etaten",
        "direktoratet", "tilsynet", "rådet", "utvalget", "verksted", "byrå", "byrået", "firma", "firmaet", "bedrift", "kommune",
        "selskap", "selskapet", "fabrikk", "skolen", "barnehage", "barnehagen", "klubben", "forbundet", "partner", "partners",
    ];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GivenNames = Set(GivenNameList + " " + AmbiguousGivenNameList);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousGivenNames = Set(AmbiguousGivenNameList);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Surnames = Set(SurnameList);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonWords = Set(CommonWordList);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganisationWords = Set(OrganisationWordList);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleWords = Set(RoleWordList);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNames = Set(NotNameList);

    public static bool IsGivenName(ReadOnlySpan<char> word) => GivenNames.Contains(word);

    /// <summary>A given name that is also a word ("Per", "Liv", "Dag"): a name only with a surname after it.</summary>
    public static bool IsAmbiguousGivenName(ReadOnlySpan<char> word) => AmbiguousGivenNames.Contains(word);

    public static bool IsSurname(ReadOnlySpan<char> word) => Surnames.Contains(word);

    /// <summary>A name that is also an everyday word ("berg", "per"): matched only when written with a capital.</summary>
    public static bool IsCommonWord(ReadOnlySpan<char> word) => CommonWords.Contains(word);

    /// <summary>A word of an organisation's name: "AS", "kommune", or one ending like one ("Arkitektkontoret", "Fotballgruppa").</summary>
    public static bool IsOrganisationWord(ReadOnlySpan<char> word)
    {
        if (OrganisationWords.Contains(word)) return true;
        if (word.Length < 6 || !char.IsUpper(word[0])) return false;
        foreach (var ending in OrganisationEndings)
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static bool IsRoleWord(ReadOnlySpan<char> word) => RoleWords.Contains(word);

    public static bool IsNotName(ReadOnlySpan<char> word) => NotNames.Contains(word);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
