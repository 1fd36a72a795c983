using Sitrep.Pipeline;

namespace Sitrep.Claims;

/// <summary>
/// Assigns <see cref="Capabilities.Claims"/>: a <see cref="ClaimLayer"/> with every check-worthy proposition of the
/// document, its holder, polarity, ICD 203 likelihood, hearsay marker, kind and quantities. Rule-based, no model.
/// </summary>
public sealed class ClaimStage : DocumentStage<IReadOnlyList<Claim>>
{
    private readonly ClaimAnalyzer _analyzer;

    /// <summary>Creates the stage.</summary>
    public ClaimStage(ClaimOptions? options = null) => _analyzer = new ClaimAnalyzer(options);

    /// <inheritdoc />
    public override string Name => "claims.rules.v1";

    /// <inheritdoc />
    public override IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences];

    /// <inheritdoc />
    public override IReadOnlyList<string> Assigns { get; } = [Capabilities.Claims];

    /// <inheritdoc />
    public override IReadOnlyList<Claim> Predict(AnalyzedDocument document, CancellationToken cancellationToken) =>
        _analyzer.Analyze(document, cancellationToken);

    /// <inheritdoc />
    public override void Apply(AnalyzedDocument document, IReadOnlyList<Claim> prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prediction);
        document.Layers.Set(new ClaimLayer(prediction));
    }
}
