using Sitrep.Syntax.Features;

namespace Sitrep.Syntax.Parsing;

/// <summary>
/// Greedy transition-based dependency parser: the arc-eager system (Nivre 2003) with labelled arcs, an averaged
/// perceptron over the feature templates of Zhang and Nivre (2011) and, in training, the dynamic oracle of Goldberg and
/// Nivre (2012) so that the model learns to recover from its own mistakes.
/// </summary>
internal sealed class ArcEagerParser
{
    public const int Shift = 0;
    public const int Reduce = 1;
    public const int MaxFeatures = 96;

    private static readonly ulong NoWord = FeatureHash.Chars("<none>");
    private static readonly ulong RootWord = FeatureHash.Chars("<root>");

    public ArcEagerParser(IReadOnlyList<string> labels, ILinearScorer weights)
    {
        Labels = labels;
        RootLabel = IndexOf(labels, "root");
        Weights = weights;
    }

    /// <summary>Relation names; the class of LEFT-l is 2 + l, of RIGHT-l is 2 + |labels| + l.</summary>
    public IReadOnlyList<string> Labels { get; }

    public int RootLabel { get; }

    public ILinearScorer Weights { get; set; }

    public int Classes => 2 + (2 * Labels.Count);

    /// <summary>
    /// Parses words 1..n (<paramref name="words"/>[i - 1]) into <paramref name="heads"/> (0-based, -1 for the root)
    /// and <paramref name="labels"/>.
    /// </summary>
    public void Parse(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, ParserState state, Span<int> heads, Span<int> labels)
    {
        state.Reset(words.Length);
        Span<ulong> features = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[Weights.Stride];
        Span<float> front = stackalloc float[Weights.Stride];
        var frontOf = -1;
        while (!state.BufferEmpty)
        {
            // The features of the front of the buffer stay the same until a word leaves it (about every other move),
            // so their scores are looked up once per word.
            if (state.Buffer != frontOf)
            {
                frontOf = state.Buffer;
                var m = ExtractFront(words, tags, frontOf, features);
                Weights.Score(features[..m], front);
            }

            var n = ExtractRest(words, tags, state, features);
            front.CopyTo(scores);
            Weights.Add(features[..n], scores);
            Apply(state, BestValid(state, scores));
        }

        Finish(state, heads, labels);
    }

    /// <summary>Gives every word left without a head one, and copies the arcs out.</summary>
    public void Finish(ParserState state, Span<int> heads, Span<int> labels)
    {
        var root = -1;
        for (var i = 1; i <= state.Length; i++)
        {
            if (state.Head[i] == 0)
            {
                root = i;
                break;
            }
        }

        for (var i = 1; i <= state.Length; i++)
        {
            if (state.Head[i] >= 0)
            {
                continue;
            }

            if (root < 0)
            {
                root = i;
                state.Head[i] = 0;
                state.Label[i] = RootLabel;
            }
            else
            {
                state.Head[i] = root;
                state.Label[i] = Parataxis;
            }
        }

        for (var i = 1; i <= state.Length; i++)
        {
            heads[i - 1] = state.Head[i] - 1;
            labels[i - 1] = state.Label[i];
        }
    }

    private int Parataxis => IndexOf(Labels, "parataxis") is var p and >= 0 ? p : RootLabel;

    public bool IsValid(ParserState state, int action)
    {
        var s0 = state.S0;
        var b = state.Buffer;
        if (action == Shift)
        {
            return b <= state.Length;
        }

        if (action == Reduce)
        {
            return s0 != 0 && state.Head[s0] >= 0;
        }

        var l = Labels.Count;
        if (action < 2 + l)
        {
            return b <= state.Length && s0 != 0 && state.Head[s0] < 0 && action - 2 != RootLabel;
        }

        if (b > state.Length)
        {
            return false;
        }

        var label = action - 2 - l;
        return s0 == 0 ? label == RootLabel && state.RootChildren == 0 : label != RootLabel;
    }

