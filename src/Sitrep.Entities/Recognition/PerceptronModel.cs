using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Sitrep.Entities.Recognition;

/// <summary>
/// The weights of the averaged perceptron: one row of BILOU-tag weights per hashed feature. Immutable
/// once loaded; scoring is a dictionary lookup and seventeen additions per feature.
/// </summary>
/// <remarks>
/// File format (Brotli-compressed): magic <c>SRNER1</c>, the description string, the number of rows, then for each
/// row its 64-bit feature hash and seventeen half-precision weights. Rows whose weights all round to zero are dropped.
/// </remarks>
public sealed class PerceptronModel
{
    /// <summary>Weights per feature: one per BILOU tag.</summary>
    internal const int Classes = Bilou.Count;

    private const string Magic = "SRNER2";
    private readonly Dictionary<ulong, int> _rows;
    private readonly float[] _weights;

    // Open-addressing copy of _rows for scoring: a power-of-two table probed linearly, faster than Dictionary.
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    internal PerceptronModel(Dictionary<ulong, int> rows, float[] weights, string description)
    {
        _rows = rows;
        _weights = weights;
        Description = description;
        var size = 16;
        while (size < rows.Count * 2)
        {
            size *= 2;
        }

        _keys = new ulong[size];
        _values = new int[size];
        _mask = size - 1;
        Array.Fill(_values, -1);
        foreach (var (key, row) in rows)
        {
            var slot = (int)(key & (ulong)_mask);
            while (_values[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = key;
            _values[slot] = row;
        }
    }

    /// <summary>What the model was trained on and how.</summary>
    public string Description { get; }

    /// <summary>Number of feature rows.</summary>
    public int Features => _rows.Count;

    /// <summary>
    /// The mean of several models' weights (a feature missing from one counts as zero there): one model as fast as
    /// each of them, from several differently seeded trainings.
    /// </summary>
    internal static PerceptronModel Mean(IReadOnlyList<PerceptronModel> models, string description)
    {
        var rows = new Dictionary<ulong, int>();
        foreach (var model in models)
        {
            foreach (var key in model._rows.Keys.Order())
            {
                rows.TryAdd(key, rows.Count);
            }
        }

        var weights = new float[rows.Count * Classes];
        foreach (var model in models)
        {
            foreach (var (key, row) in model._rows)
            {
                var target = rows[key] * Classes;
                for (var t = 0; t < Classes; t++)
                {
                    weights[target + t] += model._weights[(row * Classes) + t] / models.Count;
                }
            }
        }

        return new PerceptronModel(rows, weights, description);
    }

    /// <summary>Reads a model.</summary>
    public static PerceptronModel Load(Stream compressed)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var reader = new BinaryReader(brotli);
        if (!string.Equals(reader.ReadString(), Magic, StringComparison.Ordinal))
        {
            throw new InvalidDataException("Not a Sitrep NER model (bad magic).");
        }

        var description = reader.ReadString();
        var count = reader.ReadInt32();
        var rows = new Dictionary<ulong, int>(count);
        var weights = new float[count * Classes];
        for (var r = 0; r < count; r++)
        {
            rows[reader.ReadUInt64()] = r;
            for (var t = 0; t < Classes; t++)
            {
                weights[(r * Classes) + t] = (float)reader.ReadHalf();
            }
        }

        return new PerceptronModel(rows, weights, description);
    }

    /// <summary>Writes the model.</summary>
    public void Save(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var kept = _rows
            .Where(pair => Enumerable.Range(0, Classes).Any(t => (float)(Half)_weights[(pair.Value * Classes) + t] != 0f))
            .OrderBy(pair => pair.Key)
            .ToList();
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli);
        writer.Write(Magic);
        writer.Write(Description);
        writer.Write(kept.Count);
        foreach (var (key, row) in kept)
        {
            writer.Write(key);
            for (var t = 0; t < Classes; t++)
            {
                writer.Write((Half)_weights[(row * Classes) + t]);
            }
        }
    }

    /// <summary>
    /// Adds the weights of every one of <paramref name="features"/> to <paramref name="scores"/>, in their order (so the
    /// sums are those of <see cref="Add"/> called for each to the last bit).
    /// </summary>
    /// <remarks>
    /// The table is larger than the cache, so nearly every probe misses: every feature's slot is asked for first, then
    /// every row found, so the misses overlap instead of queueing one behind the other.
    /// </remarks>
    internal void AddAll(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        if (Sse.IsSupported)
        {
            foreach (var feature in features)
            {
                var slot = (int)(feature & (ulong)_mask);
                Prefetch(ref _keys[slot]);
                Prefetch(ref _values[slot]);
            }
        }

        Span<int> rows = features.Length <= 64 ? stackalloc int[features.Length] : new int[features.Length];
        var n = 0;
        foreach (var feature in features)
        {
            var row = RowOf(feature);
            if (row < 0)
            {
                continue;
            }

            rows[n++] = row;
            if (Sse.IsSupported)
            {
                Prefetch(ref _weights[row * Classes]);
                Prefetch(ref _weights[(row * Classes) + Classes - 1]);
            }
        }

        foreach (var row in rows[..n])
        {
            AddRow(row, scores);
        }
    }

    private static unsafe void Prefetch<T>(ref T location)
        where T : unmanaged
    {
        Sse.Prefetch0(Unsafe.AsPointer(ref location));
    }

    /// <summary>Adds the weights of <paramref name="feature"/> to <paramref name="scores"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(ulong feature, Span<float> scores)
    {
        var row = RowOf(feature);
        if (row >= 0)
        {
            AddRow(row, scores);
        }
    }

    /// <summary>The row of <paramref name="feature"/>'s weights, or -1 when the model has none for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RowOf(ulong feature)
    {
        var slot = (int)(feature & (ulong)_mask);
        while (true)
        {
            var row = _values[slot];
            if (row < 0 || _keys[slot] == feature)
            {
                return row;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds the weights in <paramref name="row"/> to <paramref name="scores"/>, class by class.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddRow(int row, Span<float> scores)
    {
        var w = _weights.AsSpan(row * Classes, Classes);
        var i = 0;
        for (; i <= Classes - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(scores[i..]) + new Vector<float>(w[i..])).CopyTo(scores[i..]);
        }

        for (; i < Classes; i++)
        {
            scores[i] += w[i];
        }
    }
}
