using Sitrep.Corroboration.Alignment;
using Sitrep.Pipeline;

namespace Sitrep.Corroboration.Figures;

/// <summary>
/// Assigns <see cref="Capabilities.Figures"/>: the sources' figures per event and quantity, side by side, labelled
/// consistent, update or dispute (<see cref="FigureLayer"/>).
/// </summary>
public sealed class FigureStage : ICorpusStage
{
    private readonly Func<Corpus, string, string?>? _syndicationGroup;
    private readonly Func<Corpus, string, IReadOnlyList<string>>? _entitiesOf;

    /// <summary>Creates the stage.</summary>
    /// <param name="syndicationGroup">A document's syndication group (copies count once), or null; with it the stage requires <see cref="Capabilities.Syndication"/>.</param>
    /// <param name="entitiesOf">The resolved entity ids a document mentions, one per mention, to tell stories apart; with it the stage requires <see cref="Capabilities.Entities"/>.</param>
    public FigureStage(Func<Corpus, string, string?>? syndicationGroup = null, Func<Corpus, string, IReadOnlyList<string>>? entitiesOf = null)
    {
        _syndicationGroup = syndicationGroup;
        _entitiesOf = entitiesOf;
        var requires = ClaimStageRequirements.Of(syndicationGroup is not null, entitiesOf is not null);
        Requires = requires;
    }

    /// <inheritdoc />
    public string Name => "corroboration.figures.v1";

    /// <inheritdoc />
    public IReadOnlyList<string> Requires { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Assigns { get; } = [Capabilities.Figures];

    /// <inheritdoc />
    public void Process(Corpus corpus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var alignment = StoryAlignment.Build(corpus, _entitiesOf);
        var figures = FigureFinder.Find(corpus, alignment, (c, id) => PropositionStage.OriginOf(c, id, _syndicationGroup), cancellationToken);
        corpus.Layers.Set(new FigureLayer(figures));
    }
}
