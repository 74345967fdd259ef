using MailAssist.Api.Messages;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// The names of the persons a message is from, to and copied to, read from its address headers
/// ("Kari Nordmann &lt;kari.nordmann@gmail.com&gt;"), so they are found wherever they recur: in a
/// greeting, a signature, an attachment's name. Organisations' and roles' names are left out.
/// </summary>
public sealed class KnownNames
{
    private readonly HashSet<string> _names;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private KnownNames(HashSet<string> names)
    {
        _names = names;
        _lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static KnownNames None { get; } = new(new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    public bool IsEmpty => _names.Count == 0;

    public static KnownNames Of(IncomingMessage message) => FromMailboxes([message.From, .. message.To, .. message.Cc]);

    /// <summary>The persons' names in address headers: "Kari Nordmann &lt;kari@x.no&gt;", "Nordmann, Kari", "kari.nordmann@x.no".</summary>
    public static KnownNames FromMailboxes(IEnumerable<string?> mailboxes)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var mailbox in mailboxes)
        {
            if (string.IsNullOrWhiteSpace(mailbox)) continue;
            var open = mailbox.IndexOf('<');
            var address = open >= 0 ? mailbox[(open + 1)..].TrimEnd(' ', '>') : mailbox.Contains('@') ? mailbox.Trim() : "";
            var personal = EmailAddresses.IsPersonal(address);
            AddDisplayName(open >= 0 ? mailbox[..open] : address.Length == 0 ? mailbox : "", hasAddress: address.Length > 0, personal, names);
            if (personal) AddLocalPart(address.AsSpan(0, address.IndexOf('@')), names);
        }
        return new KnownNames(names);
    }

    /// <summary>These names and the name-like parts of the personal addresses found in a text ("kari.nordmann" gives Kari and Nordmann).</summary>
    internal KnownNames WithLocalParts(IEnumerable<string> localParts)
    {
        var names = new HashSet<string>(_names, StringComparer.OrdinalIgnoreCase);
        foreach (var localPart in localParts) AddLocalPart(localPart, names);
        return new KnownNames(names);
    }

    /// <summary>These names and the words of names found in the text, so a later "Kontakt Liv" follows an earlier "Liv Hansen".</summary>
    internal KnownNames WithNames(IEnumerable<string> words) => new(new HashSet<string>(_names.Concat(words), StringComparer.OrdinalIgnoreCase));

    /// <summary>True when a part of a domain ("aune-hjem.no") is one of the names, everyday word or not.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);

    /// <summary>
    /// True when the word is one of the names, or its genitive ("Karis"). A name that is also an
    /// everyday word ("Berg", "Per") matches only with a capital letter.
    /// </summary>
    public bool Matches(ReadOnlySpan<char> word)
    {
        if (_names.Count == 0 || word.Length < 2) return false;
        var capitalised = char.IsUpper(word[0]);
        return Match(word, capitalised) || word.Length > 2 && word[^1] is 's' or 'S' && Match(word[..^1], capitalised);
    }

    private bool Match(ReadOnlySpan<char> word, bool capitalised) =>
        _lookup.Contains(word) && (capitalised || !NameLists.IsCommonWord(word));

    private static void AddLocalPart(ReadOnlySpan<char> localPart, HashSet<string> names)
    {
        foreach (var range in localPart.SplitAny("._-+0123456789"))
        {
            var part = localPart[range];
            if (part.Length >= 3 && !NameLists.IsRoleWord(part) && !NameLists.IsNotName(part)) names.Add(part.ToString());
        }
    }

    // A display name counts when it is a person's: with a personal address, starting with a given name, or of two words or more without any address.
    private static void AddDisplayName(string display, bool hasAddress, bool personalAddress, HashSet<string> names)
    {
        var words = display.Split((char[])[' ', ',', '"', '\'', '(', ')', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Any(w => NameLists.IsOrganisationWord(w) || NameLists.IsRoleWord(w) || !w.All(c => char.IsLetter(c) || c is '-' or '.')))
            return;
        if (!personalAddress && !NameLists.IsGivenName(words[0]) && (hasAddress || words.Length < 2)) return;
        foreach (var word in words)
        {
            var name = word.Trim('.', '-');
            if (name.Length < 2 || NameLists.IsNotName(name)) continue;
            names.Add(name);
            foreach (var part in name.Split('-', StringSplitOptions.RemoveEmptyEntries))
                if (part.Length >= 2) names.Add(part);
        }
    }
}
