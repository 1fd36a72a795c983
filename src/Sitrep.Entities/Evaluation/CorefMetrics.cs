namespace Sitrep.Entities.Evaluation;

/// <summary>Precision, recall and F1 of one coreference metric.</summary>
/// <param name="Precision">Precision.</param>
/// <param name="Recall">Recall.</param>
public readonly record struct CorefScore(double Precision, double Recall)
{
    /// <summary>The harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>MUC, B³ and CEAF-e of one clustering of mentions against the gold one, and their average (CoNLL F1).</summary>
/// <param name="Muc">MUC (Vilain et al. 1995): links.</param>
/// <param name="BCubed">B³ (Bagga and Baldwin 1998): per mention.</param>
/// <param name="CeafE">CEAF-e (Luo 2005): entity alignment with φ4 similarity.</param>
public sealed record CorefScores(CorefScore Muc, CorefScore BCubed, CorefScore CeafE)
{
    /// <summary>The CoNLL-2012 score: the mean of the three F1s.</summary>
    public double ConllF1 => (Muc.F1 + BCubed.F1 + CeafE.F1) / 3;
}

/// <summary>
/// The standard coreference metrics, computed as the CoNLL-2012 reference scorer does on one set of mentions: both
/// clusterings must hold the same mentions (the gold mentions a system mention was matched to), so mention detection
/// is measured apart, as mention recall.
/// </summary>
public static class CorefMetrics
{
    /// <summary>Scores <paramref name="response"/> against <paramref name="key"/>; both map each mention to its cluster.</summary>
    /// <typeparam name="TMention">The mention identity.</typeparam>
    /// <exception cref="ArgumentException">The two clusterings do not hold the same mentions.</exception>
    public static CorefScores Score<TMention>(IReadOnlyDictionary<TMention, string> key, IReadOnlyDictionary<TMention, string> response)
        where TMention : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        if (key.Count != response.Count || key.Keys.Any(m => !response.ContainsKey(m)))
        {
            throw new ArgumentException("The key and the response must cluster the same mentions.", nameof(response));
        }

        var keyClusters = Clusters(key);
        var responseClusters = Clusters(response);
        return new CorefScores(
            new CorefScore(Muc(responseClusters, key), Muc(keyClusters, response)),
            new CorefScore(BCubed(responseClusters, key), BCubed(keyClusters, response)),
            CeafE(keyClusters, responseClusters));
    }

    private static List<List<TMention>> Clusters<TMention>(IReadOnlyDictionary<TMention, string> clustering)
        where TMention : notnull =>
        [.. clustering.GroupBy(p => p.Value, StringComparer.Ordinal).Select(g => g.Select(p => p.Key).ToList())];

    /// <summary>MUC recall of <paramref name="clusters"/> against partition <paramref name="other"/> (swap for precision).</summary>
    private static double Muc<TMention>(List<List<TMention>> clusters, IReadOnlyDictionary<TMention, string> other)
        where TMention : notnull
    {
        double numerator = 0, denominator = 0;
        foreach (var cluster in clusters)
        {
            var parts = cluster.Select(m => other[m]).Distinct(StringComparer.Ordinal).Count();
            numerator += cluster.Count - parts;
            denominator += cluster.Count - 1;
        }

        return denominator == 0 ? 0 : numerator / denominator;
    }

    /// <summary>B³ recall of <paramref name="clusters"/> against partition <paramref name="other"/> (swap for precision).</summary>
    private static double BCubed<TMention>(List<List<TMention>> clusters, IReadOnlyDictionary<TMention, string> other)
        where TMention : notnull
    {
        double sum = 0;
        var total = 0;
        foreach (var cluster in clusters)
        {
            foreach (var part in cluster.GroupBy(m => other[m], StringComparer.Ordinal))
            {
                var n = part.Count();
                sum += (double)n * n / cluster.Count;
            }

            total += cluster.Count;
        }

        return total == 0 ? 0 : sum / total;
    }

    private static CorefScore CeafE<TMention>(List<List<TMention>> key, List<List<TMention>> response)
        where TMention : notnull
    {
        if (key.Count == 0 || response.Count == 0)
        {
            return new CorefScore(0, 0);
        }

        // φ4(K, R) = 2|K ∩ R| / (|K| + |R|); only overlapping pairs are non-zero, so the assignment runs per connected
        // component of the overlap graph, which keeps the Hungarian step small.
        var responseOf = new Dictionary<TMention, int>();
        for (var r = 0; r < response.Count; r++)
        {
            foreach (var m in response[r])
            {
                responseOf[m] = r;
            }
        }

        var similarity = new Dictionary<(int K, int R), double>();
        for (var k = 0; k < key.Count; k++)
        {
            foreach (var group in key[k].GroupBy(m => responseOf[m]))
            {
                similarity[(k, group.Key)] = 2.0 * group.Count() / (key[k].Count + response[group.Key].Count);
            }
        }

        var best = 0.0;
        foreach (var (keys, responses) in Components(similarity))
        {
            var matrix = new double[keys.Count, responses.Count];
            for (var i = 0; i < keys.Count; i++)
            {
                for (var j = 0; j < responses.Count; j++)
                {
                    matrix[i, j] = similarity.GetValueOrDefault((keys[i], responses[j]));
                }
            }

            best += Hungarian.MaximumWeight(matrix);
        }

        return new CorefScore(best / response.Count, best / key.Count);
    }

    private static List<(List<int> Keys, List<int> Responses)> Components(Dictionary<(int K, int R), double> edges)
    {
        var byKey = edges.Keys.GroupBy(e => e.K).ToDictionary(g => g.Key, g => g.Select(e => e.R).ToList());
        var byResponse = edges.Keys.GroupBy(e => e.R).ToDictionary(g => g.Key, g => g.Select(e => e.K).ToList());
        var seenKeys = new HashSet<int>();
        var seenResponses = new HashSet<int>();
        var result = new List<(List<int>, List<int>)>();
        foreach (var start in byKey.Keys.Order())
        {
            if (!seenKeys.Add(start))
            {
                continue;
            }

            var keys = new List<int> { start };
            var responses = new List<int>();
            var queue = new Queue<(bool IsKey, int Id)>();
            queue.Enqueue((true, start));
            while (queue.Count > 0)
            {
                var (isKey, id) = queue.Dequeue();
                foreach (var next in isKey ? byKey[id] : byResponse[id])
                {
                    if (isKey ? seenResponses.Add(next) : seenKeys.Add(next))
                    {
                        (isKey ? responses : keys).Add(next);
                        queue.Enqueue((!isKey, next));
                    }
                }
            }

            result.Add((keys, responses));
        }

        return result;
    }
}

