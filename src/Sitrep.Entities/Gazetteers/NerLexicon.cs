using System.IO.Compression;
using System.Text;
using Sitrep.Entities.Recognition;

namespace Sitrep.Entities.Gazetteers;

/// <summary>
/// The lexical resources the tagger reads: gazetteer phrases (a trie over lowercased tokens) and word clusters at three
/// granularities (k-means over word vectors). Immutable and thread-safe once loaded.
/// </summary>
/// <remarks>
/// Stored as Brotli-compressed text: <c>#clusters</c> then <c>word TAB c1 TAB c2 TAB c3</c> lines, <c>#gazetteer</c>
/// then <c>flags TAB phrase</c> lines and <c>#demonym</c> then <c>demonym TAB country</c> lines.
/// </remarks>
public sealed class NerLexicon
{
    /// <summary>Longest gazetteer phrase, in tokens.</summary>
    public const int MaxPhraseTokens = 6;

    private readonly Dictionary<string, int> _clusterIndex;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _clusterLookup;
    private readonly int[] _clusters;
    private readonly Dictionary<ulong, int> _trie = [];
    private readonly List<GazetteerCategory> _nodeFlags = [GazetteerCategory.None];
    private readonly Dictionary<string, string> _demonyms;

    private NerLexicon(Dictionary<string, int> clusterIndex, int[] clusters, Dictionary<string, string> demonyms)
    {
        _clusterIndex = clusterIndex;
        _clusterLookup = clusterIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        _clusters = clusters;
        _demonyms = demonyms;
    }

    /// <summary>An empty lexicon: no clusters, no gazetteer.</summary>
    public static NerLexicon Empty { get; } = new([], [], []);

    /// <summary>Words that have clusters.</summary>
    public int ClusterWords => _clusterIndex.Count;

    /// <summary>Gazetteer phrases.</summary>
    public int Phrases { get; private set; }

    /// <summary>Nationality adjectives and the country each names (lowercase), e.g. russian → russia.</summary>
    public IReadOnlyDictionary<string, string> Demonyms => _demonyms;

    /// <summary>Reads the compressed form.</summary>
    public static NerLexicon Load(Stream compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusters = new List<int>();
        var phrases = new List<(GazetteerCategory, string)>();
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = string.Empty;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                section = line;
                continue;
            }

            var parts = line.Split('\t');
            if (section.StartsWith("#clusters", StringComparison.Ordinal) && parts.Length == 4)
            {
                index[parts[0]] = index.Count;
                clusters.Add(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
                clusters.Add(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture));
                clusters.Add(int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (section.StartsWith("#gazetteer", StringComparison.Ordinal) && parts.Length == 2)
            {
                phrases.Add(((GazetteerCategory)byte.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1]));
            }
            else if (section.StartsWith("#demonym", StringComparison.Ordinal) && parts.Length == 2)
            {
                demonyms[parts[0]] = parts[1];
            }
        }

        var lexicon = new NerLexicon(index, [.. clusters], demonyms);
        foreach (var (flags, phrase) in phrases)
        {
            lexicon.AddPhrase(phrase, flags);
        }

        return lexicon;
    }

    /// <summary>Writes the compressed form.</summary>
    public static void Save(Stream output, IReadOnlyList<(string Word, int C1, int C2, int C3)> clusters, IEnumerable<(GazetteerCategory Flags, string Phrase)> phrases, IEnumerable<KeyValuePair<string, string>> demonyms)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(demonyms);
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(brotli, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("#clusters");
        foreach (var (word, c1, c2, c3) in clusters)
        {
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{word}\t{c1}\t{c2}\t{c3}"));
        }

        writer.WriteLine("#gazetteer");
        foreach (var (flags, phrase) in phrases)
        {
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(byte)flags}\t{phrase}"));
        }

        writer.WriteLine("#demonym");
        foreach (var pair in demonyms)
        {
            writer.WriteLine($"{pair.Key}\t{pair.Value}");
        }
    }

    /// <summary>The cluster ids of a lowercased word at the three granularities, or false when it has none.</summary>
    public bool TryGetClusters(ReadOnlySpan<char> lowerWord, out int c1, out int c2, out int c3)
    {
        if (_clusterLookup.TryGetValue(lowerWord, out var i))
        {
            c1 = _clusters[3 * i];
            c2 = _clusters[(3 * i) + 1];
            c3 = _clusters[(3 * i) + 2];
            return true;
        }

        c1 = c2 = c3 = -1;
        return false;
    }

    /// <summary>Follows the trie from <paramref name="node"/> by one token's lowercase hash; -1 when there is no edge.</summary>
    public int Next(int node, ulong lowerTokenHash) => _trie.TryGetValue(FeatureHash.Mix((ulong)node + 1, lowerTokenHash), out var next) ? next : -1;

    /// <summary>The categories of the phrase ending at <paramref name="node"/>.</summary>
    public GazetteerCategory FlagsOf(int node) => _nodeFlags[node];

    /// <summary>Categories of a whole phrase (lowercased, tokens separated by single spaces), or None.</summary>
    public GazetteerCategory Lookup(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var node = 0;
        foreach (var token in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            node = Next(node, FeatureHash.OfLower(token));
            if (node < 0)
            {
                return GazetteerCategory.None;
            }
        }

        return node == 0 ? GazetteerCategory.None : _nodeFlags[node];
    }

    private void AddPhrase(string phrase, GazetteerCategory flags)
    {
        var node = 0;
        var tokens = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || tokens.Length > MaxPhraseTokens)
        {
            return;
        }

        foreach (var token in tokens)
        {
            var key = FeatureHash.Mix((ulong)node + 1, FeatureHash.OfLower(token));
            if (!_trie.TryGetValue(key, out var next))
            {
                next = _nodeFlags.Count;
                _nodeFlags.Add(GazetteerCategory.None);
                _trie[key] = next;
            }

            node = next;
        }

        if (_nodeFlags[node] == GazetteerCategory.None)
        {
            Phrases++;
        }

        _nodeFlags[node] |= flags;
    }
}
