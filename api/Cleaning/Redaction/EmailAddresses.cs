using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// E-mail addresses of persons: every address at a consumer provider, and name-like addresses
/// ("kari.nordmann@", "ola@") anywhere. Role and organisational addresses ("postmottak@",
/// "faktura@", "noreply@") are kept: they say where a message belongs and identify no one.
/// </summary>
public static partial class EmailAddresses
{
    private static readonly FrozenSet<string> ConsumerDomains = FrozenSet.ToFrozenSet(
    [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.no", "hotmail.co.uk", "hotmail.se", "outlook.com", "outlook.no",
        "live.com", "live.no", "live.se", "msn.com", "yahoo.com", "yahoo.no", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com",
        "mac.com", "aol.com", "online.no", "start.no", "frisurf.no", "broadpark.no", "getmail.no", "c2i.net", "chello.no",
        "lyse.net", "altibox.no", "epost.no", "sol.no", "ebnett.no", "haugnett.no", "enivest.net", "tele2.no", "bluezone.no",
        "proton.me", "protonmail.com", "pm.me", "tutanota.com", "tuta.io", "gmx.com", "gmx.net", "gmx.de", "web.de",
        "t-online.de", "mail.com", "mail.ru", "yandex.ru", "yandex.com", "wp.pl", "o2.pl", "onet.pl", "interia.pl", "gazeta.pl",
        "inbox.lt", "one.lt", "fastmail.com", "zoho.com", "orange.fr", "free.fr", "libero.it", "hey.com",
    ], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})*\.\p{L}{2,24}(?![\p{L}\p{N}-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    public static void Find(string text, List<RedactionSpan> spans)
    {
        if (!text.Contains('@')) return;
        foreach (var match in Address().EnumerateMatches(text))
        {
            var address = text.AsSpan(match.Index, match.Length);
            if (IsPersonal(address)) spans.Add(new RedactionSpan(match.Index, match.Index + match.Length, PersonalDataKind.Epost));
        }
    }

    /// <summary>True when the address belongs to a person rather than a role or an organisation.</summary>
    public static bool IsPersonal(ReadOnlySpan<char> address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0) return false;
        if (ConsumerDomains.GetAlternateLookup<ReadOnlySpan<char>>().Contains(address[(at + 1)..])) return true;

        var parts = 0;
        var hasRole = false;
        var hasName = false;
        foreach (var range in address[..at].SplitAny("._-+0123456789"))
        {
            var part = address[range];
            if (part.Length == 0) continue;
            parts++;
            hasName |= part.Length > 1 && NameLists.IsGivenName(part);
            hasRole |= NameLists.IsRoleWord(part);
        }
        return hasName || !hasRole && (parts >= 2 || parts == 1 && NameLists.IsSurname(address[..at]));
    }
}