    public int BestValid(ParserState state, ReadOnlySpan<float> scores)
    {
        var best = Shift;
        var score = float.NegativeInfinity;
        if (state.Head[state.S0] >= 0 && state.S0 != 0)
        {
            best = Reduce;
            score = scores[Reduce];
        }

        if (!state.BufferEmpty)
        {
            if (scores[Shift] > score || best == Shift)
            {
                best = Shift;
                score = scores[Shift];
            }

            var l = Labels.Count;
            var s0 = state.S0;
            if (s0 != 0)
            {
                if (state.Head[s0] < 0)
                {
                    for (var c = 2; c < 2 + l; c++)
                    {
                        if (scores[c] > score && c - 2 != RootLabel)
                        {
                            score = scores[c];
                            best = c;
                        }
                    }
                }

                for (var c = 2 + l; c < 2 + (2 * l); c++)
                {
                    if (scores[c] > score && c - 2 - l != RootLabel)
                    {
                        score = scores[c];
                        best = c;
                    }
                }
            }
            else if (state.RootChildren == 0)
            {
                var c = 2 + l + RootLabel;
                if (scores[c] > score)
                {
                    best = c;
                }
            }
        }

        return best;
    }

    public void Apply(ParserState state, int action)
    {
        var l = Labels.Count;
        if (action == Shift)
        {
            state.Stack[++state.Top] = state.Buffer++;
        }
        else if (action == Reduce)
        {
            state.Top--;
        }
        else if (action < 2 + l)
        {
            state.AddArc(state.Buffer, state.S0, action - 2);
            state.Top--;
        }
        else
        {
            state.AddArc(state.S0, state.Buffer, action - 2 - l);
            state.Stack[++state.Top] = state.Buffer++;
        }
    }

    /// <summary>
    /// Cost of <paramref name="action"/> under the dynamic oracle: how many gold arcs (labels included) it makes
    /// unreachable. <paramref name="gold"/> heads are 0 for the root, words are 1-based; the tree must be projective.
    /// </summary>
    public int Cost(ParserState state, int action, ReadOnlySpan<int> gold, ReadOnlySpan<int> goldLabels)
    {
        var s0 = state.S0;
        var b = state.Buffer;
        var n = state.Length;
        var l = Labels.Count;
        var cost = 0;
        if (action == Shift)
        {
            for (var i = 0; i <= state.Top; i++)
            {
                var k = state.Stack[i];
                if ((gold[k] == b && state.Head[k] < 0) || gold[b] == k)
                {
                    cost++;
                }
            }

            return cost;
        }

        if (action == Reduce)
        {
            for (var k = b; k <= n; k++)
            {
                if (gold[k] == s0)
                {
                    cost++;
                }
            }

            return cost;
        }

        if (action < 2 + l)
        {
            for (var k = b; k <= n; k++)
            {
                if (gold[k] == s0)
                {
                    cost++;
                }
            }

            var h = gold[s0];
            if (h > b)
            {
                cost++;
            }
            else if (h == b && goldLabels[s0] != action - 2)
            {
                cost++;
            }

            return cost;
        }

        var hb = gold[b];
        if (hb == s0)
        {
            if (goldLabels[b] != action - 2 - l)
            {
                cost++;
            }
        }
        else if (hb > b || InStack(state, hb))
        {
            cost++;
        }

        for (var i = 0; i <= state.Top; i++)
        {
            var k = state.Stack[i];
            if (gold[k] == b && state.Head[k] < 0 && k != 0)
            {
                cost++;
            }
        }

        return cost;
    }

