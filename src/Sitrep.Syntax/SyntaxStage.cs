using Sitrep.Pipeline;

namespace Sitrep.Syntax;

/// <summary>
/// Tags, lemmatises and parses every sentence of a document with a <see cref="SyntaxModel"/> into a
/// <see cref="SyntaxLayer"/>. Not part of the default pipeline: parsing every sentence costs time, and callers that
/// need syntax for a few sentences only can call <see cref="SyntaxModel.Parse(Sitrep.Pipeline.AnalyzedDocument, Sitrep.Text.Sentence)"/>.
/// </summary>
/// <remarks>Thread-safe: the model is immutable and parsing uses per-thread buffers.</remarks>
public sealed class SyntaxStage : DocumentStage<SyntaxLayer>
{
    private readonly SyntaxModel? _model;

    /// <summary>A stage with the shipped model (loaded on first use).</summary>
    public SyntaxStage()
    {
    }

    /// <summary>A stage with <paramref name="model"/>.</summary>
    public SyntaxStage(SyntaxModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <inheritdoc />
    public override string Name => SyntaxModel.ComponentName;

    /// <inheritdoc />
    public override IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences];

    /// <inheritdoc />
    public override IReadOnlyList<string> Assigns { get; } = [Capabilities.Syntax];

    /// <inheritdoc />
    public override SyntaxLayer Predict(AnalyzedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = _model ?? SyntaxModel.Default;
        cancellationToken.ThrowIfCancellationRequested();
        var parses = model.Parse(document);
        return new SyntaxLayer(parses);
    }

    /// <inheritdoc />
    public override void Apply(AnalyzedDocument document, SyntaxLayer prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Layers.Set(prediction);
    }
}
