using System.Globalization;
using System.Numerics.Tensors;
using Sitrep.Learning;

namespace Sitrep.Meaning.Pairs;

/// <summary>
/// A softmax classifier over dense, standardised inputs with one ReLU hidden layer.
/// </summary>
/// <remarks>Immutable after training or loading; <see cref="Logits"/> is thread-safe.</remarks>
internal sealed class DenseMlp
{
    private readonly float[] _mean; // [inputs]
    private readonly float[] _scale; // [inputs], 1/std
    private readonly float[] _w1; // [hidden, inputs]
    private readonly float[] _b1; // [hidden]
    private readonly float[] _w2; // [classes, hidden]
    private readonly float[] _b2; // [classes]

    private DenseMlp(int inputs, int hidden, int classes, float[] mean, float[] scale, float[] w1, float[] b1, float[] w2, float[] b2)
    {
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        _mean = mean;
        _scale = scale;
        _w1 = w1;
        _b1 = b1;
        _w2 = w2;
        _b2 = b2;
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public int Classes { get; }

    /// <summary>The network's output before the softmax, for raw (unstandardised) inputs.</summary>
    public float[] Logits(ReadOnlySpan<float> x)
    {
        var z = new float[Inputs];
        Standardise(x, z);
        var hidden = new float[Hidden];
        var output = new float[Classes];
        Forward(z, hidden, output, null);
        return output;
    }

    private void Standardise(ReadOnlySpan<float> x, Span<float> z)
    {
        TensorPrimitives.Subtract(x, _mean, z);
        TensorPrimitives.Multiply(z, _scale, z);
    }

    private void Forward(ReadOnlySpan<float> z, Span<float> hidden, Span<float> output, (Random Random, float Keep, bool[] Dropped)? dropout)
    {
        for (var h = 0; h < Hidden; h++)
        {
            var a = _b1[h] + TensorPrimitives.Dot(_w1.AsSpan(h * Inputs, Inputs), z);
            a = a > 0 ? a : 0f;
            if (dropout is { } d)
            {
                var dropped = d.Random.NextSingle() >= d.Keep;
                d.Dropped[h] = dropped;
                a = dropped ? 0f : a / d.Keep;
            }

            hidden[h] = a;
        }

        for (var c = 0; c < Classes; c++)
        {
            output[c] = _b2[c] + TensorPrimitives.Dot(_w2.AsSpan(c * Hidden, Hidden), hidden);
        }
    }

    internal static void Softmax(Span<float> z, float temperature)
    {
        var max = TensorPrimitives.Max(z);
        var sum = 0f;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = MathF.Exp((z[i] - max) / temperature);
            sum += z[i];
        }

        for (var i = 0; i < z.Length; i++)
        {
            z[i] /= sum;
        }
    }

    /// <summary>Trains a network with mini-batch Adam, dropout on the hidden layer and L2 decay; deterministic for a seed.</summary>
    public static DenseMlp Train(IReadOnlyList<float[]> xs, IReadOnlyList<int> ys, int classes, DenseMlpOptions options, Action<string>? log = null, Action<int, DenseMlp>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(ys);
        ArgumentNullException.ThrowIfNull(options);
        var inputs = xs[0].Length;
        var hidden = options.Hidden;
        var (mean, scale) = Moments(xs, inputs);
        var random = new Random(options.Seed);
        var w1 = new float[hidden * inputs];
        var limit1 = MathF.Sqrt(6f / (inputs + hidden));
        for (var i = 0; i < w1.Length; i++)
        {
            w1[i] = ((random.NextSingle() * 2) - 1) * limit1;
        }

        var w2 = new float[classes * hidden];
        var limit2 = MathF.Sqrt(6f / (hidden + classes));
        for (var i = 0; i < w2.Length; i++)
        {
            w2[i] = ((random.NextSingle() * 2) - 1) * limit2;
        }

        var net = new DenseMlp(inputs, hidden, classes, mean, scale, w1, new float[hidden], w2, new float[classes]);
        var standardised = xs.Select(x =>
        {
            var z = new float[inputs];
            net.Standardise(x, z);
            return z;
        }).ToArray();

        var adam = new Adam(net, options);
        var order = Enumerable.Range(0, xs.Count).ToArray();
        var classWeights = options.ClassWeights ?? Enumerable.Repeat(1f, classes).ToArray();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double loss = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var end = Math.Min(order.Length, start + options.BatchSize);
                adam.Clear();
                for (var k = start; k < end; k++)
                {
                    loss += adam.Accumulate(standardised[order[k]], ys[order[k]], classWeights[ys[order[k]]], random);
                }

                adam.Step(end - start);
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: loss {loss / order.Length:0.0000}"));
            afterEpoch?.Invoke(epoch, net);
        }

