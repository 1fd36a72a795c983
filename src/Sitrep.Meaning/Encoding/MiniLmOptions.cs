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

    /// <summary>
    /// Batches run at once, each on its own thread (one per core by default). A sentence's batch is the same whatever
    /// this is, so its vector is too: only the wall time changes.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
