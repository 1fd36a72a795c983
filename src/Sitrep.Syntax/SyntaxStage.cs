using Sitrep.Pipeline;

namespace Sitrep.Syntax;

/// <summary>
/// Tags, lemmatises and parses the sentences of a document with a <see cref="SyntaxModel"/> into a
/// <see cref="SyntaxLayer"/>: every sentence when the stage runs, or (<see cref="SyntaxOptions.OnDemand"/>, as the
/// default pipeline runs it) each sentence when a later stage first asks for it, so that only the sentences that stage
/// reads pay for the parser. Sentences over <see cref="SyntaxOptions.MaxSentenceWords"/> tokens are left unparsed.
/// </summary>
/// <remarks>Thread-safe: the model is immutable and parsing uses per-thread buffers.</remarks>
public sealed class SyntaxStage : DocumentStage<SyntaxLayer>
{
    private readonly SyntaxOptions _options;
    private readonly SentenceParseCache? _cache;

    /// <summary>A stage with the shipped model (loaded on first use) that parses every sentence when it runs.</summary>
    public SyntaxStage()
        : this(SyntaxOptions.Default)
    {
    }

    /// <summary>A stage with <paramref name="model"/>.</summary>
    public SyntaxStage(SyntaxModel model)
        : this(SyntaxOptions.Default with { Model = model ?? throw new ArgumentNullException(nameof(model)) })
    {
    }

    /// <summary>A stage with <paramref name="options"/>.</summary>
    public SyntaxStage(SyntaxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxSentenceWords);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CachedSentences);
        _options = options;
        _cache = options.CachedSentences > 0 ? new SentenceParseCache(options.CachedSentences) : null;
    }

    /// <summary>The stage's parse cache (null when <see cref="SyntaxOptions.CachedSentences"/> is 0), for benchmarks.</summary>
    public SentenceParseCache? Cache => _cache;

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
        var model = _options.Model ?? SyntaxModel.Default;
        cancellationToken.ThrowIfCancellationRequested();
        return _options.OnDemand
            ? new SyntaxLayer(document, model, _options.MaxSentenceWords, _cache)
            : SyntaxLayer.Parsed(document, model, _options.MaxSentenceWords, _cache);
    }

    /// <inheritdoc />
    public override void Apply(AnalyzedDocument document, SyntaxLayer prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Layers.Set(prediction);
    }
}