    private static bool InStack(ParserState state, int k)
    {
        for (var i = 0; i <= state.Top; i++)
        {
            if (state.Stack[i] == k)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The features of <paramref name="state"/>: Zhang and Nivre (2011) with the second stack word added; those of the
    /// front of the buffer (<see cref="ExtractFront"/>) first, then the rest.
    /// </summary>
    public static int Extract(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, ParserState state, Span<ulong> into)
    {
        var n = ExtractFront(words, tags, state.Buffer, into);
        return n + ExtractRest(words, tags, state, into[n..]);
    }

    /// <summary>The features read only of the three words at the front of the buffer (not of their dependents).</summary>
    public static int ExtractFront(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, int b, Span<ulong> into)
    {
        var n = 0;
        var len = words.Length;
        var n0 = b <= len ? b : -1;
        var n1 = b + 1 <= len ? b + 1 : -1;
        var n2 = b + 2 <= len ? b + 2 : -1;
        var n0w = W(words, n0);
        var n0p = T(tags, n0);
        var n1w = W(words, n1);
        var n1p = T(tags, n1);
        var n2w = W(words, n2);
        var n2p = T(tags, n2);
        var n0wp = FeatureHash.Mix(n0w ^ (n0p * 0x9E3779B97F4A7C15UL));
        var n1wp = FeatureHash.Mix(n1w ^ (n1p * 0x9E3779B97F4A7C15UL));
        into[n++] = FeatureHash.Of(104, n0wp);
        into[n++] = FeatureHash.Of(105, n0w);
        into[n++] = FeatureHash.Of(106, n0p);
        into[n++] = FeatureHash.Of(107, n1wp);
        into[n++] = FeatureHash.Of(108, n1w);
        into[n++] = FeatureHash.Of(109, n1p);
        into[n++] = FeatureHash.Of(110, n2w, n2p);
        into[n++] = FeatureHash.Of(111, n2w);
        into[n++] = FeatureHash.Of(112, n2p);
        into[n++] = FeatureHash.Of(127, n0p, n1p);
        into[n++] = FeatureHash.Of(130, n0p, n1p, n2p);
        if (n0 > 0)
        {
            into[n++] = FeatureHash.Of(220, words[n0 - 1].Suffix3, n0p);
        }

        return n;
    }

    /// <summary>The features that read the stack or the arcs built so far.</summary>
    public static int ExtractRest(ReadOnlySpan<WordInfo> words, ReadOnlySpan<int> tags, ParserState state, Span<ulong> into)
    {
        var n = 0;
        var s0 = state.S0;
        var b = state.Buffer;
        var len = state.Length;
        var n0 = b <= len ? b : -1;
        var n1 = b + 1 <= len ? b + 1 : -1;
        var s1 = state.S1;
        var s0h = state.Head[s0];
        var s0h2 = s0h > 0 ? state.Head[s0h] : -1;
        var s0l = state.Left1[s0];
        var s0l2 = state.Left2[s0];
        var s0r = state.Right1[s0];
        var s0r2 = state.Right2[s0];
        var n0l = n0 > 0 ? state.Left1[n0] : -1;
        var n0l2 = n0 > 0 ? state.Left2[n0] : -1;

        var s0w = W(words, s0);
        var s0p = T(tags, s0);
        var n0w = W(words, n0);
        var n0p = T(tags, n0);
        var n1p = T(tags, n1);
        var s0wp = FeatureHash.Mix(s0w ^ (s0p * 0x9E3779B97F4A7C15UL));
        var n0wp = FeatureHash.Mix(n0w ^ (n0p * 0x9E3779B97F4A7C15UL));

        // Single words.
        into[n++] = FeatureHash.Of(100, 0);
        into[n++] = FeatureHash.Of(101, s0wp);
        into[n++] = FeatureHash.Of(102, s0w);
        into[n++] = FeatureHash.Of(103, s0p);

        // Pairs.
        into[n++] = FeatureHash.Of(120, s0wp, n0wp);
        into[n++] = FeatureHash.Of(121, s0wp, n0w);
        into[n++] = FeatureHash.Of(122, s0w, n0wp);
        into[n++] = FeatureHash.Of(123, s0wp, n0p);
        into[n++] = FeatureHash.Of(124, s0p, n0wp);
        into[n++] = FeatureHash.Of(125, s0w, n0w);
        into[n++] = FeatureHash.Of(126, s0p, n0p);

        // Three words.
        var s0hp = T(tags, s0h);
        var s0lp = T(tags, s0l);
        var s0rp = T(tags, s0r);
        var n0lp = T(tags, n0l);
        into[n++] = FeatureHash.Of(131, s0p, n0p, n1p);
        into[n++] = FeatureHash.Of(132, s0hp, s0p, n0p);
        into[n++] = FeatureHash.Of(133, s0p, s0lp, n0p);
        into[n++] = FeatureHash.Of(134, s0p, s0rp, n0p);
        into[n++] = FeatureHash.Of(135, s0p, n0p, n0lp);

        // Distance.
        var d = n0 > 0 && s0 > 0 ? (ulong)Math.Min(n0 - s0, 8) : 0;
        into[n++] = FeatureHash.Of(140, s0w, d);
        into[n++] = FeatureHash.Of(141, s0p, d);
        into[n++] = FeatureHash.Of(142, n0w, d);
        into[n++] = FeatureHash.Of(143, n0p, d);
        into[n++] = FeatureHash.Of(144, s0w, n0w, d);
        into[n++] = FeatureHash.Of(145, s0p, n0p, d);

        // Valency.
        var s0vr = (ulong)Math.Min(state.RightCount[s0], 6);
        var s0vl = (ulong)Math.Min(state.LeftCount[s0], 6);
        var n0vl = n0 > 0 ? (ulong)Math.Min(state.LeftCount[n0], 6) : 7;
        into[n++] = FeatureHash.Of(150, s0w, s0vr);
        into[n++] = FeatureHash.Of(151, s0p, s0vr);
        into[n++] = FeatureHash.Of(152, s0w, s0vl);
        into[n++] = FeatureHash.Of(153, s0p, s0vl);
        into[n++] = FeatureHash.Of(154, n0w, n0vl);
        into[n++] = FeatureHash.Of(155, n0p, n0vl);

        // Unigrams of the first-order neighbourhood.
        into[n++] = FeatureHash.Of(160, W(words, s0h));
        into[n++] = FeatureHash.Of(161, s0hp);
        into[n++] = FeatureHash.Of(162, L(state, s0));
        into[n++] = FeatureHash.Of(163, W(words, s0l));
        into[n++] = FeatureHash.Of(164, s0lp);
        into[n++] = FeatureHash.Of(165, L(state, s0l));
        into[n++] = FeatureHash.Of(166, W(words, s0r));
        into[n++] = FeatureHash.Of(167, s0rp);
        into[n++] = FeatureHash.Of(168, L(state, s0r));
        into[n++] = FeatureHash.Of(169, W(words, n0l));
        into[n++] = FeatureHash.Of(170, n0lp);
        into[n++] = FeatureHash.Of(171, L(state, n0l));

        // Third order.
        var s0h2p = T(tags, s0h2);
        var s0l2p = T(tags, s0l2);
        var s0r2p = T(tags, s0r2);
        var n0l2p = T(tags, n0l2);
        into[n++] = FeatureHash.Of(180, W(words, s0h2));
        into[n++] = FeatureHash.Of(181, s0h2p);
        into[n++] = FeatureHash.Of(182, L(state, s0h));
        into[n++] = FeatureHash.Of(183, W(words, s0l2));
        into[n++] = FeatureHash.Of(184, s0l2p);
        into[n++] = FeatureHash.Of(185, L(state, s0l2));
        into[n++] = FeatureHash.Of(186, W(words, s0r2));
        into[n++] = FeatureHash.Of(187, s0r2p);
        into[n++] = FeatureHash.Of(188, L(state, s0r2));
        into[n++] = FeatureHash.Of(189, W(words, n0l2));
        into[n++] = FeatureHash.Of(190, n0l2p);
        into[n++] = FeatureHash.Of(191, L(state, n0l2));
        into[n++] = FeatureHash.Of(192, s0p, s0lp, s0l2p);
        into[n++] = FeatureHash.Of(193, s0p, s0rp, s0r2p);
        into[n++] = FeatureHash.Of(194, s0p, s0hp, s0h2p);
        into[n++] = FeatureHash.Of(195, n0p, n0lp, n0l2p);

        // Label sets.
        var s0sr = state.RightLabels[s0];
        var s0sl = state.LeftLabels[s0];
        var n0sl = n0 > 0 ? state.LeftLabels[n0] : ulong.MaxValue;
        into[n++] = FeatureHash.Of(200, s0w, s0sr);
        into[n++] = FeatureHash.Of(201, s0p, s0sr);
        into[n++] = FeatureHash.Of(202, s0w, s0sl);
        into[n++] = FeatureHash.Of(203, s0p, s0sl);
        into[n++] = FeatureHash.Of(204, n0w, n0sl);
        into[n++] = FeatureHash.Of(205, n0p, n0sl);

        // The word below the top of the stack, and whether the top already has its head.
        var s1p = T(tags, s1);
        var attached = state.Head[s0] >= 0 ? 1UL : 0UL;
        into[n++] = FeatureHash.Of(210, W(words, s1), s1p);
        into[n++] = FeatureHash.Of(211, s1p, s0p, n0p);
        into[n++] = FeatureHash.Of(212, attached, s0p, n0p);
        into[n++] = FeatureHash.Of(213, attached, L(state, s0), n0p);

        // Shapes of the front of the buffer, for words never seen in training.
        if (n0 > 0)
        {
            var w = words[n0 - 1];
            into[n++] = FeatureHash.Of(221, w.Shape, s0p);
        }

        return n;
    }

    private static ulong W(ReadOnlySpan<WordInfo> words, int i) => i > 0 ? words[i - 1].Lower : i == 0 ? RootWord : NoWord;

    private static ulong T(ReadOnlySpan<int> tags, int i) => i > 0 ? (ulong)tags[i - 1] + 2 : i == 0 ? 1UL : 0UL;

    private static ulong L(ParserState state, int i) => i > 0 && state.Label[i] >= 0 ? (ulong)state.Label[i] + 2 : i > 0 ? 1UL : 0UL;

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
