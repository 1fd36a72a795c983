namespace Sitrep.Time.TimeMl;

/// <summary>
/// TempEval-3 timex scores. Extent: strict (same characters) and relaxed (overlap) precision, recall and F1, pairs
/// matched one to one. Attributes: over relaxed matches, the count with the right type and the right value; their
/// F1 is that count over the system and gold totals, as the TempEval-3 scorer computes "type F1" and "value F1".
/// </summary>
public sealed class TimexScorer
{
    /// <summary>Gold timexes seen.</summary>
    public int Gold { get; private set; }

    /// <summary>System timexes seen.</summary>
    public int System { get; private set; }

    /// <summary>Pairs with identical extents.</summary>
    public int Strict { get; private set; }

    /// <summary>Pairs with overlapping extents.</summary>
    public int Relaxed { get; private set; }

    /// <summary>Relaxed pairs whose types agree.</summary>
    public int TypeCorrect { get; private set; }

    /// <summary>Relaxed pairs whose values agree.</summary>
    public int ValueCorrect { get; private set; }

    /// <summary>Adds one document's gold and system timexes; returns the relaxed pairs (gold index, system index).</summary>
    public IReadOnlyList<(int Gold, int System)> Add(IReadOnlyList<TimeMlTimex> gold, IReadOnlyList<TimeMlTimex> system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        Gold += gold.Count;
        System += system.Count;
        var used = new bool[system.Count];
        var pairs = new List<(int, int)>();
        for (var g = 0; g < gold.Count; g++)
        {
            var best = -1;
            for (var s = 0; s < system.Count; s++)
            {
                if (used[s] || !gold[g].Range.Overlaps(system[s].Range))
                {
                    continue;
                }

                if (best < 0 || gold[g].Range == system[s].Range)
                {
                    best = s;
                }
            }

            if (best < 0)
            {
                continue;
            }

            used[best] = true;
            pairs.Add((g, best));
            Relaxed++;
            if (gold[g].Range == system[best].Range)
            {
                Strict++;
            }

            if (string.Equals(gold[g].Type, system[best].Type, StringComparison.OrdinalIgnoreCase))
            {
                TypeCorrect++;
            }

            if (string.Equals(gold[g].Value, system[best].Value, StringComparison.Ordinal))
            {
                ValueCorrect++;
            }
        }

        return pairs;
    }

    /// <summary>F1 of a count against the system and gold totals.</summary>
    public double F1(int correct)
    {
        var p = System == 0 ? 0 : correct / (double)System;
        var r = Gold == 0 ? 0 : correct / (double)Gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>Precision of a count.</summary>
    public double Precision(int correct) => System == 0 ? 0 : correct / (double)System;

    /// <summary>Recall of a count.</summary>
    public double Recall(int correct) => Gold == 0 ? 0 : correct / (double)Gold;
}
