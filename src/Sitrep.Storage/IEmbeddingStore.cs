using Sitrep.Embeddings;

namespace Sitrep.Storage;

/// <summary>
/// A store that keeps sentence vectors beside its documents (keyed by <see cref="EmbeddingKey"/>: the model's name and
/// the sentence's text), so that a process reading stored documents finds their sentences encoded instead of encoding
/// them again.
/// </summary>
public interface IEmbeddingStore
{
    /// <summary>The store's vectors; safe to call from several threads, like the store.</summary>
    IEmbeddingCache Embeddings { get; }
}