        return net;
    }

    private static (float[] Mean, float[] Scale) Moments(IReadOnlyList<float[]> xs, int inputs)
    {
        var mean = new double[inputs];
        var square = new double[inputs];
        foreach (var x in xs)
        {
            for (var i = 0; i < inputs; i++)
            {
                mean[i] += x[i];
                square[i] += (double)x[i] * x[i];
            }
        }

        var m = new float[inputs];
        var s = new float[inputs];
        for (var i = 0; i < inputs; i++)
        {
            var mu = mean[i] / xs.Count;
            var variance = Math.Max(0, (square[i] / xs.Count) - (mu * mu));
            m[i] = (float)mu;
            s[i] = variance > 1e-12 ? (float)(1 / Math.Sqrt(variance)) : 1f;
        }

        return (m, s);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Inputs);
        writer.Write(Hidden);
        writer.Write(Classes);
        WriteFloats(writer, _mean);
        WriteFloats(writer, _scale);
        HalfFloats.Write(writer, _w1);
        HalfFloats.Write(writer, _b1);
        HalfFloats.Write(writer, _w2);
        HalfFloats.Write(writer, _b2);
    }

    public static DenseMlp Read(BinaryReader reader)
    {
        var inputs = reader.ReadInt32();
        var hidden = reader.ReadInt32();
        var classes = reader.ReadInt32();
        if (inputs <= 0 || hidden <= 0 || classes <= 1 || (long)inputs * hidden > 20_000_000)
        {
            throw new InvalidDataException($"Implausible network shape {inputs}x{hidden}x{classes}.");
        }

        return new DenseMlp(
            inputs,
            hidden,
            classes,
            ReadFloats(reader, inputs),
            ReadFloats(reader, inputs),
            HalfFloats.Read(reader, hidden * inputs),
            HalfFloats.Read(reader, hidden),
            HalfFloats.Read(reader, classes * hidden),
            HalfFloats.Read(reader, classes));
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (var v in values)
        {
            writer.Write(v);
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }

    private sealed class Adam
    {
        private readonly DenseMlp _net;
        private readonly DenseMlpOptions _options;
        private readonly float[][] _weights, _grads, _m, _v;
        private readonly bool[] _decay = [true, false, true, false];
        private readonly float[] _hidden, _output, _delta;
        private readonly bool[] _dropped;
        private int _step;

        public Adam(DenseMlp net, DenseMlpOptions options)
        {
            _net = net;
            _options = options;
            _weights = [net._w1, net._b1, net._w2, net._b2];
            _grads = _weights.Select(w => new float[w.Length]).ToArray();
            _m = _weights.Select(w => new float[w.Length]).ToArray();
            _v = _weights.Select(w => new float[w.Length]).ToArray();
            _hidden = new float[net.Hidden];
            _output = new float[net.Classes];
            _delta = new float[net.Hidden];
            _dropped = new bool[net.Hidden];
        }

        public void Clear()
        {
            foreach (var g in _grads)
            {
                Array.Clear(g);
            }
        }

        public double Accumulate(float[] z, int y, float weight, Random random)
        {
            var net = _net;
            net.Forward(z, _hidden, _output, (random, _options.Keep, _dropped));
            Softmax(_output, 1f);
            var loss = -Math.Log(Math.Max(_output[y], 1e-7f)) * weight;
            var gw1 = _grads[0];
            var gb1 = _grads[1];
            var gw2 = _grads[2];
            var gb2 = _grads[3];
            Array.Clear(_delta);
            for (var c = 0; c < net.Classes; c++)
            {
                var d = (_output[c] - (c == y ? 1f : 0f)) * weight;
                gb2[c] += d;
                TensorPrimitives.MultiplyAdd(_hidden, d, gw2.AsSpan(c * net.Hidden, net.Hidden), gw2.AsSpan(c * net.Hidden, net.Hidden));
                TensorPrimitives.MultiplyAdd(net._w2.AsSpan(c * net.Hidden, net.Hidden), d, _delta, _delta);
            }

            for (var h = 0; h < net.Hidden; h++)
            {
                // ReLU and dropout both zero the activation; its gradient is then zero too.
                if (_hidden[h] <= 0)
                {
                    continue;
                }

                var d = _delta[h] / _options.Keep;
                gb1[h] += d;
                var row = gw1.AsSpan(h * net.Inputs, net.Inputs);
                TensorPrimitives.MultiplyAdd(z, d, row, row);
            }

            return loss;
        }

        public void Step(int batchSize)
        {
            _step++;
            var o = _options;
            var c1 = 1 - Math.Pow(o.Beta1, _step);
            var c2 = 1 - Math.Pow(o.Beta2, _step);
            var lr = (float)(o.LearningRate * Math.Sqrt(c2) / c1);
            var inv = 1f / batchSize;
            for (var p = 0; p < _weights.Length; p++)
            {
                Sitrep.Learning.Adam.Update(_weights[p], _grads[p], _m[p], _v[p], inv, _decay[p] ? o.L2 : 0f, lr, o.Beta1, o.Beta2);
            }
        }
    }
}

/// <summary>Hyper-parameters of the pair classifier's network.</summary>
public sealed record DenseMlpOptions
{
    /// <summary>Hidden units.</summary>
    public int Hidden { get; init; } = 128;

    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Examples per update.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam step size.</summary>
    public float LearningRate { get; init; } = 0.001f;

    /// <summary>Adam first-moment decay.</summary>
    public float Beta1 { get; init; } = 0.9f;

    /// <summary>Adam second-moment decay.</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>L2 weight decay added to the gradient.</summary>
    public float L2 { get; init; } = 1e-4f;

    /// <summary>Probability of keeping a hidden unit during training (dropout).</summary>
    public float Keep { get; init; } = 0.3f;

    /// <summary>Per-class loss weights (null for equal weights).</summary>
    public float[]? ClassWeights { get; init; }

    /// <summary>Seed for initialisation, shuffling and dropout (training is deterministic for a given seed).</summary>
    public int Seed { get; init; } = 20140823;
}
