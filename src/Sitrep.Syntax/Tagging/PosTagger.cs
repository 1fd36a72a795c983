using Sitrep.Syntax.Features;

namespace Sitrep.Syntax.Tagging;

/// <summary>
/// Greedy left-to-right part-of-speech tagger, an averaged perceptron over the features of Collins (2002) and
/// Honnibal's "A good part-of-speech tagger in about 200 lines of Python": the word, its affixes and shape, the two
/// previous tags and the neighbouring words. A class is a (UPOS, XPOS) pair as English-EWT uses them.
/// </summary>
internal sealed class PosTagger
{
    public const int MaxFeatures = 40;

    private const ulong None = ulong.MaxValue;

    public PosTagger(TagSet tags, WeightTable weights)
    {
        Tags = tags;
        Weights = weights;
    }

    public TagSet Tags { get; }

    public WeightTable Weights { get; set; }

    /// <summary>Tags <paramref name="words"/> into <paramref name="tags"/> (class ids of <see cref="Tags"/>).</summary>
    public void Tag(ReadOnlySpan<WordInfo> words, Span<int> tags)
    {
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Weights.Stride];
        for (var i = 0; i < words.Length; i++)
        {
            var n = Extract(words, tags, i, features);
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

    /// <summary>The features of word <paramref name="i"/> given the tags of the words before it.</summary>
    public static int Extract(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, int i, Span<ulong> into)
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
