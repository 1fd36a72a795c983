namespace Sitrep.Meaning.Encoding;

/// <summary>Turns sentences into fixed-size vectors whose cosine reflects closeness of meaning.</summary>
/// <remarks>Implementations are thread-safe; vectors are L2-normalised, so their dot product is their cosine.</remarks>
public interface ISentenceEncoder
{
    /// <summary>A versioned model name (part of every cache key), e.g. <c>all-MiniLM-L6-v2</c>.</summary>
    string Name { get; }

    /// <summary>Length of every vector.</summary>
    int Dimensions { get; }

    /// <summary>One vector per sentence, in order. Empty text yields a valid vector; over-long text is truncated.</summary>
    float[][] Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default);
}
