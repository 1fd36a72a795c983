using Sitrep.Embeddings;

namespace Sitrep.Meaning.Encoding;

/// <summary>
/// An encoder that asks <see cref="IEmbeddingCache"/> first and encodes only the sentences it misses (each distinct
/// text once per call), then puts the new vectors in the cache.
/// </summary>
/// <remarks>Thread-safe when the inner encoder and the cache are.</remarks>
public sealed class CachingSentenceEncoder : ISentenceEncoder
{
    private readonly ISentenceEncoder _inner;
    private readonly IEmbeddingCache _cache;
    private long _hits;
    private long _misses;

    /// <summary>Wraps <paramref name="inner"/> with <paramref name="cache"/>.</summary>
    public CachingSentenceEncoder(ISentenceEncoder inner, IEmbeddingCache cache)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(cache);
        _inner = inner;
        _cache = cache;
    }

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <inheritdoc />
    public int Dimensions => _inner.Dimensions;

    /// <summary>Sentences answered from the cache so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Sentences that had to be encoded so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <inheritdoc />
    public float[][] Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var entered = EncoderTally.Enter(sentences.Count);
        try
        {
            return EncodeMissing(sentences, cancellationToken);
        }
        finally
        {
            EncoderTally.Leave(entered);
        }
    }

    private float[][] EncodeMissing(IReadOnlyList<string> sentences, CancellationToken cancellationToken)
    {
        var keys = sentences.Select(s => EmbeddingKey.For(_inner.Name, s ?? string.Empty)).ToArray();
        var cached = _cache.GetMany(keys);
        var vectors = new float[sentences.Count][];
        var missing = new Dictionary<EmbeddingKey, List<int>>();
        for (var i = 0; i < sentences.Count; i++)
        {
            if (cached[i] is { } vector && vector.Length == _inner.Dimensions)
            {
                vectors[i] = vector;
                continue;
            }

            if (!missing.TryGetValue(keys[i], out var positions))
            {
                missing[keys[i]] = positions = [];
            }

            positions.Add(i);
        }

        Interlocked.Add(ref _hits, sentences.Count - missing.Values.Sum(p => p.Count));
        Interlocked.Add(ref _misses, missing.Count);
        if (missing.Count == 0)
        {
            return vectors;
        }

        var todo = missing.ToArray();
        var encoded = _inner.Encode(todo.Select(m => sentences[m.Value[0]] ?? string.Empty).ToArray(), cancellationToken);
        var entries = new KeyValuePair<EmbeddingKey, float[]>[todo.Length];
        for (var k = 0; k < todo.Length; k++)
        {
            entries[k] = new(todo[k].Key, encoded[k]);
            foreach (var i in todo[k].Value)
            {
                vectors[i] = encoded[k];
            }
        }

        _cache.PutMany(entries);
        return vectors;
    }
}
