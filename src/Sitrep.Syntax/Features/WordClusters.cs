using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Sitrep.Syntax.Features;

/// <summary>
/// Word clusters at four granularities (32, 128, 512 and 4,096 clusters; k-means over GloVe vectors of the 150,000
/// most frequent lowercase words), read by the tagger and parser beside the word itself so that a word rare or unseen in
/// the treebank behaves like the frequent words that share its cluster (Koo, Carreras and Collins 2008). The file
/// (<c>Models/word-clusters.tsv.gz</c>, <c>word TAB c32 TAB c128 TAB c512 TAB c4096</c>) is a copy of the cluster
/// section of the NER lexicon (<c>src/Sitrep.Entities/Models/ner-lexicon.bin.br</c>), kept here so that Sitrep.Syntax
/// depends on Sitrep.Core only. Immutable; safe to share between threads.
/// </summary>
internal sealed class WordClusters
{
    /// <summary>Cluster levels, coarsest first.</summary>
    public const int Levels = 4;

    private const string ResourceName = "Sitrep.Syntax.Models.word-clusters.tsv.gz";

    private static readonly Lazy<WordClusters> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<ulong, ulong> _clusters;

    private WordClusters(Dictionary<ulong, ulong> clusters)
    {
        _clusters = clusters;
    }

    /// <summary>The shipped clusters, loaded once on first use.</summary>
    public static WordClusters Default => Shipped.Value;

    /// <summary>No clusters: every word reads as unclustered.</summary>
    public static WordClusters None { get; } = new([]);

    /// <summary>Number of clustered words.</summary>
    public int Count => _clusters.Count;

    /// <summary>
    /// The packed cluster ids of a word by the hash of its lowercase form (<see cref="FeatureHash.Chars"/>): 16 bits per
    /// level, coarsest in the high bits, each id plus one; 0 when the word has no cluster.
    /// </summary>
    public ulong Of(ulong lowerHash) => _clusters.TryGetValue(lowerHash, out var packed) ? packed : 0;

    /// <summary>Level <paramref name="level"/> (0 = coarsest) of packed ids, 0 when unclustered.</summary>
    public static ulong Level(ulong packed, int level) => (packed >> (16 * (Levels - 1 - level))) & 0xFFFF;

    /// <summary>Reads <c>word TAB id TAB id TAB id TAB id</c> lines (gzip).</summary>
    public static WordClusters Load(Stream compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var clusters = new Dictionary<ulong, ulong>(160_000);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length != Levels + 1)
            {
                throw new InvalidDataException($"Cluster line '{line}' has {parts.Length - 1} ids; expected {Levels}.");
            }

            var packed = 0UL;
            for (var l = 0; l < Levels; l++)
            {
                var id = int.Parse(parts[l + 1], CultureInfo.InvariantCulture);
                if (id is < 0 or >= 0xFFFF)
                {
                    throw new InvalidDataException($"Cluster id {id} of '{parts[0]}' is out of range.");
                }

                packed = (packed << 16) | (uint)(id + 1);
            }

            clusters.TryAdd(FeatureHash.Chars(parts[0]), packed);
        }

        return new WordClusters(clusters);
    }

    private static WordClusters LoadShipped()
    {
        using var stream = typeof(WordClusters).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The word clusters '{ResourceName}' are missing from the assembly.");
        return Load(stream);
    }
}
