using System.Numerics;
using System.Runtime.InteropServices;

namespace Sitrep.Syntax.Features;

/// <summary>
/// The weights of a linear multi-class model: an open-addressing table from 64-bit feature hashes to rows, and one
/// flat array holding a dense row of class weights per feature (padded to the SIMD width), so that scoring a feature
/// is one probe and a few vector adds. Read-only once trained; safe to share between threads.
/// </summary>
internal sealed class WeightTable : ILinearScorer
{
    private ulong[] _keys;
    private int[] _rows;
    private int _count;

    public WeightTable(int classes, int capacity = 1 << 16)
    {
        Classes = classes;
        Stride = (classes + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var size = 1;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _keys = new ulong[size];
        _rows = new int[size];
        Weights = new float[Math.Max(1, capacity) * Stride];
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Floats per row: <see cref="Classes"/> rounded up to the vector width.</summary>
    public int Stride { get; }

    /// <summary>Number of feature rows.</summary>
    public int Count => _count;

    /// <summary>Row-major weights, <see cref="Stride"/> floats per row.</summary>
    public float[] Weights { get; private set; }

    /// <summary>The row of <paramref name="key"/>, or -1.</summary>
    public int Find(ulong key)
    {
        var mask = _keys.Length - 1;
        var slot = (int)(key & (ulong)mask);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _rows[slot];
            }

            if (k == 0)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The row of <paramref name="key"/>, added (zero) when absent.</summary>
    public int FindOrAdd(ulong key)
    {
        var mask = _keys.Length - 1;
        var slot = (int)(key & (ulong)mask);
        while (true)
        {
            var k = _keys[slot];
            if (k == key)
            {
                return _rows[slot];
            }

            if (k == 0)
            {
                break;
            }

            slot = (slot + 1) & mask;
        }

        if ((_count + 1) * 2 > _keys.Length)
        {
            Grow();
            return FindOrAdd(key);
        }

        _keys[slot] = key;
        _rows[slot] = _count;
        if ((_count + 1) * Stride > Weights.Length)
        {
            var bigger = new float[Weights.Length * 2];
            Weights.AsSpan().CopyTo(bigger);
            Weights = bigger;
        }

        return _count++;
    }

    /// <summary>Adds the rows of the <paramref name="features"/> into <paramref name="scores"/> (length <see cref="Stride"/>, cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        Add(features, scores);
    }

    /// <summary>Adds the rows of the <paramref name="features"/> into <paramref name="scores"/> (length <see cref="Stride"/>).</summary>
    public void Add(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var acc = MemoryMarshal.Cast<float, Vector<float>>(scores);
        var weights = Weights;
        foreach (var f in features)
        {
            var row = Find(f);
            if (row < 0)
            {
                continue;
            }

            var w = MemoryMarshal.Cast<float, Vector<float>>(weights.AsSpan(row * Stride, Stride));
            for (var i = 0; i < acc.Length; i++)
            {
                acc[i] += w[i];
            }
        }
    }

    /// <summary>The keys and rows, for saving.</summary>
    public IEnumerable<(ulong Key, int Row)> Entries()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                yield return (_keys[i], _rows[i]);
            }
        }
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldRows = _rows;
        _keys = new ulong[oldKeys.Length * 2];
        _rows = new int[oldKeys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldKeys[i] == 0)
            {
                continue;
            }

            var slot = (int)(oldKeys[i] & (ulong)mask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = oldKeys[i];
            _rows[slot] = oldRows[i];
        }
    }
}
