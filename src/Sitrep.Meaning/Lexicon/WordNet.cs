using System.Collections.Concurrent;
using System.Globalization;

namespace Sitrep.Meaning.Lexicon;

/// <summary>How a second word stands to a first one in WordNet (several can hold at once).</summary>
[Flags]
public enum WordRelation
{
    /// <summary>No relation found (or a word is not in WordNet).</summary>
    None = 0,

    /// <summary>The words share a synset ("kid" / "child").</summary>
    Synonym = 1,

    /// <summary>The second word is more general: one of its synsets is an ancestor of the first's ("guitar" → "instrument").</summary>
    Hypernym = 2,

    /// <summary>The second word is more specific: the first word is its hypernym ("person" → "man").</summary>
    Hyponym = 4,

    /// <summary>WordNet lists the words as antonyms ("open" / "closed").</summary>
    Antonym = 8,

    /// <summary>Different synsets under one direct hypernym ("guitar" / "piano", "dog" / "cat").</summary>
    Sibling = 16,
}

/// <summary>
/// The WordNet 3.0 database (Princeton's <c>index.*</c>, <c>data.*</c> and <c>*.exc</c> files, as installed by the
/// Debian package <c>wordnet-base</c>) read into memory: lemmas with their synsets in sense order, hypernyms and
/// antonyms, and WordNet's own lemmatiser (morphy: exception lists, then suffix rules).
/// </summary>
/// <remarks>
/// WordNet is optional: <see cref="Shared"/> is null when no database is found, and callers then do without it.
/// Immutable after loading; <see cref="Relate"/> is thread-safe (answers are memoised).
/// </remarks>
public sealed class WordNet
{
    /// <summary>The environment variable naming a WordNet <c>dict</c> directory, tried before the usual places.</summary>
    public const string DirectoryVariable = "SITREP_WORDNET";

    /// <summary>Only a word's most frequent senses count (rare senses make "man" a hyponym of "card").</summary>
    private const int Senses = 3;

    /// <summary>How far up the hypernym chain <see cref="WordRelation.Hypernym"/> looks.</summary>
    private const int MaxDepth = 10;

    private const int MaxLineLength = 1 << 16;

    /// <summary>Memoised answers kept before the memo is emptied (bounds memory in long runs).</summary>
    private const int MaxMemo = 200_000;

    private static readonly string[] Parts = ["noun", "verb", "adj", "adv"];

