using System.Collections.Frozen;

namespace MailAssist.Api.Cleaning.Redaction;

/// <summary>
/// Persons' names in free text and file names: the names known from the message's headers; a
/// run of capitalised words after a cue ("Navn:", "Hilsen", "Hei", "Mitt navn er"); a known given
/// name with the capitalised words after it ("Kari Anne Nordmann"); and a known surname with the
/// word before it. Organisations ("Eksempel kommune", "Byggmester Hansen AS") are left alone.
/// </summary>
internal static class PersonNames
{
    private const int MaxRun = 4;

    private enum Cue { None, Strong, Title, SignOff, Greeting }

    private readonly record struct Word(int Start, int End, bool Joined, bool Capitalised);

    // Words after which a name follows, and how strongly: with a colon after the word ("Søker: Kari"), and without.
    private static readonly FrozenDictionary<string, (Cue WithColon, Cue Without)>.AlternateLookup<ReadOnlySpan<char>> Cues =
        new (string Words, Cue WithColon, Cue Without)[]
        {
            ("navn navnet heter heiter fornavn etternavn", Cue.Strong, Cue.Strong),
            ("saksbehandler tiltakshaver nabo", Cue.Strong, Cue.Title),
            ("søker søkar elev eleven pasient pasienten bruker brukeren foresatt foresatte mor far barn barnet barnets kontaktperson "
                + "avsender sender mottaker fra frå from til to kopi cc underskrift signatur verge klager name bestiller styrer "
                + "leietaker ansatt kontakt hjemmelshaver eier innsender pårørende representant fullmektig ektefelle samboer "
                + "applicant contact", Cue.Strong, Cue.None),
            ("advokat lege rektor lærer kontaktlærer rådgiver konsulent leder styreleder ordfører sykepleier naboen fru herr dr",
                Cue.Title, Cue.Title),
            ("hilsen hilsener helsing mvh regards sincerely vh", Cue.SignOff, Cue.SignOff),
            ("hei hallo kjære dear hi hello", Cue.Greeting, Cue.Greeting),
        }
        .SelectMany(group => group.Words.Split(' ').Select(word => (Word: word, Cues: (group.WithColon, group.Without))))
        .ToFrozenDictionary(w => w.Word, w => w.Cues, StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adds the names in <paramref name="text"/> to <paramref name="spans"/> and their words to <paramref name="found"/>.</summary>
    public static void Find(string text, List<RedactionSpan> spans, KnownNames known, bool fileName, List<string> found)
    {
        var words = Words(text, fileName);
        for (var k = 0; k < words.Count; k++)
        {
            var word = words[k];
            var value = Value(text, word);
            if (known.Matches(value))
            {
                k = Add(text, spans, words, k, Math.Max(1, RunLength(text, words, k, fileName)), found);
                continue;
            }
            var cue = fileName ? Cue.None : CueAt(text, word);
            if (cue != Cue.None)
            {
                var start = k + 1;
                if (start < words.Count && IsFiller(text, words[start])) start++;
                if (start < words.Count && !BreaksSentence(text, AfterAbbreviation(text, word.End), words[start].Start))
                {
                    var run = RunLength(text, words, start, fileName);
                    if (run > 0 && Accepts(cue, text, words, start, run))
                    {
                        k = Add(text, spans, words, start, run, found);
                        continue;
                    }
                }
            }
            if ((word.Capitalised || fileName) && IsGivenName(value) && !NameLists.IsNotName(value))
            {
                var run = RunLength(text, words, k, fileName);
                if (run >= 2 || run == 1 && !NameLists.IsAmbiguousGivenName(value)) k = Add(text, spans, words, k, run, found);
                continue;
            }
            if ((word.Capitalised || fileName) && NameLists.IsSurname(value) && !IsFollowedByOrganisation(text, words, k + 1))
            {
                var withPrevious = k > 0 && word.Joined && IsNamePart(text, words[k - 1], fileName);
                if (withPrevious) Add(text, spans, words, k - 1, 2, found);
                else if (!NameLists.IsCommonWord(value)) Add(text, spans, words, k, 1, found);
            }
        }
    }

    /// <summary>Adds only the occurrences of names already known: the second sweep, once every field's names are found.</summary>
    public static void FindKnown(string text, List<RedactionSpan> spans, KnownNames known, bool fileName)
    {
        for (var end = NextWord(text, 0, fileName, out var start); start < text.Length; end = NextWord(text, end, fileName, out start))
            if (known.Matches(text.AsSpan(start, end - start)))
                spans.Add(new RedactionSpan(start, end, PersonalDataKind.Navn));
    }

    private static List<Word> Words(string text, bool fileName)
    {
        var words = new List<Word>(text.Length / 6);
        var previousEnd = -1;
        for (var end = NextWord(text, 0, fileName, out var start); start < text.Length; end = NextWord(text, end, fileName, out start))
        {
            var joined = previousEnd >= 0 && IsJoin(text.AsSpan(previousEnd, start - previousEnd), fileName);
            words.Add(new Word(start, end, joined, char.IsUpper(text[start])));
            previousEnd = end;
        }
        return words;
    }

    // The end of the next word from 'from', its start in 'start' (the text's length when there is none). A word is
    // letters, in running text also joined by '-' or an apostrophe ("Anne-Lise", "O'Brien").
    private static int NextWord(string text, int from, bool fileName, out int start)
    {
        var i = from;
        while (i < text.Length && !char.IsLetter(text[i])) i++;
        start = i;
        while (i < text.Length && (char.IsLetter(text[i]) || !fileName && text[i] is '-' or '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            i++;
        return i;
    }

    // Words of one name are joined by a single space; in a file name also by '_', '-' or '.'.
    private static bool IsJoin(ReadOnlySpan<char> gap, bool fileName) =>
        gap is " " or "\u00A0" || fileName && gap.Length == 1 && gap[0] is '_' or '-' or '.';

    private static Cue CueAt(string text, Word word)
    {
        var value = Value(text, word);
        if (value is "v" or "V") return FollowedBy(text, word.End, '/') ? Cue.Strong : Cue.None;
        if (!Cues.TryGetValue(value, out var cue)) return Cue.None;
        return FollowedBy(text, word.End, ':') ? cue.WithColon : cue.Without;
    }

    private static bool Accepts(Cue cue, string text, List<Word> words, int start, int run)
    {
        if (cue == Cue.Strong || run >= 2) return true;
        var value = Value(text, words[start]);
        if (IsGivenName(value) || NameLists.IsSurname(value)) return true;
        if (cue == Cue.Title) return false;
        // "Hilsen\nGuri" or "Hei Guri," : one unknown word standing alone after a sign-off or greeting.
        var after = text.AsSpan(words[start].End).TrimStart(" \t");
        return after.IsEmpty || after[0] is '\r' or '\n' || cue == Cue.Greeting && after[0] is ',' or '!';
    }

    // The number of words from 'start' that form a name; none when an organisation word follows ("Eksempel kommune").
    private static int RunLength(string text, List<Word> words, int start, bool fileName)
    {
        var run = 0;
        while (start + run < words.Count && run < MaxRun && (run == 0 || words[start + run].Joined) && IsNamePart(text, words[start + run], fileName))
            run++;
        return run > 0 && IsFollowedByOrganisation(text, words, start + run) ? 0 : run;
    }

    // "Hansen AS", "Hus & Hjem AS": an organisation word within the next three words of the same phrase.
    private static bool IsFollowedByOrganisation(string text, List<Word> words, int next)
    {
        for (var k = next; k < words.Count && k < next + 3; k++)
        {
            if (text.AsSpan(words[k - 1].End, words[k].Start - words[k - 1].End).ContainsAny(",.;:()\r\n")) return false;
            if (NameLists.IsOrganisationWord(Value(text, words[k]))) return true;
        }
        return false;
    }

    private static bool IsNamePart(string text, Word word, bool fileName)
    {
        var value = Value(text, word);
        return value.Length >= 2 && !NameLists.IsNotName(value) && !NameLists.IsOrganisationWord(value)
            && (word.Capitalised || fileName && (IsGivenName(value) || NameLists.IsSurname(value) || HasSurnameEnding(value)));
    }

    private static bool IsGivenName(ReadOnlySpan<char> value)
    {
        if (NameLists.IsGivenName(value)) return true;
        var hyphen = value.IndexOf('-');
        return hyphen > 0 && NameLists.IsGivenName(value[..hyphen]);
    }

    private static bool HasSurnameEnding(ReadOnlySpan<char> value) =>
        value.Length > 4 && (value.EndsWith("sen", StringComparison.OrdinalIgnoreCase) || value.EndsWith("son", StringComparison.OrdinalIgnoreCase)
            || value.EndsWith("stad", StringComparison.OrdinalIgnoreCase) || value.EndsWith("rud", StringComparison.OrdinalIgnoreCase));

    private static bool IsFiller(string text, Word word) => Value(text, word) is "er" or "is" or "var" or "mitt" or "min";

    // "Mvh." and "Dr.": the dot of an abbreviated cue ends no sentence.
    private static int AfterAbbreviation(string text, int end) => end < text.Length && text[end] == '.' ? end + 1 : end;

    private static bool BreaksSentence(string text, int from, int to) => text.AsSpan(from, to - from).ContainsAny(".!?;0123456789");

    private static bool FollowedBy(string text, int end, char c)
    {
        var rest = text.AsSpan(end).TrimStart(' ');
        return !rest.IsEmpty && rest[0] == c;
    }

    private static ReadOnlySpan<char> Value(string text, Word word) => text.AsSpan(word.Start, word.End - word.Start);

    // Adds the run of 'count' words from 'first' as one name and returns the index of its last word.
    private static int Add(string text, List<RedactionSpan> spans, List<Word> words, int first, int count, List<string> found)
    {
        var last = first + count - 1;
        spans.Add(new RedactionSpan(words[first].Start, words[last].End, PersonalDataKind.Navn));
        for (var k = first; k <= last; k++)
            if (words[k].End - words[k].Start >= 2) found.Add(Value(text, words[k]).ToString());
        return last;
    }
}
