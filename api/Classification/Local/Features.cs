using MailAssist.Api.Cleaning;

namespace MailAssist.Api.Classification.Local;

/// <summary>One hashed feature occurrence; <see cref="Signal"/> points at what produced it when signals are kept, else -1.</summary>
public readonly record struct FeatureEntry(int Index, float Value, int Signal);

public enum SignalKind { Word, Phrase, SubjectWord, Attachment, Sender, SenderKind, Cue }

/// <summary>A human-readable source of features, used to explain a suggestion; a phrase is <see cref="Text"/> followed by <see cref="Next"/>.</summary>
public readonly record struct Signal(SignalKind Kind, string Text, string? Next = null)
{
    public string Words => Next is null ? Text : $"{Text} {Next}";
}

public sealed class FeatureVector(List<FeatureEntry> entries, List<Signal>? signals)
{
    public List<FeatureEntry> Entries { get; } = entries;
    public IReadOnlyList<Signal> Signals { get; } = signals ?? [];
}

/// <summary>
/// Hashed features in the spirit of fastText: word unigrams and bigrams, character 3-5-grams within
/// words (so "byggesøknaden" shares evidence with "byggesøknad"), subject words marked apart,
/// attachment-name words and extensions, sender domain and kind, and the cleaner's cues. Each group
/// is scaled to a fixed length so a long body does not drown the sender or the attachments.
/// </summary>
public static class Features
{
    public const int Bits = 18;
    public const int Dimension = 1 << Bits;
    private const int MaxBodyTokens = 400;
    private const int MaxTokenLength = 40;

    private const float BodyWordWeight = 1.0f;
    private const float BodyPhraseWeight = 0.7f;
    private const float CharGramWeight = 1.0f;
    private const float SubjectWeight = 0.9f;
    private const float AttachmentWeight = 0.8f;
    private const float MetaWeight = 0.6f;

    /// <summary>Function words of bokmål, nynorsk and English: they say nothing about the owner, only add noise to unigrams and character grams.</summary>
    private static readonly HashSet<string> StopWords =
    [
        "og", "i", "på", "er", "det", "som", "en", "et", "ei", "til", "av", "for", "med", "har", "vi", "jeg", "eg", "kan", "om", "at",
        "den", "de", "dere", "du", "deg", "meg", "oss", "seg", "sin", "sitt", "sine", "min", "mitt", "mine", "vår", "vårt", "våre",
        "ikke", "ikkje", "fra", "frå", "ved", "etter", "eller", "men", "så", "da", "då", "nå", "no", "var", "vil", "skal", "må",
        "blir", "bli", "vart", "ble", "også", "hei", "hallo", "the", "and", "of", "to", "a", "an", "in", "on", "for", "is",
        "are", "we", "you", "it", "this", "that", "with", "be", "have", "has", "our", "your", "from", "at", "as", "by", "or",
        "dette", "denne", "disse", "hva", "kva", "hvor", "kor", "når", "noe", "noko", "inn", "ut", "opp", "over", "under",
        "mot", "hos", "uten", "utan", "hvis", "viss", "bare", "berre", "kun", "alle", "all", "nok", "litt", "mer", "meir", "mvh",
        "takk", "hilsen", "helsing", "venleg", "vennlig", "please", "thanks", "regards", "dear",
    ];

