namespace MailAssist.Api.Mailboxes;

/// <summary>The 15 unit kinds of the handling routine; every directory unit is one of these kinds.</summary>
public static class StandardUnits
{
    public static readonly IReadOnlyList<string> Ids =
    [
        "byggesak", "plan", "landbruk", "oppvekst", "helse", "barnevern", "nav", "teknisk",
        "eiendomsskatt", "okonomi", "hr", "politikk", "kultur", "servicetorget", "arkiv",
    ];

    public static bool IsKnown(string? id) => id is not null && Ids.Contains(id);

    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["byggesak"] = "Byggesak og oppmåling", ["plan"] = "Plan og miljø", ["landbruk"] = "Landbruk og natur",
        ["oppvekst"] = "Oppvekst og utdanning", ["helse"] = "Helse og omsorg", ["barnevern"] = "Barnevernstjenesten",
        ["nav"] = "NAV-kontoret (kommunal del)", ["teknisk"] = "Kommunalteknikk", ["eiendomsskatt"] = "Eiendomsskatt og gebyrer",
        ["okonomi"] = "Økonomi og fakturamottak", ["hr"] = "HR og lønn", ["politikk"] = "Politisk sekretariat",
        ["kultur"] = "Kultur og frivillighet", ["servicetorget"] = "Servicetorget", ["arkiv"] = "Arkiv og innsyn",
    };

    /// <summary>A directory with one unit of each standard kind, named as the demo municipality's: for evaluation without a database.</summary>
    public static MailboxDirectory StandardDirectory { get; } = new(Guid.Empty, "postmottak@eksempel.kommune.no", "Postmottak, Eksempel kommune",
        Ids.Select(id => new Unit(id, Names[id], "", "", id)).ToList());
}