/// <summary>The Hungarian (Kuhn–Munkres) assignment of largest total weight.</summary>
public static class Hungarian
{
    /// <summary>The largest total weight of a one-to-one assignment of rows to columns (weights ≥ 0).</summary>
    public static double MaximumWeight(double[,] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var rows = weights.GetLength(0);
        var columns = weights.GetLength(1);
        var n = Math.Max(rows, columns);
        if (n == 0)
        {
            return 0;
        }

        var max = 0.0;
        foreach (var w in weights)
        {
            max = Math.Max(max, w);
        }

        // Minimum-cost assignment on a square matrix of costs max - w (padding costs max), potentials u, v (1-based).
        var cost = new double[n + 1, n + 1];
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= n; j++)
            {
                cost[i, j] = max - (i <= rows && j <= columns ? weights[i - 1, j - 1] : 0);
            }
        }

        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = new double[n + 1];
            var used = new bool[n + 1];
            Array.Fill(minv, double.PositiveInfinity);
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var cur = cost[i0, j] - u[i0] - v[j];
                    if (cur < minv[j])
                    {
                        minv[j] = cur;
                        way[j] = j0;
                    }

                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }

                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }

                j0 = j1;
            }
            while (p[j0] != 0);

            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }

        var total = 0.0;
        for (var j = 1; j <= n; j++)
        {
            if (p[j] >= 1 && p[j] <= rows && j <= columns)
            {
                total += weights[p[j] - 1, j - 1];
            }
        }

        return total;
    }
}
