namespace Sitrep.Corroboration.Stance;

/// <summary>A sparse feature vector: parallel index and value arrays (indices need not be sorted or unique).</summary>
/// <param name="Indices">Feature indices.</param>
/// <param name="Values">Feature values.</param>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    /// <summary>Number of stored entries.</summary>
    public int Count => Indices.Length;
}

/// <summary>Collects the entries of one <see cref="SparseVector"/>.</summary>
internal sealed class SparseVectorBuilder
{
    private readonly List<int> _indices = new(256);
    private readonly List<float> _values = new(256);

    public void Add(int index, float value)
    {
        if (value != 0f && float.IsFinite(value))
        {
            _indices.Add(index);
            _values.Add(value);
        }
    }

    public SparseVector Build() => new([.. _indices], [.. _values]);
}
