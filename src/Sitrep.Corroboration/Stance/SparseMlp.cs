using System.Globalization;
using System.Numerics;
using Sitrep.Learning;

namespace Sitrep.Corroboration.Stance;

/// <summary>
/// A softmax classifier over sparse inputs with one ReLU hidden layer (the shape of the UCL FNC-1 model): cheap to
/// evaluate because only the rows of the input features present in a vector are read.
/// </summary>
/// <remarks>Immutable after training or loading; <see cref="Predict"/> is thread-safe.</remarks>
public sealed class SparseMlp
{
    private readonly float[] _w1; // [inputs, hidden]
    private readonly float[] _b1; // [hidden]
    private readonly float[] _w2; // [hidden, classes]
    private readonly float[] _b2; // [classes]

    private SparseMlp(int inputs, int hidden, int classes, float[] w1, float[] b1, float[] w2, float[] b2)
    {
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        _w1 = w1;
        _b1 = b1;
        _w2 = w2;
        _b2 = b2;
    }

    /// <summary>Input dimension.</summary>
    public int Inputs { get; }

    /// <summary>Hidden units.</summary>
    public int Hidden { get; }

    /// <summary>Output classes.</summary>
    public int Classes { get; }

    /// <summary>Class probabilities for <paramref name="x"/>.</summary>
    public float[] Predict(SparseVector x)
    {
        Span<float> hidden = Hidden <= 512 ? stackalloc float[Hidden] : new float[Hidden];
        var output = new float[Classes];
        Forward(x, hidden, output, null, 0f, null);
        return output;
    }

    /// <summary>Trains a network on <paramref name="data"/> with mini-batch Adam (sparse, lazy updates of the first layer).</summary>
    /// <remarks><paramref name="afterEpoch"/> sees the network being trained (for validation curves); it must not keep it.</remarks>
    public static SparseMlp Train(IReadOnlyList<(SparseVector X, int Y)> data, int inputs, int classes, SparseMlpOptions options, Action<string>? log = null, Action<int, SparseMlp>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var hidden = options.Hidden;
        var random = new Random(options.Seed);
        var w1 = new float[inputs * hidden];
        var b1 = new float[hidden];
        var w2 = new float[hidden * classes];
        var b2 = new float[classes];
        var scale1 = MathF.Sqrt(2f / (options.InitialFanIn + hidden));
        for (var i = 0; i < w1.Length; i++)
        {
            w1[i] = (float)((random.NextDouble() * 2) - 1) * scale1;
        }

        var scale2 = MathF.Sqrt(6f / (hidden + classes));
        for (var i = 0; i < w2.Length; i++)
        {
            w2[i] = (float)((random.NextDouble() * 2) - 1) * scale2;
        }

        var net = new SparseMlp(inputs, hidden, classes, w1, b1, w2, b2);
        var trainer = new AdamState(net, options);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var classWeights = options.ClassWeights ?? Enumerable.Repeat(1f, classes).ToArray();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double loss = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var end = Math.Min(order.Length, start + options.BatchSize);
                trainer.BeginBatch();
                for (var k = start; k < end; k++)
                {
                    var (x, y) = data[order[k]];
                    loss += trainer.Accumulate(x, y, classWeights[y], random);
                }

                trainer.Step(end - start);
            }

