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
}
