namespace Sitrep.Embeddings;

/// <summary>
/// Sentence vectors kept by <see cref="EmbeddingKey"/> (a hash of the model name and the exact text), so a sentence
/// seen before is never encoded again. One small interface, so the encoder (in <c>Sitrep.Meaning</c>) and a store
/// (in <c>Sitrep.Storage</c>) need not know each other.
/// </summary>
/// <remarks>Implementations are thread-safe. A cache may forget entries at any time; it never returns a vector for a
/// key that was not put.</remarks>
public interface IEmbeddingCache
{
    /// <summary>The vectors of <paramref name="keys"/>, in the same order; <c>null</c> where a key is not cached.</summary>
    float[]?[] GetMany(IReadOnlyList<EmbeddingKey> keys);

    /// <summary>Keeps <paramref name="entries"/>; putting a key again replaces its vector.</summary>
    void PutMany(IReadOnlyList<KeyValuePair<EmbeddingKey, float[]>> entries);
}
