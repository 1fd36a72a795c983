namespace Sitrep.Corroboration.Propositions;

/// <summary>
/// Groups claims that state the same thing. Scales by blocking, never all-pairs: claims become candidate pairs only
/// when they share content words that are rare enough to be informative (postings longer than
/// <see cref="MaxPosting"/> are not paired), and a pair joins when its IDF-weighted Jaccard similarity reaches the
/// threshold with at least two shared words. Similarity is the cosine of IDF-weighted word sets, so a short claim and
/// a long one that contains it still match. Groups are the connected components (union–find).
/// </summary>
internal sealed class PropositionGrouper
{
    /// <summary>Content words in more claims than this are too common to pair on.</summary>
    public const int MaxPosting = 400;

    /// <summary>Similarity at which two claims are copies of one another and always share a group.</summary>
    public const double NearCopy = 0.8;

    private const double LeaderFactor = 0.75;
    private const int ContainmentWords = 3;
    private const double ContainmentDiscount = 0.6;

    private readonly double _threshold;

    public PropositionGrouper(double threshold = 0.42) => _threshold = threshold;

    /// <summary>IDF weight of each word of the last clustered claims.</summary>
    public IReadOnlyDictionary<string, double> Idf { get; private set; } = new Dictionary<string, double>();

    /// <summary>
    /// How strongly two claims state the same thing: the cosine of their IDF-weighted word sets, or, when they share
    /// at least three words, how much of the shorter claim the longer one contains (a short claim inside a long
    /// sentence that adds context).
    /// </summary>
    public double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double shared = 0, na = 0, nb = 0;
        var sharedWords = 0;
        foreach (var w in a)
        {
            var idf = Idf.GetValueOrDefault(w, 1.0);
            na += idf * idf;
            if (b.Contains(w))
            {
                shared += idf * idf;
                sharedWords++;
            }
        }

        foreach (var w in b)
        {
            var idf = Idf.GetValueOrDefault(w, 1.0);
            nb += idf * idf;
        }

        return Score(shared, sharedWords, na, nb);
    }

    private static double Score(double shared, int sharedWords, double na, double nb)
    {
        if (na == 0 || nb == 0)
        {
            return 0;
        }

        var cosine = shared / Math.Sqrt(na * nb);
        var containment = sharedWords >= ContainmentWords ? shared / Math.Min(na, nb) * ContainmentDiscount : 0;
        return Math.Max(cosine, containment);
    }

    /// <summary>Groups claims given as content-word lists; returns, per group, the member indices and the medoid.</summary>
    public List<Group> Cluster(IReadOnlyList<IReadOnlyList<string>> claimWords)
    {
        ArgumentNullException.ThrowIfNull(claimWords);
        var count = claimWords.Count;
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[count][];
        var documentFrequency = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var words = claimWords[i];
            var row = new int[words.Count];
            for (var k = 0; k < words.Count; k++)
            {
                if (!vocabulary.TryGetValue(words[k], out var id))
                {
                    id = vocabulary.Count;
                    vocabulary[words[k]] = id;
                    documentFrequency.Add(0);
                }

                documentFrequency[id]++;
                row[k] = id;
            }

            ids[i] = row;
        }

        var idf = documentFrequency.Select(df => Math.Log(1.0 + (count / (double)df))).ToArray();
        Idf = vocabulary.ToDictionary(kv => kv.Key, kv => idf[kv.Value], StringComparer.Ordinal);
        var weight = idf.Select(x => x * x).ToArray();
        var norm = ids.Select(row => row.Sum(w => weight[w])).ToArray();
        // Claims with the same words (syndicated copies, repeated quotes) join their first occurrence at once; only that
        // representative enters the postings, so copies cost nothing in the pairing below.
        var parent = Enumerable.Range(0, count).ToArray();
        var representative = new Dictionary<string, int>(StringComparer.Ordinal);
        var isCopy = new bool[count];
        var postings = new List<int>[vocabulary.Count];
        for (var i = 0; i < count; i++)
        {
            // Short word lists ("said", "Wagner") are not copies of one another in any useful sense.
            if (ids[i].Length >= ContainmentWords)
            {
                var key = string.Join(' ', claimWords[i]);
                if (representative.TryGetValue(key, out var first))
                {
                    isCopy[i] = true;
                    parent[i] = first;
                    continue;
                }

                representative[key] = i;
            }

            foreach (var w in ids[i])
            {
                (postings[w] ??= []).Add(i);
            }
        }

        var similarities = new List<((int, int), double)>();
        var shared = new Dictionary<int, (double Weight, int Words)>();
        for (var i = 0; i < count; i++)
        {
            if (isCopy[i])
            {
                continue;
            }

            shared.Clear();
            foreach (var w in ids[i])
            {
                var posting = postings[w];
                if (posting.Count > MaxPosting)
                {
                    continue;
                }

                foreach (var j in posting)
                {
                    if (j <= i)
                    {
                        continue;
                    }

                    var (sum, n) = shared.GetValueOrDefault(j);
                    shared[j] = (sum + weight[w], n + 1);
                }
            }

            foreach (var (j, (sum, n)) in shared)
            {
                if (n < 2)
                {
                    continue;
                }

                var similarity = Score(sum, n, norm[i], norm[j]);
                if (similarity >= _threshold)
                {
                    similarities.Add(((i, j), similarity));
                }
            }
        }

        // Strongest edges first; two groups merge only when their leaders (the claims that founded them) are still
        // similar, so that A~B and B~C do not chain A and C when they say different things. Near-copies always merge.
        similarities.Sort(static (x, y) => y.Item2 != x.Item2 ? y.Item2.CompareTo(x.Item2) : x.Item1.CompareTo(y.Item1));
        var leader = Enumerable.Range(0, count).ToArray();
        foreach (var ((i, j), similarity) in similarities)
        {
            var ri = Find(parent, i);
            var rj = Find(parent, j);
            if (ri == rj)
            {
                continue;
            }

            if (similarity < NearCopy && LeaderSimilarity(claimWords, leader[ri], leader[rj]) < _threshold * LeaderFactor)
            {
                continue;
            }

            var root = Union(parent, ri, rj);
            leader[root] = Math.Min(leader[ri], leader[rj]);
        }

        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < count; i++)
        {
            var root = Find(parent, i);
            if (!groups.TryGetValue(root, out var members))
            {
                groups[root] = members = [];
            }

            members.Add(i);
        }

        // Centrality of a claim: the summed similarity of its edges (edges only join claims of the same group).
        var centrality = new double[count];
        foreach (var ((a, b), similarity) in similarities)
        {
            centrality[a] += similarity;
            centrality[b] += similarity;
        }

        var result = new List<Group>();
        foreach (var members in groups.Values.OrderBy(m => m[0]))
        {
            var medoid = members[0];
            foreach (var m in members)
            {
                if (centrality[m] > centrality[medoid])
                {
                    medoid = m;
                }
            }

            result.Add(new Group(members, medoid, centrality));
        }

        return result;
    }

    private static int Find(int[] parent, int i)
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
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        var root = Math.Min(ra, rb);
        parent[Math.Max(ra, rb)] = root;
        return root;
    }

    private double LeaderSimilarity(IReadOnlyList<IReadOnlyList<string>> claimWords, int a, int b) => Similarity(claimWords[a], claimWords[b]);

    /// <summary>A group: member indices in input order and the most central member.</summary>
    internal sealed record Group(IReadOnlyList<int> Members, int Medoid, IReadOnlyList<double> Centrality);
}