    private static readonly (string Suffix, string Ending)[][] Detachments =
    [
        [("s", string.Empty), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")],
        [("s", string.Empty), ("ies", "y"), ("es", "e"), ("es", string.Empty), ("ed", "e"), ("ed", string.Empty), ("ing", "e"), ("ing", string.Empty)],
        [("er", string.Empty), ("est", string.Empty), ("er", "e"), ("est", "e")],
        [],
    ];

    private static readonly Lazy<WordNet?> Installed = new(() => TryLoad(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, int[]>[] _index; // per part of speech: lemma → synset ids in sense order
    private readonly Dictionary<string, string[]>[] _exceptions; // per part of speech: inflected form → lemmas
    private readonly Dictionary<int, int[]> _hypernyms; // synset id → hypernym and instance-hypernym ids
    private readonly Dictionary<string, HashSet<string>> _antonyms; // lemma → antonym lemmas
    private readonly ConcurrentDictionary<(string, string), WordRelation> _memo = new();

    private WordNet(string directory, Dictionary<string, int[]>[] index, Dictionary<string, string[]>[] exceptions, Dictionary<int, int[]> hypernyms, Dictionary<string, HashSet<string>> antonyms)
    {
        Directory = directory;
        _index = index;
        _exceptions = exceptions;
        _hypernyms = hypernyms;
        _antonyms = antonyms;
    }

    /// <summary>The database found on this machine (see <see cref="TryLoad"/>), or null; loaded on first use.</summary>
    public static WordNet? Shared => Installed.Value;

    /// <summary>The directory the database was read from.</summary>
    public string Directory { get; }

    /// <summary>Lemmas known (all parts of speech; a lemma in two parts counts twice).</summary>
    public int LemmaCount => _index.Sum(i => i.Count);

    /// <summary>
    /// Loads WordNet from <paramref name="directory"/>, or else from <c>$SITREP_WORDNET</c> when it is set, or else the
    /// copy embedded in this assembly (WordNet 3.0 as Debian's <c>wordnet-base</c> ships it, glosses left out; packed by
    /// <c>scripts/pack-wordnet.py</c>), so that the pair model reads the same lexicon on every machine. Null when the
    /// database named cannot be read.
    /// </summary>
    public static WordNet? TryLoad(string? directory = null)
    {
        var candidate = directory ?? Environment.GetEnvironmentVariable(DirectoryVariable);
        try
        {
            if (!string.IsNullOrEmpty(candidate))
            {
                return File.Exists(Path.Combine(candidate, "index.noun")) && File.Exists(Path.Combine(candidate, "data.noun"))
                    ? Load(name => Lines(Path.Combine(candidate, name)), candidate)
                    : null;
            }

            return LoadEmbedded();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The name of the embedded copy's resource.</summary>
    private const string EmbeddedResource = "Sitrep.Meaning.Models.wordnet-3.0.txt.gz";

    private static WordNet? LoadEmbedded()
    {
        using var stream = typeof(WordNet).Assembly.GetManifestResourceStream(EmbeddedResource);
        if (stream is null)
        {
            return null;
        }

        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        using (var reader = new StreamReader(new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress)))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith("@@ ", StringComparison.Ordinal))
                {
                    files[line[3..]] = current = [];
                }
                else if (current is not null && line.Length > 0 && line.Length <= MaxLineLength)
                {
                    current.Add(line);
                }
            }
        }

        return Load(name => files.TryGetValue(name, out var lines) ? lines : [], "embedded WordNet 3.0");
    }

    private static WordNet Load(Func<string, IEnumerable<string>> linesOf, string directory)
    {
        var index = new Dictionary<string, int[]>[Parts.Length];
        var exceptions = new Dictionary<string, string[]>[Parts.Length];
        var hypernyms = new Dictionary<int, int[]>();
        var antonymIds = new List<(int Synset, int Word, int OtherSynset, int OtherWord)>();
        var words = new Dictionary<int, string[]>();
        for (var part = 0; part < Parts.Length; part++)
        {
            index[part] = ReadIndex(linesOf("index." + Parts[part]), "index." + Parts[part], part);
            exceptions[part] = ReadExceptions(linesOf(Parts[part] + ".exc"));
            ReadData(linesOf("data." + Parts[part]), part, hypernyms, words, antonymIds);
        }

        var antonyms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (synset, word, otherSynset, otherWord) in antonymIds)
        {
            if (words.TryGetValue(synset, out var from) && words.TryGetValue(otherSynset, out var to) && word < from.Length && otherWord < to.Length)
            {
                if (!antonyms.TryGetValue(from[word], out var set))
                {
                    antonyms[from[word]] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(to[otherWord]);
            }
        }

        return new WordNet(directory, index, exceptions, hypernyms, antonyms);
    }

    private static int Id(int part, int offset) => (part << 26) | offset;

    private static int Part(char pos) => pos switch
    {
        'n' => 0,
        'v' => 1,
        'a' or 's' => 2,
        'r' => 3,
        _ => throw new FormatException($"Unknown WordNet part of speech '{pos}'."),
    };

    private static IEnumerable<string> Lines(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path))
        {
            // The files open with a licence block whose lines start with two spaces.
            if (line.Length == 0 || line[0] == ' ' || line.Length > MaxLineLength)
            {
                continue;
            }

            yield return line;
        }
    }

    private static Dictionary<string, int[]> ReadIndex(IEnumerable<string> lines, string path, int part)
    {
        var index = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[0].Contains('_', StringComparison.Ordinal))
            {
                continue;
            }

            var synsets = int.Parse(fields[2], CultureInfo.InvariantCulture);
            var pointers = int.Parse(fields[3], CultureInfo.InvariantCulture);
            var first = 4 + pointers + 2;
            if (first + synsets > fields.Length)
            {
                throw new FormatException($"'{path}': the line of '{fields[0]}' lists fewer synsets than it says.");
            }

            index[fields[0]] = fields.Skip(first).Take(synsets).Select(o => Id(part, int.Parse(o, CultureInfo.InvariantCulture))).ToArray();
        }

        return index;
    }

    private static Dictionary<string, string[]> ReadExceptions(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2)
            {
                map[fields[0]] = fields[1..];
            }
        }

        return map;
    }

    private static void ReadData(IEnumerable<string> lines, int part, Dictionary<int, int[]> hypernyms, Dictionary<int, string[]> words, List<(int, int, int, int)> antonyms)
    {
        var parents = new List<int>();
        foreach (var line in lines)
        {
            // offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos source/target]... | gloss
            var bar = line.IndexOf(" | ", StringComparison.Ordinal);
            var fields = (bar >= 0 ? line[..bar] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var id = Id(part, int.Parse(fields[0], CultureInfo.InvariantCulture));
            var count = int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var lemmas = new string[count];
            for (var w = 0; w < count; w++)
            {
                var lemma = fields[4 + (2 * w)].ToLowerInvariant();
                var marker = lemma.IndexOf('(', StringComparison.Ordinal); // adjective position markers: "galore(ip)"
                lemmas[w] = marker > 0 ? lemma[..marker] : lemma;
            }

            words[id] = lemmas;
            var at = 4 + (2 * count);
            var pointers = int.Parse(fields[at], CultureInfo.InvariantCulture);
            parents.Clear();
            for (var p = 0; p < pointers; p++)
            {
                var k = at + 1 + (4 * p);
                var symbol = fields[k];
                var target = Id(Part(fields[k + 2][0]), int.Parse(fields[k + 1], CultureInfo.InvariantCulture));
                if (symbol is "@" or "@i")
                {
                    parents.Add(target);
                }
                else if (symbol == "!")
                {
                    var sourceTarget = fields[k + 3];
                    var source = int.Parse(sourceTarget.AsSpan(0, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    var other = int.Parse(sourceTarget.AsSpan(2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (source > 0 && other > 0)
                    {
                        antonyms.Add((id, source - 1, target, other - 1));
                    }
                }
            }

            if (parents.Count > 0)
            {
                hypernyms[id] = [.. parents];
            }
        }
    }

    /// <summary>The lemmas WordNet's morphy finds for <paramref name="word"/> in part of speech <paramref name="part"/> (0 noun … 3 adverb).</summary>
    private List<string> Lemmas(string word, int part)
    {
        var found = new List<string>(2);
        if (_index[part].ContainsKey(word))
        {
            found.Add(word);
        }

        if (_exceptions[part].TryGetValue(word, out var bases))
        {
            found.AddRange(bases.Where(b => _index[part].ContainsKey(b) && !found.Contains(b)));
        }

        foreach (var (suffix, ending) in Detachments[part])
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var candidate = word[..^suffix.Length] + ending;
                if (_index[part].ContainsKey(candidate) && !found.Contains(candidate))
                {
                    found.Add(candidate);
                }
            }
        }

        return found;
    }

    /// <summary>Whether WordNet knows <paramref name="word"/> (lower case, any inflection, any part of speech).</summary>
    public bool Knows(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        for (var part = 0; part < Parts.Length; part++)
        {
            if (Lemmas(word, part).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How <paramref name="second"/> stands to <paramref name="first"/> (both lower-case words, inflected or not): a
    /// synonym, more general, more specific, an antonym, a sibling. Only the words' three most frequent senses count.
    /// </summary>
    public WordRelation Relate(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (_memo.Count > MaxMemo)
        {
            _memo.Clear();
        }

        return _memo.GetOrAdd((first, second), static (key, self) => self.Compute(key.Item1, key.Item2), this);
    }

    private WordRelation Compute(string first, string second)
    {
        var relation = WordRelation.None;
        for (var part = 0; part < Parts.Length; part++)
        {
            var a = Lemmas(first, part);
            var b = Lemmas(second, part);
            if (a.Count == 0 || b.Count == 0)
            {
                continue;
            }

            if (a.Any(x => _antonyms.TryGetValue(x, out var set) && b.Any(set.Contains)))
            {
                relation |= WordRelation.Antonym;
            }

            var aSynsets = a.SelectMany(l => _index[part][l].Take(Senses)).ToHashSet();
            var bSynsets = b.SelectMany(l => _index[part][l].Take(Senses)).ToHashSet();
            if (aSynsets.Overlaps(bSynsets))
            {
                relation |= WordRelation.Synonym;
                continue;
            }

            var aAncestors = Ancestors(aSynsets);
            var bAncestors = Ancestors(bSynsets);
            if (bSynsets.Overlaps(aAncestors))
            {
                relation |= WordRelation.Hypernym;
            }

            if (aSynsets.Overlaps(bAncestors))
            {
                relation |= WordRelation.Hyponym;
            }

            if ((relation & (WordRelation.Hypernym | WordRelation.Hyponym)) == WordRelation.None && Parents(aSynsets).Overlaps(Parents(bSynsets)))
            {
                relation |= WordRelation.Sibling;
            }
        }

        return relation;
    }

    private HashSet<int> Parents(HashSet<int> synsets) =>
        synsets.SelectMany(s => _hypernyms.TryGetValue(s, out var up) ? up : []).ToHashSet();

    private HashSet<int> Ancestors(HashSet<int> synsets)
    {
        var seen = new HashSet<int>();
        var frontier = synsets.ToList();
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<int>();
            foreach (var s in frontier)
            {
                if (_hypernyms.TryGetValue(s, out var up))
                {
                    next.AddRange(up.Where(seen.Add));
                }
            }

            frontier = next;
        }

        return seen;
    }
}
