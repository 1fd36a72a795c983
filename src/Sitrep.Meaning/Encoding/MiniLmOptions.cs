using Microsoft.ML.OnnxRuntime;

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

    /// <summary>ONNX Runtime's graph optimisation level (the settings below are measured by the benchmark's <c>minilm-settings</c>).</summary>
    internal GraphOptimizationLevel GraphOptimization { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>ONNX Runtime's execution mode: operators one after another, or independent branches of the graph at once.</summary>
    internal ExecutionMode Mode { get; init; } = ExecutionMode.ORT_SEQUENTIAL;

    /// <summary>Whether ONNX Runtime keeps freed CPU buffers in its arena for the next run.</summary>
    internal bool MemoryArena { get; init; } = true;

    /// <summary>Whether ONNX Runtime plans a run's buffers from the shapes of the previous run of the same shapes.</summary>
    internal bool MemoryPattern { get; init; } = true;
}
