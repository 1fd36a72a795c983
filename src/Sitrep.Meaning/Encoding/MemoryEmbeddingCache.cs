using System.Collections.Concurrent;
using Sitrep.Embeddings;

namespace Sitrep.Meaning.Encoding;

/// <summary>An in-process <see cref="IEmbeddingCache"/> holding at most <c>capacity</c> vectors (then it starts afresh).</summary>
public sealed class MemoryEmbeddingCache : IEmbeddingCache
{
    private readonly ConcurrentDictionary<EmbeddingKey, float[]> _vectors = new();
    private readonly int _capacity;

    /// <summary>A cache of at most <paramref name="capacity"/> vectors.</summary>
    public MemoryEmbeddingCache(int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>Vectors held.</summary>
    public int Count => _vectors.Count;

    /// <inheritdoc />
    public float[]?[] GetMany(IReadOnlyList<EmbeddingKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Select(k => _vectors.TryGetValue(k, out var v) ? v : null).ToArray();
    }

    /// <inheritdoc />
    public void PutMany(IReadOnlyList<KeyValuePair<EmbeddingKey, float[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (_vectors.Count + entries.Count > _capacity)
        {
            // A bounded cache: dropping everything is crude but keeps memory flat and needs no bookkeeping per hit.
            _vectors.Clear();
        }

        foreach (var (key, vector) in entries)
        {
            _vectors[key] = vector;
        }
    }
}
