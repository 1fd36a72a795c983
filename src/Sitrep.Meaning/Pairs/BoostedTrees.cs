using System.Globalization;

namespace Sitrep.Meaning.Pairs;

/// <summary>
/// Gradient-boosted regression trees for a softmax over a few classes (Newton steps on the log-loss, one tree per
/// class and round, L2 on leaf values), for small dense inputs of a few dozen features.
/// </summary>
/// <remarks>Immutable after training or loading; <see cref="Logits"/> is thread-safe.</remarks>
internal sealed class BoostedTrees
{
    private readonly Tree[] _trees; // round-major: tree r*Classes + c
    private readonly float[] _bias;

    private BoostedTrees(int inputs, int classes, float[] bias, Tree[] trees)
    {
        Inputs = inputs;
        Classes = classes;
        _bias = bias;
        _trees = trees;
    }

    public int Inputs { get; }

    public int Classes { get; }

    public int Rounds => _trees.Length / Classes;

    public float[] Logits(ReadOnlySpan<float> x)
    {
        var z = (float[])_bias.Clone();
        for (var t = 0; t < _trees.Length; t++)
        {
            z[t % Classes] += _trees[t].Value(x);
        }

        return z;
    }

    /// <summary>Trains on <paramref name="xs"/> (deterministic: no sampling).</summary>
    public static BoostedTrees Train(IReadOnlyList<float[]> xs, IReadOnlyList<int> ys, int classes, BoostedTreesOptions options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(options);
        var n = xs.Count;
        var inputs = xs[0].Length;
        var bias = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            var share = Math.Max(ys.Count(y => y == c), 1) / (double)n;
            bias[c] = (float)Math.Log(share);
        }

        // Samples sorted by each feature once; a node's split scan walks this order and skips other nodes' samples.
        var sorted = new int[inputs][];
        for (var f = 0; f < inputs; f++)
        {
            var feature = f;
            sorted[f] = Enumerable.Range(0, n).OrderBy(i => xs[i][feature]).ThenBy(i => i).ToArray();
        }

        var scores = new float[n][];
        for (var i = 0; i < n; i++)
        {
            scores[i] = (float[])bias.Clone();
        }

        var trees = new List<Tree>();
        var gradient = new double[n];
        var hessian = new double[n];
        var p = new float[classes];
        for (var round = 0; round < options.Rounds; round++)
        {
            var step = new float[n][];
            for (var c = 0; c < classes; c++)
            {
                for (var i = 0; i < n; i++)
                {
                    scores[i].CopyTo(p, 0);
                    DenseMlp.Softmax(p, 1f);
                    var target = ys[i] == c ? 1f : 0f;
                    gradient[i] = p[c] - target;
                    hessian[i] = Math.Max(p[c] * (1 - p[c]), 1e-6);
                }

                var tree = Grow(xs, sorted, gradient, hessian, options);
                trees.Add(tree);
                for (var i = 0; i < n; i++)
                {
                    step[i] ??= new float[classes];
                    step[i][c] = tree.Value(xs[i]);
                }
            }

            for (var i = 0; i < n; i++)
            {
                for (var c = 0; c < classes; c++)
                {
                    scores[i][c] += step[i][c];
                }
            }

            if (log is not null && ((round + 1) % 50 == 0 || round + 1 == options.Rounds))
            {
                double loss = 0;
                for (var i = 0; i < n; i++)
                {
                    scores[i].CopyTo(p, 0);
                    DenseMlp.Softmax(p, 1f);
                    loss -= Math.Log(Math.Max(p[ys[i]], 1e-7f));
                }

                log(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: training loss {loss / n:0.0000}"));
            }
        }

        return new BoostedTrees(inputs, classes, bias, [.. trees]);
    }

