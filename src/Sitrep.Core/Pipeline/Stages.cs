namespace Sitrep.Pipeline;

/// <summary>What every stage declares: a versioned name, what it needs and what it produces.</summary>
public interface IAnalysisStage
{
    /// <summary>Versioned component name stored with results, e.g. <c>ner.perceptron.v1</c>.</summary>
    string Name { get; }

    /// <summary>Capabilities that must be assigned before this stage runs.</summary>
    IReadOnlyList<string> Requires { get; }

    /// <summary>Capabilities this stage assigns.</summary>
    IReadOnlyList<string> Assigns { get; }
}

/// <summary>A stage that annotates one document at a time. Must be thread-safe: documents run in parallel.</summary>
public interface IDocumentStage : IAnalysisStage
{
    /// <summary>Annotates <paramref name="document"/>.</summary>
    void Process(AnalyzedDocument document, CancellationToken cancellationToken);
}

/// <summary>A stage that works across all documents of a run (alias resolution, clustering, timeline, …).</summary>
public interface ICorpusStage : IAnalysisStage
{
    /// <summary>Annotates the corpus.</summary>
    void Process(Corpus corpus, CancellationToken cancellationToken);
}

/// <summary>
/// A document stage split into compute and apply, as spaCy splits <c>predict</c> from <c>set_annotations</c>: the
/// prediction is a plain value that can be cached, batched or persisted, and applying it is cheap.
/// </summary>
/// <typeparam name="TPrediction">What the stage computes for one document.</typeparam>
public abstract class DocumentStage<TPrediction> : IDocumentStage
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> Requires { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> Assigns { get; }

    /// <summary>Computes the stage's result without touching the document.</summary>
    public abstract TPrediction Predict(AnalyzedDocument document, CancellationToken cancellationToken);

    /// <summary>Stores a result on the document.</summary>
    public abstract void Apply(AnalyzedDocument document, TPrediction prediction);

    /// <inheritdoc />
    public void Process(AnalyzedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        Apply(document, Predict(document, cancellationToken));
    }
}

/// <summary>
/// A <see cref="DocumentStage{TPrediction}"/> whose prediction is the document layer it stores
/// (<c>document.Layers</c>, keyed by <typeparamref name="TPrediction"/>) and that keeps it in the store as
/// <see cref="LayerJson"/>: export and import come for free.
/// </summary>
/// <typeparam name="TPrediction">The layer type: a record that <see cref="LayerJson"/> round-trips.</typeparam>
public abstract class PersistedDocumentStage<TPrediction> : DocumentStage<TPrediction>, IPersistedStage
    where TPrediction : class
{
    /// <inheritdoc />
    public abstract string PersistedLayerName { get; }

    /// <inheritdoc />
    public override void Apply(AnalyzedDocument document, TPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prediction);
        document.Layers.Set(prediction);
    }

    /// <inheritdoc />
    public virtual PersistedLayer? Export(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Layers.Find<TPrediction>() is { } layer
            ? new PersistedLayer(PersistedLayerName, Name, LayerJson.Serialize(layer))
            : null;
    }

    /// <inheritdoc />
    public virtual bool Import(AnalyzedDocument document, PersistedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layer);
        if (LayerJson.TryDeserialize<TPrediction>(layer.Json) is not { } restored)
        {
            return false;
        }

        Apply(document, restored);
        return true;
    }
}

/// <summary>
/// A document stage whose results are worth keeping in the store: it serializes its layer of one document. The run
/// persists what every such stage exports, in the same transaction as the document.
/// </summary>
/// <remarks>
/// Export and <see cref="Import"/> are inverses: a document whose every persisted layer was stored by the same
/// component (<see cref="IAnalysisStage.Name"/>) is read back from the store instead of being analysed again, so the
/// corpus stages can work over every stored document. A layer stored by another component version, or one that cannot
/// be read, means the document is analysed again.
/// </remarks>
public interface IPersistedStage : IDocumentStage
{
    /// <summary>The layer name <see cref="Export"/> writes and <see cref="Import"/> reads, e.g. <c>text.sentences</c>.</summary>
    string PersistedLayerName { get; }

    /// <summary>The stage's results for one document, or null when it has none.</summary>
    PersistedLayer? Export(AnalyzedDocument document);

    /// <summary>
    /// Restores the stage's results on <paramref name="document"/> from what <see cref="Export"/> wrote for it, as if the
    /// stage had run. Returns false, changing nothing, when <paramref name="layer"/> cannot be read (another format).
    /// </summary>
    bool Import(AnalyzedDocument document, PersistedLayer layer);
}

/// <summary>One stage's serialized results for one document.</summary>
/// <param name="Layer">Layer name, e.g. <c>text.sentences</c>.</param>
/// <param name="Component">Versioned stage name.</param>
/// <param name="Json">The results as JSON.</param>
public sealed record PersistedLayer(string Layer, string Component, string Json);

/// <summary>
/// A corpus layer worth keeping in the store after the run, so that a later command (such as <c>sitrep ach</c>) can
/// work from it without re-analysing the documents. The run saves every such layer under its key.
/// </summary>
public interface ISnapshotLayer
{
    /// <summary>Settings key, e.g. <c>ach.snapshot</c>.</summary>
    string SnapshotKey { get; }

    /// <summary>The layer as JSON.</summary>
    string ToSnapshotJson();
}
