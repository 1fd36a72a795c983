using System.Globalization;
using Sitrep.Pipeline;

namespace Sitrep.Ingest.Syndication;

/// <summary>A group of documents that are copies of one underlying report.</summary>
/// <param name="Id">Group id (<c>s1</c>, <c>s2</c>, …), stable for a given corpus order.</param>
/// <param name="DocumentIds">The documents, in corpus order; the first is the group's representative.</param>
/// <param name="Similarity">The lowest estimated Jaccard similarity on the links that formed the group.</param>
public sealed record SyndicationGroup(string Id, IReadOnlyList<string> DocumentIds, double Similarity);

/// <summary>The corpus layer of syndication: groups of near-duplicate documents.</summary>
/// <param name="Groups">Groups of two documents or more.</param>
public sealed record SyndicationLayer(IReadOnlyList<SyndicationGroup> Groups)
{
    private readonly Dictionary<string, SyndicationGroup> _byDocument = Groups
        .SelectMany(g => g.DocumentIds.Select(d => (d, g)))
        .ToDictionary(x => x.d, x => x.g, StringComparer.Ordinal);

    /// <summary>The group of a document, or null when it stands alone.</summary>
    public SyndicationGroup? GroupOf(string documentId) => _byDocument.GetValueOrDefault(documentId);

    /// <summary>
    /// Per document of a group, the smallest id (ordinal) among itself and the documents it was found a copy of directly
    /// (not through a third): a name for the report it copies that does not depend on the corpus's order, nor on
    /// documents of the group it was not compared with, so that a corpus holding part of the story (an incremental
    /// update's) names it as the whole story does wherever it holds those copies.
    /// </summary>
    public IReadOnlyDictionary<string, string> FirstCopies { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The document's first copy (<see cref="FirstCopies"/>), or null when it stands alone.</summary>
    public string? FirstCopyOf(string documentId) => FirstCopies.GetValueOrDefault(documentId);

    /// <summary>
    /// Number of independent reports among <paramref name="documentIds"/>: documents of one syndication group count once.
    /// </summary>
    public int IndependentCount(IEnumerable<string> documentIds)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        return documentIds.Select(d => GroupOf(d)?.Id ?? d).Distinct(StringComparer.Ordinal).Count();
    }
}

/// <summary>
/// Finds syndicated copies and near-duplicates across the corpus: a MinHash signature per document, locality-sensitive
/// hashing in bands to find candidate pairs without comparing every pair, then the estimated Jaccard similarity of each
/// candidate pair against a threshold; linked documents form groups (union-find).
/// </summary>
/// <remarks>
/// With 32 bands of 4 rows, a pair at Jaccard 0.5 becomes a candidate with probability 1 − (1 − 0.5⁴)³² ≈ 0.87, and at
/// 0.3 with probability ≈ 0.23; candidates are then checked against <see cref="Threshold"/> on the full signature.
/// Wire copy republished with a new headline, tags and a few changed words stays well above it; two reports of the
/// same event written independently share few 5-word shingles and stay far below.
/// </remarks>
public sealed class SyndicationStage : ICorpusStage
{
    private const int Bands = 32;
    private const int Rows = MinHashSignature.Size / Bands;

    /// <summary>Creates the stage.</summary>
    /// <param name="threshold">Estimated Jaccard similarity from which two documents are one report.</param>
    public SyndicationStage(double threshold = 0.35)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        Threshold = threshold;
    }

    /// <summary>Estimated Jaccard similarity from which two documents are one report.</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public string Name => "syndication.minhash.v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; } = [Capabilities.Text, Capabilities.Structure];

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Syndication];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        corpus.Layers.Set(Find(corpus.Documents.Select(d => d.Document).ToList(), cancellationToken));
    }

    /// <summary>Groups near-duplicate documents.</summary>
    public SyndicationLayer Find(IReadOnlyList<Sitrep.Documents.Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var signatures = new MinHashSignature[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => signatures[i] = MinHashSignature.Of(documents[i]));

        var parent = Enumerable.Range(0, documents.Count).ToArray();
        var first = Enumerable.Range(0, documents.Count).ToArray();
        var weakest = new double[documents.Count];
        Array.Fill(weakest, 1.0);
        var checkedPairs = new HashSet<(int, int)>();
        for (var band = 0; band < Bands; band++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var buckets = new Dictionary<ulong, List<int>>();
            for (var i = 0; i < signatures.Length; i++)
            {
                if (signatures[i].Shingles == 0)
                {
                    continue;
                }

                var key = 1469598103934665603UL;
                for (var r = 0; r < Rows; r++)
                {
                    key = (key ^ signatures[i].Values[(band * Rows) + r]) * 1099511628211UL;
                }

                if (!buckets.TryGetValue(key, out var list))
                {
                    buckets[key] = list = [];
                }

                list.Add(i);
            }

            foreach (var bucket in buckets.Values)
            {
                // Buckets are tiny unless many documents are copies of one another; cap the pairs checked per bucket, to
                // the first documents by id, so that which pairs are checked depends on the documents, not on their order.
                if (bucket.Count > 64)
                {
                    bucket.Sort((x, y) => string.CompareOrdinal(documents[x].Id, documents[y].Id));
                }

                for (var a = 0; a < bucket.Count && a < 64; a++)
                {
                    for (var b = a + 1; b < bucket.Count && b < 64; b++)
                    {
                        var pair = (Math.Min(bucket[a], bucket[b]), Math.Max(bucket[a], bucket[b]));
                        if (!checkedPairs.Add(pair))
                        {
                            continue;
                        }

                        var similarity = signatures[pair.Item1].Similarity(signatures[pair.Item2]);
                        if (similarity >= Threshold)
                        {
                            var before = Math.Min(weakest[FindRoot(parent, pair.Item1)], weakest[FindRoot(parent, pair.Item2)]);
                            var root = Union(parent, pair.Item1, pair.Item2);
                            weakest[root] = Math.Min(before, similarity);
                            First(pair.Item1, pair.Item2);
                            First(pair.Item2, pair.Item1);
                        }
                    }
                }
            }
        }

        var groups = new List<SyndicationGroup>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            index.TryAdd(documents[i].Id, i);
        }

        foreach (var members in Enumerable.Range(0, documents.Count).GroupBy(i => FindRoot(parent, i)).Where(g => g.Count() > 1).OrderBy(g => g.Min()))
        {
            var root = members.Key;
            var id = "s" + (groups.Count + 1).ToString(CultureInfo.InvariantCulture);
            groups.Add(new SyndicationGroup(id, [.. members.OrderBy(i => i).Select(i => documents[i].Id)], Math.Round(weakest[root], 3)));
        }

        return new SyndicationLayer(groups)
        {
            FirstCopies = groups.SelectMany(g => g.DocumentIds).ToDictionary(d => d, d => documents[first[index[d]]].Id, StringComparer.Ordinal),
        };

        void First(int i, int copy)
        {
            if (string.CompareOrdinal(documents[copy].Id, documents[first[i]].Id) < 0)
            {
                first[i] = copy;
            }
        }
    }

    private static int FindRoot(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static int Union(int[] parent, int a, int b)
    {
        var ra = FindRoot(parent, a);
        var rb = FindRoot(parent, b);
        if (ra != rb)
        {
            parent[rb] = ra;
        }

        return ra;
    }
}