            log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: loss {loss / order.Length:0.0000}"));
            afterEpoch?.Invoke(epoch, net);
        }

        return net;
    }

    private void Forward(SparseVector x, Span<float> hidden, float[] output, bool[]? dropMask, float keep, Random? random)
    {
        _b1.AsSpan().CopyTo(hidden);
        var indices = x.Indices;
        var values = x.Values;
        for (var k = 0; k < indices.Length; k++)
        {
            var row = _w1.AsSpan(indices[k] * Hidden, Hidden);
            Axpy(values[k], row, hidden);
        }

        for (var h = 0; h < Hidden; h++)
        {
            var v = hidden[h] > 0 ? hidden[h] : 0f;
            if (dropMask is not null)
            {
                var dropped = random!.NextSingle() >= keep;
                dropMask[h] = dropped;
                v = dropped ? 0f : v / keep;
            }

            hidden[h] = v;
        }

        for (var c = 0; c < Classes; c++)
        {
            output[c] = _b2[c];
        }

        for (var h = 0; h < Hidden; h++)
        {
            var v = hidden[h];
            if (v == 0f)
            {
                continue;
            }

            for (var c = 0; c < Classes; c++)
            {
                output[c] += v * _w2[(h * Classes) + c];
            }
        }

        Softmax(output);
    }

    /// <summary>y += a * x, vectorised.</summary>
    private static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var va = new Vector<float>(a);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var vy = new Vector<float>(y[i..]) + (va * new Vector<float>(x[i..]));
                vy.CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static void Softmax(float[] z)
    {
        var max = z.Max();
        var sum = 0f;
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = MathF.Exp(z[i] - max);
            sum += z[i];
        }

        for (var i = 0; i < z.Length; i++)
        {
            z[i] /= sum;
        }
    }

    /// <summary>Writes the network; weights are stored as half-precision floats to keep shipped models small.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Inputs);
        writer.Write(Hidden);
        writer.Write(Classes);
        HalfFloats.Write(writer, _w1);
        HalfFloats.Write(writer, _b1);
        HalfFloats.Write(writer, _w2);
        HalfFloats.Write(writer, _b2);
    }

    /// <summary>Reads a network written by <see cref="Write"/>.</summary>
    public static SparseMlp Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var inputs = reader.ReadInt32();
        var hidden = reader.ReadInt32();
        var classes = reader.ReadInt32();
        if (inputs <= 0 || hidden <= 0 || classes <= 1 || (long)inputs * hidden > 50_000_000)
        {
            throw new InvalidDataException($"Implausible network shape {inputs}x{hidden}x{classes}.");
        }

        return new SparseMlp(
            inputs,
            hidden,
            classes,
            HalfFloats.Read(reader, inputs * hidden),
            HalfFloats.Read(reader, hidden),
            HalfFloats.Read(reader, hidden * classes),
            HalfFloats.Read(reader, classes));
    }

    /// <summary>Adam with lazy (touched-rows-only) updates of the first layer, and L2 weight decay.</summary>
    private sealed class AdamState
    {
        private readonly SparseMlp _net;
        private readonly SparseMlpOptions _options;
        private readonly float[] _m1, _v1, _g1, _mb1, _vb1, _gb1, _m2, _v2, _g2, _mb2, _vb2, _gb2;
        private readonly bool[] _touched;
        private readonly List<int> _touchedRows = [];
        private readonly float[] _hidden, _output, _delta;
        private readonly bool[] _mask;
        private int _step;

        public AdamState(SparseMlp net, SparseMlpOptions options)
        {
            _net = net;
            _options = options;
            _m1 = new float[net._w1.Length];
            _v1 = new float[net._w1.Length];
            _g1 = new float[net._w1.Length];
            _mb1 = new float[net.Hidden];
            _vb1 = new float[net.Hidden];
            _gb1 = new float[net.Hidden];
            _m2 = new float[net._w2.Length];
            _v2 = new float[net._w2.Length];
            _g2 = new float[net._w2.Length];
            _mb2 = new float[net.Classes];
            _vb2 = new float[net.Classes];
            _gb2 = new float[net.Classes];
            _touched = new bool[net.Inputs];
            _hidden = new float[net.Hidden];
            _output = new float[net.Classes];
            _delta = new float[net.Hidden];
            _mask = new bool[net.Hidden];
        }

        public void BeginBatch()
        {
            foreach (var row in _touchedRows)
            {
                Array.Clear(_g1, row * _net.Hidden, _net.Hidden);
                _touched[row] = false;
            }

            _touchedRows.Clear();
            Array.Clear(_gb1);
            Array.Clear(_g2);
            Array.Clear(_gb2);
        }

        public double Accumulate(SparseVector x, int y, float weight, Random random)
        {
            var hiddenCount = _net.Hidden;
            var classes = _net.Classes;
            _net.Forward(x, _hidden, _output, _mask, _options.Keep, random);
            var loss = -Math.Log(Math.Max(_output[y], 1e-7f)) * weight;
            for (var c = 0; c < classes; c++)
            {
                _output[c] = (_output[c] - (c == y ? 1f : 0f)) * weight;
                _gb2[c] += _output[c];
            }

            for (var h = 0; h < hiddenCount; h++)
            {
                var a = _hidden[h];
                var d = 0f;
                for (var c = 0; c < classes; c++)
                {
                    _g2[(h * classes) + c] += a * _output[c];
                    d += _net._w2[(h * classes) + c] * _output[c];
                }

                // ReLU and dropout both zero the activation; its gradient is then zero too.
                _delta[h] = a > 0 ? d / _options.Keep : 0f;
                _gb1[h] += _delta[h];
            }

            var indices = x.Indices;
            var values = x.Values;
            for (var k = 0; k < indices.Length; k++)
            {
                var row = indices[k];
                if (!_touched[row])
                {
                    _touched[row] = true;
                    _touchedRows.Add(row);
                }

                Axpy(values[k], _delta, _g1.AsSpan(row * hiddenCount, hiddenCount));
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
            var hidden = _net.Hidden;
            foreach (var row in _touchedRows)
            {
                Update(_net._w1, _g1, _m1, _v1, row * hidden, hidden, lr, inv);
            }

            Update(_net._b1, _gb1, _mb1, _vb1, 0, _gb1.Length, lr, inv, decay: false);
            Update(_net._w2, _g2, _m2, _v2, 0, _g2.Length, lr, inv);
            Update(_net._b2, _gb2, _mb2, _vb2, 0, _gb2.Length, lr, inv, decay: false);
        }

        private void Update(float[] w, float[] g, float[] m, float[] v, int offset, int count, float lr, float inv, bool decay = true) =>
            Sitrep.Learning.Adam.Update(w.AsSpan(offset, count), g.AsSpan(offset, count), m.AsSpan(offset, count), v.AsSpan(offset, count), inv, decay ? _options.L2 : 0f, lr, _options.Beta1, _options.Beta2);
    }
}

/// <summary>Hyper-parameters of <see cref="SparseMlp.Train"/>.</summary>
public sealed record SparseMlpOptions
{
    /// <summary>Hidden units.</summary>
    public int Hidden { get; init; } = 100;

    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Examples per update.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Adam step size.</summary>
    public float LearningRate { get; init; } = 0.001f;

    /// <summary>Adam first-moment decay.</summary>
    public float Beta1 { get; init; } = 0.9f;

    /// <summary>Adam second-moment decay.</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>L2 weight decay added to the gradient.</summary>
    public float L2 { get; init; } = 1e-5f;

    /// <summary>Probability of keeping a hidden unit during training (dropout).</summary>
    public float Keep { get; init; } = 0.6f;

    /// <summary>Typical number of non-zero inputs, used to scale the initial first-layer weights.</summary>
    public int InitialFanIn { get; init; } = 200;

    /// <summary>Per-class loss weights (null for equal weights).</summary>
    public float[]? ClassWeights { get; init; }

    /// <summary>Seed for initialization, shuffling and dropout (training is deterministic for a given seed).</summary>
    public int Seed { get; init; } = 1489215;
}
