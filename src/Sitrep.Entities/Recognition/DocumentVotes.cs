namespace Sitrep.Entities.Recognition;

/// <summary>
/// The non-local features of the second pass (Ratinov and Roth 2009, "two-stage prediction aggregation"): what the
/// first pass said about the same word elsewhere in the document. For every token: its own first-pass tag and those
/// of its neighbours, the majority label of the other mentions of its word (and how clear that majority is), the
/// majority of the earlier mentions, and the longest first-pass name containing the word ("Prigozhin" after "Yevgeny
/// Prigozhin": a person's last word).
/// </summary>
/// <remarks>
/// Words are compared in lowercase. Labels are O or a type (BILOU parts dropped). Computed once per document; the
/// second pass reads them like static features.
/// </remarks>
internal sealed class DocumentVotes
{
    /// <summary>Most features one token receives.</summary>
    public const int MaxFeatures = 8;

    private const int Labels = EntityTypes.Count + 1;

    private static readonly ulong TSelf = FeatureHash.Of("p1|t");
    private static readonly ulong TAround = FeatureHash.Of("p1|t-1|t+1");
    private static readonly ulong TOthers = FeatureHash.Of("p1|others");
    private static readonly ulong TOthersSelf = FeatureHash.Of("p1|others|t");
    private static readonly ulong TAlone = FeatureHash.Of("p1|alone|t");
    private static readonly ulong TEarlier = FeatureHash.Of("p1|earlier");
    private static readonly ulong TLongest = FeatureHash.Of("p1|longest");
    private static readonly ulong TLongestSelf = FeatureHash.Of("p1|longest|t");

    private readonly ulong[][] _features;
    private readonly int[][] _counts;

    /// <summary>Gathers the votes of <paramref name="firstPass"/> (BILOU tags) over <paramref name="sentences"/>.</summary>
    public DocumentVotes(IReadOnlyList<string[]> sentences, int[][] firstPass)
    {
        var votes = new Dictionary<ulong, int[]>();
        var longest = new Dictionary<ulong, (int Length, int Type, int Part)>();
        var lower = new ulong[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            var tags = firstPass[s];
            lower[s] = new ulong[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                if (!HasLetter(words[i]))
                {
                    continue;
                }

                var key = FeatureHash.OfLower(words[i]);
                lower[s][i] = key;
                if (!votes.TryGetValue(key, out var counts))
                {
                    votes[key] = counts = new int[Labels];
                }

                counts[LabelOf(tags[i])]++;
            }

            foreach (var (start, end, type) in Chunks(tags))
            {
                var length = end - start;
                for (var i = start; i < end; i++)
                {
                    if (lower[s][i] == 0)
                    {
                        continue;
                    }

                    var part = length == 1 ? 3 : i == start ? 0 : i == end - 1 ? 2 : 1;
                    if (!longest.TryGetValue(lower[s][i], out var known) || known.Length < length)
                    {
                        longest[lower[s][i]] = (length, (int)type, part);
                    }
                }
            }
        }

        _features = new ulong[sentences.Count][];
        _counts = new int[sentences.Count][];
        var earlier = new Dictionary<ulong, int[]>();
        Span<int> others = stackalloc int[Labels];
        for (var s = 0; s < sentences.Count; s++)
        {
            var words = sentences[s];
            var tags = firstPass[s];
            var features = _features[s] = new ulong[words.Length * MaxFeatures];
            var number = _counts[s] = new int[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                var key = lower[s][i];
                if (key == 0)
                {
                    continue;
                }

                var f = features.AsSpan(i * MaxFeatures, MaxFeatures);
                var k = 0;
                var self = (ulong)tags[i] + 1;
                var label = LabelOf(tags[i]);
                f[k++] = FeatureHash.Mix(TSelf, self);
                f[k++] = FeatureHash.Mix(TAround, i > 0 ? (ulong)tags[i - 1] + 1 : 0UL, i + 1 < tags.Length ? (ulong)tags[i + 1] + 1 : 0UL);

                votes[key].CopyTo(others);
                others[label]--;
                var total = 0;
                foreach (var c in others)
                {
                    total += c;
                }

                if (total == 0)
                {
                    f[k++] = FeatureHash.Mix(TAlone, (ulong)label);
                }
                else
                {
                    var best = ArgMax(others);
                    var share = (ulong)(others[best] * 4 / total);
                    f[k++] = FeatureHash.Mix(TOthers, (ulong)best, share);
                    f[k++] = FeatureHash.Mix(TOthersSelf, (ulong)best, (ulong)label);
                }

                if (earlier.TryGetValue(key, out var before))
                {
                    f[k++] = FeatureHash.Mix(TEarlier, (ulong)ArgMax(before));
                }
                else
                {
                    earlier[key] = before = new int[Labels];
                }

                before[label]++;

                if (longest.TryGetValue(key, out var name))
                {
                    var own = ChunkLength(tags, i);
                    var relation = name.Length > own ? 2UL : name.Length == own ? 1UL : 0UL;
                    f[k++] = FeatureHash.Mix(FeatureHash.Mix(TLongest, (ulong)name.Type), (ulong)name.Part, relation);
                    f[k++] = FeatureHash.Mix(FeatureHash.Mix(TLongestSelf, (ulong)name.Type), relation, (ulong)label);
                }

                number[i] = k;
            }
        }
    }

    /// <summary>The non-local features of token <paramref name="i"/> of sentence <paramref name="s"/>.</summary>
    public ReadOnlySpan<ulong> Of(int s, int i) => _features[s].AsSpan(i * MaxFeatures, _counts[s][i]);

    private static int LabelOf(int bilou) => bilou == Bilou.Outside ? 0 : (int)Bilou.TypeOf(bilou) + 1;

    private static int ArgMax(ReadOnlySpan<int> values)
    {
        var best = 0;
        for (var t = 1; t < values.Length; t++)
        {
            if (values[t] > values[best])
            {
                best = t;
            }
        }

        return best;
    }

    private static bool HasLetter(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Length of the first-pass chunk covering token <paramref name="i"/> (0 outside any).</summary>
    private static int ChunkLength(int[] tags, int i)
    {
        if (tags[i] == Bilou.Outside)
        {
            return 0;
        }

        int start = i, end = i + 1;
        while (start > 0 && Bilou.PartOf(tags[start]) is 1 or 2 && tags[start - 1] != Bilou.Outside)
        {
            start--;
        }

        while (end < tags.Length && Bilou.PartOf(tags[end - 1]) is 0 or 1 && tags[end] != Bilou.Outside)
        {
            end++;
        }

        return end - start;
    }

    /// <summary>Chunks of a BILOU sequence (start, end exclusive, type); an unclosed chunk ends where the next starts.</summary>
    private static IEnumerable<(int Start, int End, EntityType Type)> Chunks(int[] tags)
    {
        var start = -1;
        for (var i = 0; i <= tags.Length; i++)
        {
            var opens = i < tags.Length && tags[i] != Bilou.Outside && (start < 0 || Bilou.PartOf(tags[i]) is 0 or 3);
            var closes = start >= 0 && (i == tags.Length || tags[i] == Bilou.Outside || opens);
            if (closes)
            {
                yield return (start, i, Bilou.TypeOf(tags[start]));
                start = -1;
            }

            if (opens)
            {
                start = i;
            }

            if (start >= 0 && i < tags.Length && Bilou.PartOf(tags[i]) is 2 or 3)
            {
                yield return (start, i + 1, Bilou.TypeOf(tags[start]));
                start = -1;
            }
        }
    }
}
