using System.Globalization;
using System.IO.Compression;
using System.Text;
using Sitrep.Entities.Recognition;

namespace Sitrep.Entities.Gazetteers;

/// <summary>
/// The lexical resources the tagger reads: gazetteer phrases (a trie over lowercased tokens), word clusters at several
/// granularities (k-means over word vectors) and the names seen as entities in the training data. Immutable and
/// thread-safe once loaded.
/// </summary>
/// <remarks>
/// Stored as Brotli-compressed text: <c>#clusters</c> then <c>word TAB c1 TAB c2 …</c> lines (the same number of
/// levels on every line), <c>#gazetteer</c> then <c>flags TAB phrase</c> lines, <c>#demonym</c> then
/// <c>demonym TAB country</c> lines and <c>#entities</c> then <c>type-bits TAB phrase</c> lines.
/// </remarks>
public sealed class NerLexicon
{
    /// <summary>Longest gazetteer phrase, in tokens.</summary>
    public const int MaxPhraseTokens = 6;

    /// <summary>Most cluster levels a lexicon may have.</summary>
    public const int MaxClusterLevels = 8;

    private readonly Dictionary<string, int> _clusterIndex;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _clusterLookup;
    private readonly int[] _clusters;
    private readonly Dictionary<ulong, int> _trie = [];
    private readonly List<GazetteerCategory> _nodeFlags = [GazetteerCategory.None];
    private readonly List<(GazetteerCategory Flags, string Phrase)> _phraseList = [];
    private readonly Dictionary<string, string> _demonyms;

    private NerLexicon(Dictionary<string, int> clusterIndex, int[] clusters, int levels, Dictionary<string, string> demonyms, EntityGazetteer entities)
    {
        _clusterIndex = clusterIndex;
        _clusterLookup = clusterIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        _clusters = clusters;
        ClusterLevels = levels;
        _demonyms = demonyms;
        Entities = entities;
    }

    /// <summary>An empty lexicon: no clusters, no gazetteer.</summary>
    public static NerLexicon Empty { get; } = new([], [], 0, [], EntityGazetteer.Empty);

    /// <summary>Words that have clusters.</summary>
    public int ClusterWords => _clusterIndex.Count;

    /// <summary>Cluster ids per word (coarsest first).</summary>
    public int ClusterLevels { get; }

    /// <summary>Gazetteer phrases.</summary>
    public int Phrases { get; private set; }

    /// <summary>Names tagged as entities in the training data.</summary>
    public EntityGazetteer Entities { get; }

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
        var levels = -1;
        var phrases = new List<(GazetteerCategory, string)>();
        var demonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        var entities = new EntityGazetteer();
        var section = string.Empty;
        while (reader.ReadLine() is { } line)
        {
            // "#" is also a clustered word ("#\t24\t…"): a section header is a line without a tab.
            if (line.StartsWith('#') && !line.Contains('\t', StringComparison.Ordinal))
            {
                section = line;
                continue;
            }

            var parts = line.Split('\t');
            if (section.StartsWith("#clusters", StringComparison.Ordinal) && parts.Length >= 2 && parts.Length <= MaxClusterLevels + 1)
            {
                if (levels < 0)
                {
                    levels = parts.Length - 1;
                }

                if (parts.Length - 1 != levels)
                {
                    throw new InvalidDataException($"Cluster line for '{parts[0]}' has {parts.Length - 1} levels, expected {levels}.");
                }

                index[parts[0]] = index.Count;
                for (var l = 1; l < parts.Length; l++)
                {
                    clusters.Add(int.Parse(parts[l], CultureInfo.InvariantCulture));
                }
            }
            else if (section.StartsWith("#gazetteer", StringComparison.Ordinal) && parts.Length == 2)
            {
                phrases.Add(((GazetteerCategory)byte.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]));
            }
            else if (section.StartsWith("#demonym", StringComparison.Ordinal) && parts.Length == 2)
            {
                demonyms[parts[0]] = parts[1];
            }
            else if (section.StartsWith("#entities", StringComparison.Ordinal) && parts.Length == 2)
            {
                entities.Add(parts[1], byte.Parse(parts[0], CultureInfo.InvariantCulture));
            }
        }

        var lexicon = new NerLexicon(index, [.. clusters], Math.Max(0, levels), demonyms, entities);
        foreach (var (flags, phrase) in phrases)
        {
            lexicon.AddPhrase(phrase, flags);
        }

        return lexicon;
    }

    /// <summary>Writes the compressed form of a new lexicon.</summary>
    public static void Save(Stream output, IReadOnlyList<(string Word, int[] Ids)> clusters, IEnumerable<(GazetteerCategory Flags, string Phrase)> phrases, IEnumerable<KeyValuePair<string, string>> demonyms, EntityGazetteer? entities = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(phrases);
        ArgumentNullException.ThrowIfNull(demonyms);
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(brotli, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine("#clusters");
        foreach (var (word, ids) in clusters)
        {
            writer.Write(word);
            foreach (var id in ids)
            {
                writer.Write('\t');
                writer.Write(id.ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteLine();
        }

        writer.WriteLine("#gazetteer");
        foreach (var (flags, phrase) in phrases)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(byte)flags}\t{phrase}"));
        }

        writer.WriteLine("#demonym");
        foreach (var pair in demonyms)
        {
            writer.WriteLine($"{pair.Key}\t{pair.Value}");
        }

        writer.WriteLine("#entities");
        foreach (var (mask, phrase) in (entities ?? EntityGazetteer.Empty).Entries)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mask}\t{phrase}"));
        }
    }

    /// <summary>This lexicon with <paramref name="entities"/> as its names from training data.</summary>
    public NerLexicon WithEntities(EntityGazetteer entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var lexicon = new NerLexicon(_clusterIndex, _clusters, ClusterLevels, _demonyms, entities);
        foreach (var (flags, phrase) in _phraseList)
        {
            lexicon.AddPhrase(phrase, flags);
        }

        return lexicon;
    }

    /// <summary>Writes this lexicon, as <see cref="Load"/> reads it.</summary>
    public void Save(Stream output)
    {
        var words = new string[_clusterIndex.Count];
        foreach (var (word, i) in _clusterIndex)
        {
            words[i] = word;
        }

        var clusters = words.Select((w, i) => (w, _clusters.AsSpan(i * ClusterLevels, ClusterLevels).ToArray())).ToList();
        Save(output, clusters, _phraseList, _demonyms.OrderBy(p => p.Key, StringComparer.Ordinal), Entities);
    }

    /// <summary>Writes the cluster ids of a lowercased word (coarsest first) into <paramref name="ids"/>; false when it has none.</summary>
    public bool TryGetClusters(ReadOnlySpan<char> lowerWord, Span<int> ids)
    {
        if (_clusterLookup.TryGetValue(lowerWord, out var i))
        {
            _clusters.AsSpan(i * ClusterLevels, ClusterLevels).CopyTo(ids);
            return true;
        }

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

        _phraseList.Add((flags, phrase));

        _nodeFlags[node] |= flags;
    }
}
