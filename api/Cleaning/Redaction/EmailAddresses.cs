using System.Collections.Frozen;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// E-mail addresses of persons: every address at a consumer provider, and name-like addresses
/// ("kari.nordmann@", "ola@") anywhere. Role and organisational addresses ("postmottak@",
/// "faktura@", "noreply@") are kept: they say where a message belongs and identify no one.
/// </summary>
internal static class EmailAddresses
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

    /// <summary>Adds every personal address in the text, found from its '@' outwards.</summary>
    public static void Find(string text, List<RedactionSpan> spans)
    {
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && at - start < 64 && IsLocalChar(text[start - 1])) start--;
            while (start < at && text[start] == '.') start++;
            var end = at + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or '-')) end++;
            while (end > at + 1 && text[end - 1] is '.' or '-') end--;
            if (start == at || !IsDomain(text.AsSpan(at + 1, end - at - 1))) continue;
            if (IsPersonal(text.AsSpan(start, end - start))) spans.Add(new RedactionSpan(start, end, PersonalDataKind.Epost));
            at = end - 1;
        }
    }

    private static bool IsLocalChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '\'' or '-';

    // At least two labels, the last of two letters or more: "gmail.com", "eksempel.kommune.no".
    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var dot = domain.LastIndexOf('.');
        if (dot <= 0 || domain.Length - dot - 1 < 2 || domain.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in domain[(dot + 1)..])
            if (!char.IsLetter(c)) return false;
        return true;
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
