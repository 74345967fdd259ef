namespace MailAssist.Api.Cleaning;

/// <summary>What the sender's address says about who wrote: a private person, a municipality, an authority or an organisation.</summary>
public static class Senders
{
    private static readonly HashSet<string> ConsumerProviders =
    [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.no", "outlook.com", "outlook.no", "live.com", "live.no", "msn.com",
        "yahoo.com", "yahoo.no", "icloud.com", "me.com", "mac.com", "online.no", "start.no", "broadpark.no", "getmail.no",
        "frisurf.no", "c2i.net", "chello.no", "lyse.net", "altibox.no", "ebnett.no", "bluezone.no", "tele2.no", "netcom.no",
        "protonmail.com", "proton.me", "pm.me", "aol.com", "gmx.com", "gmx.de", "gmx.net", "mail.com", "yandex.ru", "yandex.com",
        "mail.ru", "ukr.net", "wp.pl", "o2.pl", "onet.pl", "interia.pl", "op.pl", "gazeta.pl", "inbox.lt", "gmail.lt",
        "hotmail.se", "live.se", "hotmail.dk", "hotmail.co.uk", "yahoo.co.uk", "web.de", "t-online.de", "orange.fr", "zoho.com",
    ];

    private static readonly HashSet<string> Authorities =
    [
        "statsforvalteren.no", "fylkesmannen.no", "nav.no", "politiet.no", "udir.no", "domstol.no", "regjeringen.no",
        "skatteetaten.no", "husbanken.no", "arbeidstilsynet.no", "mattilsynet.no", "helsedirektoratet.no", "helsetilsynet.no",
        "fhi.no", "bufdir.no", "bufetat.no", "dsb.no", "kartverket.no", "brreg.no", "digdir.no", "nve.no", "miljodirektoratet.no",
        "landbruksdirektoratet.no", "vegvesen.no", "riksantikvaren.no", "sivilombudet.no", "datatilsynet.no", "imdi.no", "udi.no",
        "lanekassen.no", "nkom.no", "toll.no", "stortinget.no", "riksrevisjonen.no", "forsvaret.no", "dsa.no", "kystverket.no",
        "jernbanedirektoratet.no", "helsenorge.no", "norsk-helsenett.no", "nhn.no", "kriminalomsorgen.no", "uhtil.no",
        "sivilrett.no", "konkurransetilsynet.no", "forbrukertilsynet.no", "luftfartstilsynet.no", "sjofartsdir.no",
        "statsbygg.no", "statnett.no", "innovasjonnorge.no", "ssb.no", "arkivverket.no", "nasjonalbiblioteket.no",
        "kulturradet.no", "barneombudet.no", "ldo.no", "diskrimineringsnemnda.no", "trygderetten.no", "spesialenheten.no",
        "politietssikkerhetstjeneste.no", "valgdirektoratet.no",
    ];

    /// <summary>The lower-case domain of a From value such as "Kari Nordmann &lt;kari@example.no&gt;", or "" when there is none.</summary>
    public static string DomainOf(string? from)
    {
        if (string.IsNullOrWhiteSpace(from)) return "";
        var address = from;
        var open = from.LastIndexOf('<');
        if (open >= 0)
        {
            var close = from.IndexOf('>', open);
            address = close > open ? from[(open + 1)..close] : from[(open + 1)..];
        }
        var at = address.LastIndexOf('@');
        if (at < 0) return "";
        return address[(at + 1)..].Trim().TrimEnd('.', '>', ' ', '"', '\'').ToLowerInvariant();
    }

    /// <summary>True when the local part says no one reads replies: noreply, mailer-daemon and the like.</summary>
    public static bool IsAutomatedAddress(string? from)
    {
        if (string.IsNullOrWhiteSpace(from)) return false;
        var lower = from.ToLowerInvariant();
        return lower.Contains("noreply", StringComparison.Ordinal) || lower.Contains("no-reply", StringComparison.Ordinal)
            || lower.Contains("donotreply", StringComparison.Ordinal) || lower.Contains("do-not-reply", StringComparison.Ordinal)
            || lower.Contains("ikke-svar", StringComparison.Ordinal) || lower.Contains("ikkesvar", StringComparison.Ordinal)
            || lower.Contains("mailer-daemon", StringComparison.Ordinal) || lower.Contains("postmaster@", StringComparison.Ordinal)
            || lower.Contains("newsletter", StringComparison.Ordinal) || lower.Contains("nyhetsbrev", StringComparison.Ordinal);
    }

    public static SenderKind KindOf(string domain)
    {
        if (domain.Length == 0 || !domain.Contains('.')) return SenderKind.Unknown;
        if (ConsumerProviders.Contains(domain)) return SenderKind.PrivatePerson;
        if (domain.EndsWith(".fylkeskommune.no", StringComparison.Ordinal)) return SenderKind.PublicAuthority;
        if (domain.EndsWith(".kommune.no", StringComparison.Ordinal)) return SenderKind.Municipality;
        if (domain.EndsWith(".dep.no", StringComparison.Ordinal) || domain.StartsWith("helse-", StringComparison.Ordinal)) return SenderKind.PublicAuthority;
        for (var parent = domain; parent.Contains('.'); parent = parent[(parent.IndexOf('.') + 1)..])
            if (Authorities.Contains(parent)) return SenderKind.PublicAuthority;
        return SenderKind.Organisation;
    }
}
