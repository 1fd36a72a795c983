using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Sitrep.Syntax.Features;

/// <summary>Scores classes from the hashes of active features.</summary>
internal interface ILinearScorer
{
    /// <summary>Number of classes.</summary>
    int Classes { get; }

    /// <summary>Length of the score buffer <see cref="Score"/> needs.</summary>
    int Stride { get; }

    /// <summary>Clears <paramref name="scores"/> and adds the weights of <paramref name="features"/>.</summary>
    void Score(ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/>.</summary>
    void Add(ReadOnlySpan<ulong> features, Span<float> scores);
}

/// <summary>
/// The run-time form of trained weights: each feature's non-zero class weights only, quantised to 16 bits, in one
/// array, found through an open-addressing table of 8-byte slots (the key's high half and the row's start), so that a
/// feature costs one probe and one short read. Perceptron rows are sparse
/// (most features only ever moved a few classes), which makes this several times smaller than dense rows and keeps
/// the parser in cache. Immutable; safe to share between threads.
/// </summary>
internal sealed class SparseWeights : ILinearScorer
{
    private readonly HugePageArray<Slot> _slots;
    private readonly HugePageArray<Entry> _entries;
    private readonly ulong[] _rowKeys;
    private readonly int[] _rowStarts;
    private readonly int _mask;

    private SparseWeights(int classes, float scale, HugePageArray<Slot> slots, HugePageArray<Entry> entries, ulong[] rowKeys, int[] rowStarts)
    {
        Classes = classes;
        Scale = scale;
        _slots = slots;
        _entries = entries;
        _rowKeys = rowKeys;
        _rowStarts = rowStarts;
        _mask = slots.Length - 1;
    }

    public int Classes { get; }

    public int Stride => Classes;

    /// <summary>Weight of one quantisation step.</summary>
    public float Scale { get; }

    /// <summary>Number of features.</summary>
    public int Rows => _rowKeys.Length;

    /// <summary>Number of non-zero weights.</summary>
    public int Weights => _entries.Length - _rowKeys.Length;

    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        Add(features, scores);
    }

    public void Add(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var slots = _slots;
        var entries = _entries;
        var mask = _mask;

        // The table is larger than the cache, so nearly every probe misses: ask for every feature's slot first, so the
        // misses overlap instead of queueing one behind the other, then find the rows and ask for them the same way.
        Span<int> found = stackalloc int[features.Length];
        if (Sse.IsSupported)
        {
            foreach (var f in features)
            {
                Prefetch(ref slots[(int)(f & (ulong)mask)]);
            }
        }

        var n = 0;
        foreach (var f in features)
        {
            var i = (int)(f & (ulong)mask);
            var tag = Tag(f);
            while (true)
            {
                var slot = slots[i];
                if (slot.Tag == tag)
                {
                    found[n++] = slot.Start;
                    if (Sse.IsSupported)
                    {
                        Prefetch(ref entries[slot.Start]);
                    }

                    break;
                }

                if (slot.Tag == 0)
                {
                    break;
                }

                i = (i + 1) & mask;
            }
        }

        foreach (var start in found[..n])
        {
            var count = entries[start].Class;
            for (var j = start + 1; j <= start + count; j++)
            {
                var e = entries[j];
                scores[e.Class] += e.Value;
            }
        }
    }

    /// <summary>
    /// What a slot keeps of a key: its high 32 bits (the low bits choose the slot), never zero. Two features could
    /// share a slot's tag only by a hash collision, as two features can share a hash.
    /// </summary>
    private static uint Tag(ulong key) => (uint)(key >> 32) | 1;

    private static unsafe void Prefetch<T>(ref T location)
        where T : unmanaged
    {
        Sse.Prefetch0(Unsafe.AsPointer(ref location));
    }

    /// <summary>Rows in key order, for saving: key and (class, quantised weight) pairs.</summary>
    public IEnumerable<(ulong Key, Entry[] Row)> Entries()
    {
        for (var r = 0; r < _rowKeys.Length; r++)
        {
            var start = _rowStarts[r];
            yield return (_rowKeys[r], _entries.Span.Slice(start + 1, _entries[start].Class).ToArray());
        }
    }

    /// <summary>Quantises a trained table; weights that round to zero are left out.</summary>
    public static SparseWeights From(WeightTable table)
    {
        var max = 0f;
        foreach (var w in table.Weights.AsSpan(0, table.Count * table.Stride))
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max > 0 ? max / short.MaxValue : 1f;
        var rows = new List<(ulong Key, Entry[] Row)>();
        var row = new List<Entry>();
        foreach (var (key, index) in table.Entries().OrderBy(e => e.Key))
        {
            row.Clear();
            var at = index * table.Stride;
            for (var c = 0; c < table.Classes; c++)
            {
                var q = (short)Math.Round(table.Weights[at + c] / scale);
                if (q != 0)
                {
                    row.Add(new Entry((ushort)c, q));
                }
            }

            if (row.Count > 0)
            {
                rows.Add((key, row.ToArray()));
            }
        }

        return Build(table.Classes, scale, rows);
    }

    /// <summary>A copy without the weights smaller than <paramref name="minSteps"/> quantisation steps.</summary>
    public SparseWeights Prune(int minSteps)
    {
        var rows = new List<(ulong Key, Entry[] Row)>();
        foreach (var (key, row) in Entries())
        {
            var kept = row.Where(e => Math.Abs((int)e.Value) >= minSteps).ToArray();
            if (kept.Length > 0)
            {
                rows.Add((key, kept));
            }
        }

        return Build(Classes, Scale, rows);
    }

    /// <summary>Builds the table from rows (as saved).</summary>
    public static SparseWeights Build(int classes, float scale, IReadOnlyList<(ulong Key, Entry[] Row)> rows)
    {
        var ordered = rows.OrderBy(r => r.Key).ToList();
        var size = 16;
        while (size < ordered.Count * 3 / 2)
        {
            size <<= 1;
        }

        var slots = new HugePageArray<Slot>(size);
        var entries = new HugePageArray<Entry>(ordered.Sum(r => r.Row.Length + 1));
        var rowKeys = new ulong[ordered.Count];
        var rowStarts = new int[ordered.Count];
        var mask = size - 1;
        var at = 0;
        for (var r = 0; r < ordered.Count; r++)
        {
            var (key, row) = ordered[r];
            var i = (int)(key & (ulong)mask);
            while (slots[i].Tag != 0)
            {
                i = (i + 1) & mask;
            }

            // Each row opens with a header entry whose class field is the row's length.
            slots[i] = new Slot(Tag(key), at);
            rowKeys[r] = key;
            rowStarts[r] = at;
            entries[at] = new Entry((ushort)row.Length, 0);
            row.CopyTo(entries.Span[(at + 1)..]);
            at += row.Length + 1;
        }

        return new SparseWeights(classes, scale, slots, entries, rowKeys, rowStarts);
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Slot(uint Tag, int Start);

    /// <summary>One class weight: the class and the weight in steps of <see cref="Scale"/>.</summary>
    internal readonly record struct Entry(ushort Class, short Value);
}
