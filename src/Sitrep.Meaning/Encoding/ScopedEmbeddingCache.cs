using Sitrep.Embeddings;

namespace Sitrep.Meaning.Encoding;

/// <summary>
/// A process-wide cache in front of the current run's store (<see cref="EmbeddingScope.Current"/>): a vector is looked
/// up in memory first, then in the store, and only then encoded; a new vector goes to both. Outside any scope it is
/// <paramref name="memory"/> alone.
/// </summary>
/// <param name="memory">The in-process cache, asked first.</param>
/// <remarks>
/// Memory comes first so that a vector encoded in this process is used as encoded (the store keeps 32-bit floats too,
/// so one read back is the same). Thread-safe when <paramref name="memory"/> and the scope's store are.
/// </remarks>
public sealed class ScopedEmbeddingCache(IEmbeddingCache memory) : IEmbeddingCache
{
    private readonly IEmbeddingCache _memory = memory ?? throw new ArgumentNullException(nameof(memory));
    private long _storeHits;

    /// <summary>Vectors found in a scope's store (not in memory) so far.</summary>
    public long StoreHits => Interlocked.Read(ref _storeHits);

    /// <inheritdoc />
    public float[]?[] GetMany(IReadOnlyList<EmbeddingKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = _memory.GetMany(keys);
        if (EmbeddingScope.Current is not { } scope)
        {
            return found;
        }

        var missing = new List<int>();
        for (var i = 0; i < found.Length; i++)
        {
            if (found[i] is null)
            {
                missing.Add(i);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        var stored = scope.GetMany([.. missing.Select(i => keys[i])]);
        var back = new List<KeyValuePair<EmbeddingKey, float[]>>();
        for (var m = 0; m < missing.Count; m++)
        {
            if (stored[m] is { } vector)
            {
                found[missing[m]] = vector;
                back.Add(new(keys[missing[m]], vector));
            }
        }

        if (back.Count > 0)
        {
            Interlocked.Add(ref _storeHits, back.Count);
            _memory.PutMany(back);
        }

        return found;
    }

    /// <inheritdoc />
    public void PutMany(IReadOnlyList<KeyValuePair<EmbeddingKey, float[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _memory.PutMany(entries);
        EmbeddingScope.Current?.PutMany(entries);
    }
}