    private static Tree Grow(IReadOnlyList<float[]> xs, int[][] sorted, double[] gradient, double[] hessian, BoostedTreesOptions options)
    {
        var n = xs.Count;
        var node = new int[n]; // the leaf each sample sits in
        var features = new List<int>();
        var thresholds = new List<float>();
        var left = new List<int>();
        var right = new List<int>();
        var values = new List<float>();
        features.Add(-1);
        thresholds.Add(0);
        left.Add(-1);
        right.Add(-1);
        values.Add(0);
        var open = new List<int> { 0 };
        for (var depth = 0; depth < options.Depth && open.Count > 0; depth++)
        {
            var next = new List<int>();
            foreach (var leaf in open)
            {
                double g = 0, h = 0;
                for (var i = 0; i < n; i++)
                {
                    if (node[i] == leaf)
                    {
                        g += gradient[i];
                        h += hessian[i];
                    }
                }

                var parentScore = g * g / (h + options.Lambda);
                double bestGain = options.MinGain;
                var bestFeature = -1;
                var bestThreshold = 0f;
                for (var f = 0; f < sorted.Length; f++)
                {
                    double gl = 0, hl = 0;
                    var previous = float.NaN;
                    foreach (var i in sorted[f])
                    {
                        if (node[i] != leaf)
                        {
                            continue;
                        }

                        var value = xs[i][f];
                        if (!float.IsNaN(previous) && value > previous && hl >= options.MinChildHessian && h - hl >= options.MinChildHessian)
                        {
                            var gr = g - gl;
                            var hr = h - hl;
                            var gain = (gl * gl / (hl + options.Lambda)) + (gr * gr / (hr + options.Lambda)) - parentScore;
                            if (gain > bestGain)
                            {
                                bestGain = gain;
                                bestFeature = f;
                                bestThreshold = (previous + value) / 2;
                            }
                        }

                        gl += gradient[i];
                        hl += hessian[i];
                        previous = value;
                    }
                }

                if (bestFeature < 0)
                {
                    values[leaf] = (float)(-g / (h + options.Lambda) * options.LearningRate);
                    continue;
                }

                var l = features.Count;
                var r = l + 1;
                for (var k = 0; k < 2; k++)
                {
                    features.Add(-1);
                    thresholds.Add(0);
                    left.Add(-1);
                    right.Add(-1);
                    values.Add(0);
                }

                features[leaf] = bestFeature;
                thresholds[leaf] = bestThreshold;
                left[leaf] = l;
                right[leaf] = r;
                for (var i = 0; i < n; i++)
                {
                    if (node[i] == leaf)
                    {
                        node[i] = xs[i][bestFeature] <= bestThreshold ? l : r;
                    }
                }

                next.Add(l);
                next.Add(r);
            }

            open = next;
        }

        foreach (var leaf in open)
        {
            double g = 0, h = 0;
            for (var i = 0; i < n; i++)
            {
                if (node[i] == leaf)
                {
                    g += gradient[i];
                    h += hessian[i];
                }
            }

            values[leaf] = (float)(-g / (h + options.Lambda) * options.LearningRate);
        }

        return new Tree([.. features], [.. thresholds], [.. left], [.. right], [.. values]);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Inputs);
        writer.Write(Classes);
        foreach (var b in _bias)
        {
            writer.Write(b);
        }

        writer.Write(_trees.Length);
        foreach (var tree in _trees)
        {
            tree.Write(writer);
        }
    }

    public static BoostedTrees Read(BinaryReader reader)
    {
        var inputs = reader.ReadInt32();
        var classes = reader.ReadInt32();
        if (inputs is < 1 or > 100_000 || classes is < 2 or > 100)
        {
            throw new InvalidDataException($"Implausible boosted-trees shape: {inputs} inputs, {classes} classes.");
        }

        var bias = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            bias[c] = reader.ReadSingle();
        }

        var count = reader.ReadInt32();
        if (count < 0 || count > 1_000_000 || count % classes != 0)
        {
            throw new InvalidDataException($"Implausible tree count {count} for {classes} classes.");
        }

        var trees = new Tree[count];
        for (var t = 0; t < count; t++)
        {
            trees[t] = Tree.Read(reader, inputs);
        }

        return new BoostedTrees(inputs, classes, bias, trees);
    }

    private sealed class Tree(int[] features, float[] thresholds, int[] left, int[] right, float[] values)
    {
        public float Value(ReadOnlySpan<float> x)
        {
            var k = 0;
            while (features[k] >= 0)
            {
                k = x[features[k]] <= thresholds[k] ? left[k] : right[k];
            }

            return values[k];
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(features.Length);
            for (var k = 0; k < features.Length; k++)
            {
                writer.Write(features[k]);
                writer.Write(thresholds[k]);
                writer.Write(left[k]);
                writer.Write(right[k]);
                writer.Write(values[k]);
            }
        }

        public static Tree Read(BinaryReader reader, int inputs)
        {
            var count = reader.ReadInt32();
            if (count is < 1 or > 1 << 16)
            {
                throw new InvalidDataException($"Implausible tree size {count}.");
            }

            var f = new int[count];
            var t = new float[count];
            var l = new int[count];
            var r = new int[count];
            var v = new float[count];
            for (var k = 0; k < count; k++)
            {
                f[k] = reader.ReadInt32();
                t[k] = reader.ReadSingle();
                l[k] = reader.ReadInt32();
                r[k] = reader.ReadInt32();
                v[k] = reader.ReadSingle();
                if (f[k] >= inputs || (f[k] >= 0 && (l[k] <= k || r[k] <= k || l[k] >= count || r[k] >= count)))
                {
                    throw new InvalidDataException("A tree's node points outside the tree or at a missing feature.");
                }
            }

            return new Tree(f, t, l, r, v);
        }
    }
}

/// <summary>Hyper-parameters of the boosted trees that combine the networks' logits with the word-level features.</summary>
public sealed record BoostedTreesOptions
{
    /// <summary>Boosting rounds (one tree per class each).</summary>
    public int Rounds { get; init; } = 150;

    /// <summary>Tree depth.</summary>
    public int Depth { get; init; } = 3;

    /// <summary>Shrinkage of each tree's values.</summary>
    public float LearningRate { get; init; } = 0.1f;

    /// <summary>L2 penalty on leaf values.</summary>
    public float Lambda { get; init; } = 1f;

    /// <summary>Smallest hessian sum a child may have.</summary>
    public float MinChildHessian { get; init; } = 2f;

    /// <summary>Smallest gain a split must bring.</summary>
    public float MinGain { get; init; } = 1e-3f;
}
