using System.Collections.Concurrent;

namespace Sitrep.Pipeline;

/// <summary>
/// Typed annotation layers keyed by their CLR type. Each capability keeps its results in one layer type of its own
/// (for example an <c>EntityMentionLayer</c>), so stages never collide and readers of a layer get a typed value.
/// </summary>
public sealed class LayerBag
{
    private readonly ConcurrentDictionary<Type, object> _layers = new();

    /// <summary>Sets (or replaces) the layer of type <typeparamref name="T"/>.</summary>
    public void Set<T>(T layer)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layers[typeof(T)] = layer;
    }

    /// <summary>The layer of type <typeparamref name="T"/>, or null when no stage assigned it.</summary>
    public T? Find<T>()
        where T : class => _layers.TryGetValue(typeof(T), out var value) ? (T)value : null;

    /// <summary>The layer of type <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">No stage assigned it.</exception>
    public T Get<T>()
        where T : class =>
        Find<T>() ?? throw new InvalidOperationException($"No layer of type {typeof(T).Name} has been assigned; check the stage order.");

    /// <summary>Sets every layer of this bag on <paramref name="other"/> (a shallow copy: layers are immutable records).</summary>
    public void CopyTo(LayerBag other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (type, layer) in _layers)
        {
            other._layers[type] = layer;
        }
    }

    /// <summary>Every layer, in no particular order.</summary>
    public IEnumerable<object> All => _layers.Values;

    /// <summary>The layer of type <typeparamref name="T"/>, created and stored on first use.</summary>
    public T GetOrAdd<T>(Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return (T)_layers.GetOrAdd(typeof(T), _ => create());
    }
}
