using Sitrep.Syntax.Features;

namespace Sitrep.Syntax.Tagging;

/// <summary>
/// Greedy left-to-right part-of-speech tagger, an averaged perceptron over the features of Collins (2002) and
/// Honnibal's "A good part-of-speech tagger in about 200 lines of Python": the word, its affixes and shape, the two
/// previous tags and the neighbouring words. A class is a (UPOS, XPOS) pair as English-EWT uses them.
/// </summary>
internal sealed class PosTagger
{
    public const int MaxFeatures = 64;

    private const ulong None = ulong.MaxValue;

    public PosTagger(TagSet tags, ILinearScorer weights, IReadOnlyDictionary<ulong, ulong> ambiguity)
    {
        Tags = tags;
        Weights = weights;
        Ambiguity = ambiguity;
    }

    /// <summary>
    /// For each lowercase word seen in training, the set of universal tags it took at least 5% of the time, as a bit
    /// mask (its "ambiguity class"); read for the word and its neighbours, it stands in for the tags to the right,
    /// which a left-to-right tagger has not guessed yet.
    /// </summary>
    public IReadOnlyDictionary<ulong, ulong> Ambiguity { get; }

    public TagSet Tags { get; }

    public ILinearScorer Weights { get; set; }

    /// <summary>Tags <paramref name="words"/> into <paramref name="tags"/> (class ids of <see cref="Tags"/>).</summary>
    public void Tag(ReadOnlySpan<WordInfo> words, Span<int> tags)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Weights.Stride];
        var classes = words.Length <= 256 ? stackalloc ulong[words.Length] : new ulong[words.Length];
        Classes(words, classes);
        for (var i = 0; i < words.Length; i++)
        {
            var n = Extract(words, classes, tags, i, features);
            Weights.Score(features[..n], scores);
            tags[i] = Best(scores, Tags.Count);
        }
    }

    public static int Best(ReadOnlySpan<float> scores, int classes)
    {
        var best = 0;
        var score = scores[0];
        for (var c = 1; c < classes; c++)
        {
            if (scores[c] > score)
            {
                score = scores[c];
                best = c;
            }
        }

        return best;
    }

    /// <summary>The ambiguity class of each word (0 for a word not seen in training).</summary>
    public void Classes(ReadOnlySpan<WordInfo> words, Span<ulong> into)
    {
        for (var i = 0; i < words.Length; i++)
        {
            into[i] = Ambiguity.TryGetValue(words[i].Lower, out var mask) ? mask : 0;
        }
    }

    /// <summary>Learns the ambiguity classes from words and their gold tags.</summary>
    public static Dictionary<ulong, ulong> LearnAmbiguity(IEnumerable<(ulong Word, int Upos)> words)
    {
        var counts = new Dictionary<ulong, int[]>();
        foreach (var (word, upos) in words)
        {
            if (!counts.TryGetValue(word, out var c))
            {
                counts[word] = c = new int[64];
            }

            c[upos & 63]++;
        }

        var result = new Dictionary<ulong, ulong>(counts.Count);
        foreach (var (word, c) in counts)
        {
            var total = c.Sum();
            var mask = 0UL;
            for (var t = 0; t < 64; t++)
            {
                if (c[t] > 0 && c[t] * 20 >= total)
                {
                    mask |= 1UL << t;
                }
            }

            result[word] = mask;
        }

        return result;
    }

    /// <summary>The features of word <paramref name="i"/> given the tags of the words before it.</summary>
    public static int Extract(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> classes, ReadOnlySpan<int> tags, int i, Span<ulong> into)
    {
        var n = 0;
        var w = words[i];
        var p1 = i > 0 ? (ulong)tags[i - 1] : None;
        var p2 = i > 1 ? (ulong)tags[i - 2] : None;
        var first = i == 0 ? 1UL : 0UL;
        into[n++] = FeatureHash.Of(0, 0);
        into[n++] = FeatureHash.Of(1, w.Lower);
        into[n++] = FeatureHash.Of(2, w.Suffix1);
        into[n++] = FeatureHash.Of(3, w.Suffix2);
        into[n++] = FeatureHash.Of(4, w.Suffix3);
        into[n++] = FeatureHash.Of(5, w.Suffix4);
        into[n++] = FeatureHash.Of(6, w.Prefix1);
        into[n++] = FeatureHash.Of(7, w.Prefix2);
        into[n++] = FeatureHash.Of(8, w.Prefix3);
        into[n++] = FeatureHash.Of(9, w.Shape);
        into[n++] = FeatureHash.Of(10, (ulong)w.Flags, first);
        into[n++] = FeatureHash.Of(11, p1);
        into[n++] = FeatureHash.Of(12, p2);
        into[n++] = FeatureHash.Of(13, p1, p2);
        into[n++] = FeatureHash.Of(14, p1, w.Lower);
        into[n++] = FeatureHash.Of(25, p1, w.Suffix3);
        into[n++] = FeatureHash.Of(29, w.Form);
        var a0 = classes[i];
        var a1 = i + 1 < words.Length ? classes[i + 1] : ulong.MaxValue;
        var a2 = i + 2 < words.Length ? classes[i + 2] : ulong.MaxValue;
        into[n++] = FeatureHash.Of(31, a0);
        into[n++] = FeatureHash.Of(32, a0, a1);
        into[n++] = FeatureHash.Of(33, p1, a1);
        into[n++] = FeatureHash.Of(34, a1, a2);
        into[n++] = FeatureHash.Of(35, a0, w.Suffix3);
        into[n++] = FeatureHash.Of(36, i > 0 ? classes[i - 1] : ulong.MaxValue, a0, a1);
        // Word clusters: the finest level reads much like the word, the coarser ones like a tag, for rare words too.
        into[n++] = FeatureHash.Of(40, w.Cluster(WordClusters.Levels - 1));
        into[n++] = FeatureHash.Of(41, w.Cluster(2));
        into[n++] = FeatureHash.Of(42, w.Cluster(1), p1);
        into[n++] = FeatureHash.Of(43, w.Cluster(2), w.Suffix3);
        into[n++] = FeatureHash.Of(44, i > 0 ? words[i - 1].Cluster(1) : 0x10000UL, w.Cluster(1), i + 1 < words.Length ? words[i + 1].Cluster(1) : 0x10000UL);
        into[n++] = FeatureHash.Of(45, i + 1 < words.Length ? words[i + 1].Cluster(2) : 0x10000UL);
        if (w.HyphenTail != 0)
        {
            into[n++] = FeatureHash.Of(22, w.HyphenTail);
        }

        if (i > 0)
        {
            var prev = words[i - 1];
            into[n++] = FeatureHash.Of(15, prev.Lower);
            into[n++] = FeatureHash.Of(16, prev.Suffix3);
            into[n++] = FeatureHash.Of(23, prev.Lower, w.Lower);
            into[n++] = FeatureHash.Of(26, prev.Shape);
        }
        else
        {
            into[n++] = FeatureHash.Of(15, 1);
        }

        if (i > 1)
        {
            into[n++] = FeatureHash.Of(17, words[i - 2].Lower);
        }

        if (i + 1 < words.Length)
        {
            var next = words[i + 1];
            into[n++] = FeatureHash.Of(18, next.Lower);
            into[n++] = FeatureHash.Of(19, next.Suffix3);
            into[n++] = FeatureHash.Of(24, w.Lower, next.Lower);
            into[n++] = FeatureHash.Of(27, next.Shape);
            into[n++] = FeatureHash.Of(28, p1, next.Lower);
            into[n++] = FeatureHash.Of(30, i > 0 ? words[i - 1].Lower : 1, next.Lower);
        }
        else
        {
            into[n++] = FeatureHash.Of(18, 1);
        }

        if (i + 2 < words.Length)
        {
            into[n++] = FeatureHash.Of(20, words[i + 2].Lower);
            into[n++] = FeatureHash.Of(21, words[i + 2].Suffix3);
        }

        return n;
    }
}
