using Sitrep.Embeddings;

namespace Sitrep.Meaning.Encoding;

/// <summary>
/// The persistent vector cache of the work in progress (a store's, <see cref="EmbeddingScope.Use"/>), which a
/// <see cref="ScopedEmbeddingCache"/> shared by the whole process falls back on: the models are process-wide, the store
/// belongs to one run, and two runs over two stores in one process each see their own.
/// </summary>
/// <remarks>
/// Ambient per logical flow (<see cref="AsyncLocal{T}"/>), so the pipeline's parallel loops see the scope of the run
/// that started them. New vectors are kept and written to the store in batches (<see cref="Flush"/>), not one
/// transaction per encoded pair. Thread-safe.
/// </remarks>
public sealed class EmbeddingScope : IDisposable
{
    /// <summary>New vectors held before they are written to the store.</summary>
    public const int FlushAt = 2048;

    private static readonly AsyncLocal<EmbeddingScope?> Ambient = new();

    private readonly IEmbeddingCache _store;
    private readonly EmbeddingScope? _outer;
    private readonly Lock _gate = new();
    private List<KeyValuePair<EmbeddingKey, float[]>> _pending = [];
    private bool _disposed;

    private EmbeddingScope(IEmbeddingCache store, EmbeddingScope? outer)
    {
        _store = store;
        _outer = outer;
    }

    /// <summary>The scope of the current flow, or null outside any.</summary>
    public static EmbeddingScope? Current => Ambient.Value;

    /// <summary>
    /// Makes <paramref name="store"/> the persistent cache of the current flow until the scope is disposed; with a null
    /// store, a scope that does nothing (and hides an outer one).
    /// </summary>
    public static EmbeddingScope? Use(IEmbeddingCache? store)
    {
        if (store is null)
        {
            return null;
        }

        var scope = new EmbeddingScope(store, Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>The stored vectors of <paramref name="keys"/> (null where none is stored).</summary>
    public float[]?[] GetMany(IReadOnlyList<EmbeddingKey> keys) => _store.GetMany(keys);

    /// <summary>Keeps new vectors, written to the store once <see cref="FlushAt"/> are held or the scope ends.</summary>
    public void PutMany(IReadOnlyList<KeyValuePair<EmbeddingKey, float[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        bool full;
        lock (_gate)
        {
            _pending.AddRange(entries);
            full = _pending.Count >= FlushAt;
        }

        if (full)
        {
            Flush();
        }
    }

    /// <summary>Writes the vectors held to the store, in one call.</summary>
    public void Flush()
    {
        List<KeyValuePair<EmbeddingKey, float[]>> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = _pending;
            _pending = [];
        }

        _store.PutMany(batch);
    }

    /// <summary>Ends the scope: the outer one (or none) is the current again. Vectors not flushed are dropped.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (ReferenceEquals(Ambient.Value, this))
        {
            Ambient.Value = _outer;
        }
    }
}