    public static FeatureVector Extract(CleanedMessage message, bool keepSignals)
    {
        var subject = Tokens(message.Subject, int.MaxValue);
        var body = Tokens(message.Text, MaxBodyTokens);
        var builder = new Builder(keepSignals, capacity: 18 * (subject.Count + body.Count) + 40 * message.AttachmentNames.Count + 16);

        builder.Begin();
        foreach (var t in body) if (!StopWords.Contains(t)) builder.Add('w', t, null, SignalKind.Word);
        builder.End(BodyWordWeight);

        builder.Begin();
        for (var i = 1; i < body.Count; i++) builder.Add('b', body[i - 1], body[i], SignalKind.Phrase);
        builder.End(BodyPhraseWeight);

        builder.Begin();
        foreach (var t in subject) if (!StopWords.Contains(t)) builder.CharGrams(t, SignalKind.SubjectWord, t);
        foreach (var t in body) if (!StopWords.Contains(t)) builder.CharGrams(t, SignalKind.Word, t);
        builder.End(CharGramWeight);

        builder.Begin();
        foreach (var t in subject) builder.Add('s', t, null, SignalKind.SubjectWord);
        for (var i = 1; i < subject.Count; i++) builder.Add('t', subject[i - 1], subject[i], SignalKind.SubjectWord);
        builder.End(SubjectWeight);

        builder.Begin();
        foreach (var name in message.AttachmentNames)
        {
            var dot = name.LastIndexOf('.');
            var stem = dot > 0 ? name[..dot] : name;
            if (dot > 0 && name.Length - dot <= 6) builder.Add('x', name[(dot + 1)..].ToLowerInvariant(), null, SignalKind.Attachment, name);
            foreach (var t in Tokens(stem, 30))
            {
                builder.Add('a', t, null, SignalKind.Attachment, name);
                builder.CharGrams(t, SignalKind.Attachment, name);
            }
        }
        builder.End(AttachmentWeight);

        builder.Begin();
        if (message.SenderDomain.Length > 0)
        {
            builder.Add('d', message.SenderDomain, null, SignalKind.Sender);
            var dot = message.SenderDomain.LastIndexOf('.');
            if (dot > 0) builder.Add('l', message.SenderDomain[dot..], null, null);
        }
        builder.Add('k', message.SenderKind.ToString(), null, SignalKind.SenderKind);
        foreach (var cue in MessageCueNames.Of(message.Cues)) builder.Add('q', cue, null, SignalKind.Cue);
        if (message.IsEmpty) builder.Add('q', "Empty", null, SignalKind.Cue);
        builder.Add('n', LengthBucket(body.Count), null, null);
        builder.Add('n', AttachmentBuckets[Math.Min(message.AttachmentNames.Count, 3)], null, null);
        if (message.Text.Contains("http", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("www.", StringComparison.OrdinalIgnoreCase))
            builder.Add('q', "Link", null, null);
        builder.End(MetaWeight, normalise: false);

        return builder.Build();
    }

    private static readonly string[] AttachmentBuckets = ["attachments0", "attachments1", "attachments2", "attachments3"];

    private static string LengthBucket(int words) => words switch
    {
        0 => "len0",
        < 8 => "len1",
        < 30 => "len2",
        < 100 => "len3",
        _ => "len4",
    };

    /// <summary>Lower-case words of letters; numbers become their shape ("#4", "#11") so that no figure is remembered.</summary>
    public static List<string> Tokens(string text, int max)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length && tokens.Count < max)
        {
            var c = text[i];
            if (char.IsLetter(c))
            {
                var start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
                tokens.Add(string.Create(Math.Min(i - start, MaxTokenLength), (text, start),
                    static (span, source) => source.text.AsSpan(source.start, span.Length).ToLowerInvariant(span)));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsDigit(text[i])) i++;
                tokens.Add("#" + Math.Min(i - start, 12));
            }
            else i++;
        }
        return tokens;
    }

    private sealed class Builder(bool keepSignals, int capacity)
    {
        private readonly List<FeatureEntry> _entries = new(capacity);
        private readonly List<Signal>? _signals = keepSignals ? [] : null;
        private readonly Dictionary<Signal, int>? _signalIds = keepSignals ? [] : null;
        private int _groupStart;

        public void Begin() => _groupStart = _entries.Count;

        /// <summary>Scales the group's entries so the group has length <paramref name="weight"/>, or each entry that value when not normalised.</summary>
        public void End(float weight, bool normalise = true)
        {
            var count = _entries.Count - _groupStart;
            if (count == 0) return;
            var value = normalise ? weight / MathF.Sqrt(count) : weight;
            for (var i = _groupStart; i < _entries.Count; i++) _entries[i] = _entries[i] with { Value = value };
        }

        /// <summary>Adds the feature <paramref name="first"/> (or the pair with <paramref name="second"/>); its signal is the same words unless <paramref name="text"/> says otherwise.</summary>
        public void Add(char ns, string first, string? second, SignalKind? kind, string? text = null)
        {
            var hash = Hash.Of(ns, first);
            if (second is not null) hash = Hash.Combine(hash, Hash.Of(ns, second));
            _entries.Add(new FeatureEntry(Hash.Bucket(hash, Bits), 1, SignalOf(kind, text ?? first, text is null ? second : null)));
        }

        public void CharGrams(string token, SignalKind kind, string text)
        {
            if (token[0] == '#' || token.Length < 2) return;
            var signal = SignalOf(kind, text, null);
            Span<char> padded = stackalloc char[token.Length + 2];
            padded[0] = '<';
            token.AsSpan().CopyTo(padded[1..]);
            padded[^1] = '>';
            for (var n = 3; n <= 5; n++)
                for (var start = 0; start + n <= padded.Length; start++)
                    _entries.Add(new FeatureEntry(Hash.Bucket(Hash.Of('c', padded.Slice(start, n)), Bits), 1, signal));
        }

        private int SignalOf(SignalKind? kind, string text, string? next)
        {
            if (_signals is null || kind is not { } k) return -1;
            var signal = new Signal(k, text, next);
            if (!_signalIds!.TryGetValue(signal, out var id))
            {
                id = _signals.Count;
                _signals.Add(signal);
                _signalIds[signal] = id;
            }
            return id;
        }

        /// <summary>The vector; without signals, repeated buckets are merged so training touches each row once.</summary>
        public FeatureVector Build()
        {
            if (_signals is not null) return new FeatureVector(_entries, _signals);
            _entries.Sort((a, b) => a.Index.CompareTo(b.Index));
            var merged = new List<FeatureEntry>(_entries.Count);
            foreach (var e in _entries)
            {
                if (merged.Count > 0 && merged[^1].Index == e.Index) merged[^1] = merged[^1] with { Value = merged[^1].Value + e.Value };
                else merged.Add(e);
            }
            return new FeatureVector(merged, null);
        }
    }
}

/// <summary>FNV-1a over UTF-16 code units, then a finaliser: stable across processes, unlike string.GetHashCode.</summary>
public static class Hash
{
    public static uint Of(char ns, ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        hash = (hash ^ ns) * 16777619u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    public static uint Combine(uint a, uint b) => (a * 0x9E3779B1u) ^ (b + 0x7F4A7C15u + (a << 6) + (a >> 2));

    public static int Bucket(uint hash, int bits)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        hash ^= hash >> 16;
        return (int)(hash >> (32 - bits));
    }
}
