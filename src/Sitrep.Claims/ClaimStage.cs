using Sitrep.Pipeline;

namespace Sitrep.Claims;

/// <summary>
/// Assigns <see cref="Capabilities.Claims"/>: a <see cref="ClaimLayer"/> with every check-worthy proposition of the
/// document, its holder, polarity, ICD 203 likelihood, hearsay marker, kind and quantities, and its event time apart
/// from its report time. Sentences that are page structure or talk about the page (headings, table rows, bylines,
/// meta lines, chatter) are not claims: <see cref="ClaimLayer.Excluded"/> keeps each with its reason. Rules, plus a
/// small lexical check-worthiness model for chatter the rules leave undecided (<see cref="Worthiness.CheckWorthinessModel"/>).
/// </summary>
/// <remarks>
/// Requires <see cref="Capabilities.Timexes"/>: the event time of a claim is the timex layer's value for the expression
/// inside the claim or its sentence (<see cref="Time.EventTimes.For"/>), so "on Saturday morning" in a post of Sunday
/// 25 June is <c>2023-06-24TMO</c>, and the report time is that of the post, live update or document. Requires
/// <see cref="Capabilities.Syntax"/> too unless <see cref="ClaimOptions.UseSyntax"/> is off: the frame of a claim
/// (predicate, event class, participants) is read from the parse of its sentence, and only claim sentences are parsed
/// when the syntax layer parses on demand.
/// </remarks>
public sealed class ClaimStage : PersistedDocumentStage<ClaimLayer>
{
    private readonly ClaimAnalyzer _analyzer;

    /// <summary>Creates the stage.</summary>
    public ClaimStage(ClaimOptions? options = null)
    {
        _analyzer = new ClaimAnalyzer(options);
        Requires = options?.UseSyntax ?? ClaimOptions.Default.UseSyntax
            ? [Capabilities.Sentences, Capabilities.Timexes, Capabilities.Syntax]
            : [Capabilities.Sentences, Capabilities.Timexes];
    }

    /// <inheritdoc />
    public override string Name => "claims.rules.v4";

    /// <inheritdoc />
    /// <remarks>
    /// With <see cref="ClaimOptions.UseSyntax"/> (the default) also <see cref="Capabilities.Syntax"/>: each claim's
    /// frame is read from the parse of its sentence (<see cref="Frames.FrameBuilder"/>).
    /// </remarks>
    public override IReadOnlyList<string> Requires { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Assigns { get; } = [Capabilities.Claims];

    /// <inheritdoc />
    public override ClaimLayer Predict(AnalyzedDocument document, CancellationToken cancellationToken) =>
        _analyzer.AnalyzeLayer(document, cancellationToken);

    /// <inheritdoc />
    public override void Apply(AnalyzedDocument document, ClaimLayer prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prediction);
        document.Layers.Set(prediction);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The whole <see cref="ClaimLayer"/> under <c>claims</c>: the claims with their frames, and the sentences judged
    /// not to be claims with their reasons (<c>excluded</c>: <c>range</c>, <c>sentence</c>, <c>postId</c>,
    /// <c>reason</c>, <c>score</c> for chatter), so that an analyst can see what was left out and why.
    /// </remarks>
    public override string PersistedLayerName => Capabilities.Claims;
}
