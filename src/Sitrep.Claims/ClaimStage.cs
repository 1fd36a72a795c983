using Sitrep.Pipeline;

namespace Sitrep.Claims;

/// <summary>
/// Assigns <see cref="Capabilities.Claims"/>: a <see cref="ClaimLayer"/> with every check-worthy proposition of the
/// document, its holder, polarity, ICD 203 likelihood, hearsay marker, kind and quantities, and its event time apart
/// from its report time. Rule-based, no model.
/// </summary>
/// <remarks>
/// Requires <see cref="Capabilities.Timexes"/>: the event time of a claim is the timex layer's value for the expression
/// inside the claim or its sentence (<see cref="Time.EventTimes.For"/>), so "on Saturday morning" in a post of Sunday
/// 25 June is <c>2023-06-24TMO</c>, and the report time is that of the post, live update or document.
/// </remarks>
public sealed class ClaimStage : DocumentStage<IReadOnlyList<Claim>>
{
    private readonly ClaimAnalyzer _analyzer;

    /// <summary>Creates the stage.</summary>
    public ClaimStage(ClaimOptions? options = null) => _analyzer = new ClaimAnalyzer(options);

    /// <inheritdoc />
    public override string Name => "claims.rules.v1";

    /// <inheritdoc />
    public override IReadOnlyList<string> Requires { get; } = [Capabilities.Sentences, Capabilities.Timexes];

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
