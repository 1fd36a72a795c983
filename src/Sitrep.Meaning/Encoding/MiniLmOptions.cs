namespace Sitrep.Meaning.Encoding;

/// <summary>Settings of <see cref="MiniLmSentenceEncoder"/>.</summary>
public sealed record MiniLmOptions
{
    /// <summary>Word pieces kept per sentence, [CLS] and [SEP] included (the model was trained with 128).</summary>
    public int MaxWordPieces { get; init; } = 128;

    /// <summary>Sentences run through the model at once.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Threads ONNX Runtime may use inside one operator (0 lets it choose).</summary>
    public int IntraOpThreads { get; init; } = 1;
}
